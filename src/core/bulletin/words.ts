import { formatChineseDate, formatEnglishDate, type IsoDate } from "../dates.js";
import type { Catalogue } from "../i18n.js";
import { zhNumeral } from "../zh-numeral.js";
import type { RuleId } from "../report.js";

/**
 * Every word the bulletin prints, one catalogue per language. Templates are filled with
 * `fill()`: `{{name}}` is a datum, `{{n|item|items}}` picks by number. A phrase that changes
 * shape with the data (with or without the inspection's name) has one template per shape,
 * so the code chooses a key, never a language.
 */
/** Pieces of a sentence of figures: `已完成N条，正在推进N条，进展待报N条；未完成的N条中，逾期N条`. */
export interface Figures {
  done: string;
  /** Done when none is: said in words, not "0条" (or not here, "", when the text says it apart). */
  noneDone: string;
  inProgress: string;
  notStarted: string;
  /** Measures whose progress is not reported (empty or unrecognised status): the figures add up. */
  unknown: string;
  sep: string;
  /**
   * The overdue among the measures not done (`{{open}}` of them), said of those, not of the last
   * figure before it: `未启动3条，其中超过整改时限4条` read as 4 of the 3.
   */
  overdue: string;
  /** Every measure not done is overdue. */
  overdueAll: string;
}

export interface BulletinWords {
  /** 巡视 / 巡察 as the running text says them; `none` when the ledger does not say which. */
  kind: { 巡视: string; 巡察: string; none: string };
  /** The issuer when none is given: the inspected body itself, as a real 通报 is issued; without a body, its rectification office. */
  issuer: string;
  issuerNoBody: string;
  /** Ends a sentence built from pieces. */
  stop: string;
  everyDepartment: string;
  moreItems: string;
  /** Title pieces, filled then joined; an empty piece is dropped. `{{issuer}}` and `{{who}}` as titles write them (titleIssuerNoBody, kindInTitle). */
  title: string[];
  /** The issuer without a body, in the title (`the Rectification Office`; the signature has no article). */
  titleIssuerNoBody: string;
  /** 巡视 / 巡察 in the title, capitalised as an English title is. */
  kindInTitle: { 巡视: string; 巡察: string; none: string };
  /** `{{who}}` in the title and opening when there is no inspection name: the kind of inspection. */
  whoFromKind: string;
  recipient: string;
  closing: string;
  /** Opening: how the feedback came, then the figures. */
  afterFeedback: string;
  afterFeedbackNoWho: string;
  /** The same, with the day of the feedback (--feedback-date). */
  afterFeedbackOn: string;
  afterFeedbackOnNoWho: string;
  /** `{{figures}}` and `{{overdue}}`: the figures that are not zero (done always); `{{rate}}`: openingRate, or "" when nothing is done. */
  opening: string;
  /**
   * `{{assigned}}` of the opening: every measure has its leader, department and deadline. Said
   * only when the check found none missing (it was untrue of a ledger with 待定 and #N/A deadlines).
   */
  assigned: string;
  /** The figures of the opening and of each category, each said only when not zero (but done). */
  figures: Figures;
  categoryFigureParts: Figures;
  /** `{{rate}}` of the opening (with `{{problemsDone}}`, the clause on whole problems, or "") and of a category. */
  openingRate: string;
  categoryRate: string;
  problemsDone: string;
  /** Under a table whose rows add up to more than its total (a measure of two departments or leaders). */
  sharedDepartments: string;
  sharedLeaders: string;
  /** Since the last check (report.progress): the figures, then what was finished, fell overdue or was moved. */
  progress: {
    /** `{{parts}}` are the figures that are not zero, joined by `partSep`. */
    figures: string;
    /** When every figure is zero: said once, instead of a row of noughts. */
    unchanged: string;
    parts: Record<"done" | "reopened" | "overdue" | "still" | "moved" | "added" | "removed", string>;
    partSep: string;
    newlyDone: string;
    reopened: string;
    newlyOverdue: string;
    deadlineMoved: string;
    item: string;
    itemNoDepartment: string;
    movedItem: string;
    more: string;
    /** Between the sentences of the paragraph. */
    join: string;
  };
  /** A date as the bulletin prints it (core/dates.ts: `2025年7月1日`, `1 July 2025`). */
  formatDate: (date: IsoDate) => string;
  percentTemplate: string;

  sections: {
    overall: string;
    byDepartment: string;
    byLeader: string;
    byCategory: string;
    finished: string;
    attention: string;
    overdue: string;
    dueSoon: string;
    paperOnly: string;
    incomplete: string;
    nextSteps: string;
  };
  /** Level-2 numbering: `（一）`; `numeral` gives the 一 for 1 (二十一 for 21: a long feedback has that many categories). */
  sub: string;
  numeral: (n: number) => string;
  /** Table caption: `表1　各责任部门整改进展情况`. */
  caption: string;
  captions: {
    byDepartment: string;
    byLeader: string;
    overdue: string;
    dueSoon: string;
    paperOnly: string;
    incomplete: string;
  };
  /** `1.` list items. */
  item: string;
  listSep: string;
  nameSep: string;
  /** A table cell with nothing to show. */
  blank: string;
  total: string;

  noTasks: string;
  byDepartmentIntro: string;
  unassignedDepartment: string;
  byLeaderIntro: string;
  unassignedLeader: string;
  headers: {
    no: string;
    department: string;
    lead: string;
    leadDepartments: string;
    problem: string;
    measures: string;
    measureCount: string;
    done: string;
    inProgress: string;
    notStarted: string;
    unknown: string;
    unfinished: string;
    overdue: string;
    rate: string;
    deadline: string;
    daysOverdue: string;
    daysLeft: string;
    progress: string;
    reason: string;
    gaps: string;
  };

  /** `（一）关于……方面的整改`: `{{name}}` is the category without its number and 关于. */
  categoryHeading: string;
  categoryHeadingPlain: string;
  otherCategory: string;
  /** `{{figures}}` and `{{overdue}}`: categoryFigureParts. */
  categoryFigures: string;
  finishedLead: string;
  finishedNone: string;
  /** Without categories there is no "该方面": the whole ledger has none done yet. */
  finishedNoneAll: string;
  finishedIntro: string;
  /** 三 when there is nothing to point at: no measure overdue, due soon, suspect or incomplete. */
  attentionNone: string;
  finishedItem: string;
  finishedItemNoDept: string;
  /** After a finished measure the check flags as possibly paper-only. */
  finishedToVerify: string;

  overdueIntro: string;
  overdueNone: string;
  dueSoonIntro: string;
  dueSoonNone: string;
  /** The same with the window named (`{{days}}`), as the notices' legend names it. */
  dueSoonIntroDays: string;
  dueSoonNoneDays: string;
  paperIntro: string;
  paperNone: string;
  incompleteIntro: string;
  incompleteNone: string;
  more: string;

  /** A reason as the next-steps sentence names it: the rule catalogue's title, as the table shows it. */
  reasonInSentence: string;
  /** The field a gap leaves empty, as the next-steps sentence names it. */
  gapFields: Partial<Record<RuleId, string>>;
  gaps: Partial<Record<RuleId, string>>;
  gapDeadlineText: string;
  gapStatusText: string;

  next: {
    overdue: [string, string];
    overdueNone: [string, string];
    dueSoon: [string, string];
    paper: [string, string];
    paperNone: [string, string];
    incomplete: [string, string];
    close: [string, string];
    /** The same when nothing is done yet: no finished measure to review. */
    closeNoneDone: [string, string];
  };
}

export const WORDS = {
  zh: {
    kind: { 巡视: "巡视", 巡察: "巡察", none: "" },
    issuer: "{{body}}",
    issuerNoBody: "{{kind}}整改工作领导小组办公室",
    stop: "。",
    everyDepartment: "各责任部门",
    moreItems: "以上列出前{{shown}}条，其余{{rest}}条见整改台账。",
    title: ["{{issuer}}", "关于", "落实", "{{who}}", "反馈意见", "整改进展情况的通报"],
    titleIssuerNoBody: "{{kind}}整改工作领导小组办公室",
    kindInTitle: { 巡视: "巡视", 巡察: "巡察", none: "" },
    whoFromKind: "{{kind}}",
    recipient: "各有关部门（单位）：",
    closing: "特此通报。",
    afterFeedback: "{{who}}反馈意见后，",
    afterFeedbackNoWho: "对照反馈意见，",
    afterFeedbackOn: "{{who}}于{{date}}反馈意见后，",
    afterFeedbackOnNoWho: "{{date}}收到反馈意见后，",
    opening:
      "{{after}}{{body}}对反馈问题逐条梳理，明确整改问题{{problems}}个、整改措施{{measures}}条{{assigned}}。" +
      "截至{{date}}，{{figures}}{{overdue}}{{rate}}。现将整改进展情况通报如下。",
    assigned: "，逐项明确责任领导、责任部门和整改时限",
    figures: {
      done: "已完成整改措施{{n}}条",
      noneDone: "尚无已完成的整改措施",
      inProgress: "正在推进{{n}}条",
      notStarted: "未启动{{n}}条",
      unknown: "进展待报{{n}}条",
      sep: "，",
      overdue: "；未完成的{{open}}条中，已超过整改时限{{n}}条",
      overdueAll: "；未完成的{{n}}条均已超过整改时限",
    },
    categoryFigureParts: {
      done: "已完成{{n}}条",
      // Said below the figures (该方面暂无已完成的整改措施), not twice.
      noneDone: "",
      inProgress: "正在推进{{n}}条",
      notStarted: "未启动{{n}}条",
      unknown: "进展待报{{n}}条",
      sep: "，",
      overdue: "；未完成的{{open}}条中，逾期{{n}}条",
      overdueAll: "；未完成的{{n}}条均已逾期",
    },
    openingRate: "；整改措施完成率{{rate}}{{problemsDone}}",
    categoryRate: "，完成率{{rate}}",
    problemsDone: "，{{n}}个问题的整改措施已全部完成",
    sharedDepartments: "由多个部门共同负责的整改措施分别计入各部门，表{{table}}合计按整改措施条数统计。",
    sharedLeaders: "由多位领导共同牵头的整改措施分别计入各位领导，表{{table}}合计按整改措施条数统计。",
    progress: {
      figures: "与上次校验（{{since}}）相比，{{parts}}。",
      unchanged: "与上次校验（{{since}}）相比，整改措施的完成和逾期情况没有变化。",
      parts: {
        done: "新增完成整改措施{{n}}条",
        reopened: "此前已完成、本次未标注完成{{n}}条",
        overdue: "新增逾期{{n}}条",
        still: "仍逾期未完成{{n}}条",
        moved: "调整整改时限{{n}}条",
        added: "台账新增措施{{n}}条",
        removed: "减少措施{{n}}条",
      },
      partSep: "，",
      newlyDone: "新增完成的有：{{list}}。",
      reopened: "此前已标注完成、本次不再标注完成的有：{{list}}，请核实问题是否反弹。",
      newlyOverdue: "新增逾期的有：{{list}}，请相关部门抓紧整改。",
      deadlineMoved: "调整整改时限的有：{{list}}。",
      item: "{{problem}}（{{department}}）",
      itemNoDepartment: "{{problem}}",
      movedItem: "{{problem}}（由{{from}}调整为{{to}}）",
      more: "等{{n}}条",
      join: "",
    },
    formatDate: formatChineseDate,
    percentTemplate: "{{value}}%",
    sections: {
      overall: "一、整改工作总体进展",
      byDepartment: "各责任部门整改进展",
      byLeader: "各责任领导牵头事项整改进展",
      byCategory: "二、反馈意见整改落实情况",
      finished: "二、已完成整改事项",
      attention: "三、需要重点关注的问题",
      overdue: "逾期未完成事项",
      dueSoon: "即将到期事项",
      paperOnly: "疑似“纸面整改”事项",
      incomplete: "台账填报需完善事项",
      nextSteps: "四、下一步工作要求",
    },
    sub: "（{{n}}）",
    numeral: zhNumeral,
    caption: "表{{n}}　{{name}}",
    captions: {
      byDepartment: "各责任部门整改进展情况",
      byLeader: "各责任领导牵头事项整改进展情况",
      overdue: "逾期未完成整改措施",
      dueSoon: "即将到期整改措施",
      paperOnly: "疑似“纸面整改”整改措施",
      incomplete: "台账填报需完善事项",
    },
    item: "{{n}}.",
    listSep: "；",
    nameSep: "、",
    blank: "—",
    total: "合计",
    noTasks: "台账中未识别到整改任务。",
    byDepartmentIntro: "整改措施涉及{{n}}个责任部门，各部门整改进展情况见表{{table}}。",
    unassignedDepartment: "另有{{n}}条整改措施未明确责任部门，未列入表{{table}}，请尽快明确。",
    byLeaderIntro: "按责任领导统计，各位领导牵头的整改措施进展情况见表{{table}}。",
    unassignedLeader: "另有{{n}}条整改措施未明确责任领导，未列入表{{table}}。",
    headers: {
      no: "序号",
      department: "责任部门",
      lead: "责任领导",
      leadDepartments: "涉及部门",
      problem: "反馈问题",
      measures: "整改措施",
      measureCount: "措施数",
      done: "已完成",
      inProgress: "正在推进",
      notStarted: "未启动",
      unknown: "进展待报",
      unfinished: "未完成",
      overdue: "逾期",
      rate: "完成率",
      deadline: "整改时限",
      daysOverdue: "逾期天数",
      daysLeft: "剩余天数",
      progress: "目前进展",
      reason: "疑似情形",
      gaps: "需补充完善的内容",
    },
    categoryHeading: "（{{n}}）关于{{name}}方面的整改",
    categoryHeadingPlain: "（{{n}}）关于{{name}}的整改",
    otherCategory: "其他",
    categoryFigures: "该方面共有问题{{problems}}个、整改措施{{measures}}条，{{figures}}{{rate}}{{overdue}}。",
    finishedLead: "已完成的整改措施：",
    finishedNone: "该方面暂无已完成的整改措施。",
    finishedNoneAll: "截至{{date}}，暂无已完成的整改措施。",
    finishedIntro: "截至{{date}}，已完成整改措施{{n}}条：",
    attentionNone: "截至{{date}}，经比对台账，无超过整改时限、即将到期、疑似“纸面整改”或台账要素填报不全的整改措施。",
    finishedItem: "{{measures}}（{{department}}）",
    finishedItemNoDept: "{{measures}}",
    finishedToVerify: "（成效待核实）",
    overdueIntro: "截至{{date}}，共有{{n}}条整改措施超过整改时限仍未完成，涉及{{departments}}，具体见表{{table}}。",
    overdueNone: "截至{{date}}，无超过整改时限未完成的整改措施。",
    dueSoonIntro: "{{n}}条整改措施即将到期，涉及{{departments}}，请抓紧推进，具体见表{{table}}。",
    dueSoonNone: "近期无即将到期的整改措施。",
    dueSoonIntroDays: "{{n}}条整改措施将在{{days}}日内到期，涉及{{departments}}，请抓紧推进，具体见表{{table}}。",
    dueSoonNoneDays: "{{days}}日内无到期的整改措施。",
    paperIntro:
      "经比对台账，{{n}}条整改措施存在“纸面整改”迹象，请相关部门逐项核实，补充佐证材料或实际举措，具体见表{{table}}。",
    paperNone: "经比对台账，未发现疑似“纸面整改”的整改措施。",
    incompleteIntro: "{{n}}条整改措施的台账要素填报不全或不规范，请责任部门尽快补充完善，具体见表{{table}}。",
    incompleteNone: "台账各项要素填报完整。",
    more: "表{{table}}列出前{{shown}}条，其余{{rest}}条已在台账中标注，请相关部门对照整改。",
    reasonInSentence: "{{title}}",
    gapFields: {
      "missing-lead": "责任领导",
      "missing-department": "责任部门",
      "missing-measures": "整改措施",
      "missing-deadline": "整改时限",
      "invalid-deadline": "整改时限",
      "missing-status": "整改进展",
    },
    gaps: {
      "missing-lead": "未填写责任领导",
      "missing-department": "未填写责任部门",
      "missing-measures": "未填写整改措施",
      "missing-deadline": "未填写整改时限",
      "invalid-deadline": "整改时限不明确",
      "missing-status": "未填写整改进展",
    },
    gapDeadlineText: "整改时限“{{text}}”不明确",
    gapStatusText: "整改进展“{{text}}”表述不规范",
    next: {
      overdue: [
        "加快推进逾期事项整改",
        "{{departments}}要逐项分析逾期原因，明确新的完成时限和责任人，倒排工期、压茬推进，确保尽快完成整改；确实无法按期完成的，要书面说明情况和下一步安排。",
      ],
      overdueNone: [
        "压茬推进整改任务",
        "各责任部门要对照整改台账逐项推进，盯紧时间节点，确保整改任务按期完成，防止出现逾期事项。",
      ],
      dueSoon: [
        "盯紧即将到期事项",
        "{{departments}}要对即将到期的{{n}}条整改措施{{n|对照|逐项对照}}时限，集中力量推进，确保按期完成，防止出现新的逾期。",
      ],
      paper: [
        "坚决防止“纸面整改”",
        "对{{reasons}}的整改措施，{{departments}}要逐项核实整改成效，补充佐证材料和实际举措，不以制定制度、召开会议代替整改落实，做到真改实改。",
      ],
      paperNone: [
        "巩固整改成效",
        "各责任部门要对已标注完成的整改措施逐项核实整改成效，及时归档佐证材料，防止问题反弹。",
      ],
      incomplete: [
        "规范整改台账填报",
        "{{departments}}要对照台账要素，补充完善{{gaps}}等内容，做到要素齐全、表述准确，为对账销号提供依据。",
      ],
      close: [
        "严格对账销号",
        "领导小组办公室将定期调度整改进展，对已完成事项逐项审核、对账销号；对推进不力、敷衍整改的，按有关规定予以通报。",
      ],
      closeNoneDone: [
        "加强调度督办",
        "领导小组办公室将定期调度整改进展，整改措施完成一项、审核销号一项；对推进不力、敷衍整改的，按有关规定予以通报。",
      ],
    },
  },
  en: {
    kind: { 巡视: "inspection tour", 巡察: "circuit inspection", none: "inspection" },
    issuer: "{{body}}",
    issuerNoBody: "Rectification Office",
    stop: ".",
    everyDepartment: "Every department",
    moreItems: "The first {{shown}} are listed; the others are in the ledger ({{rest}} more).",
    // Not "Rectification" twice when the issuer is the Rectification Office.
    title: ["Bulletin of {{issuer}}", " on Progress in Acting", " on the Feedback of {{who}}"],
    titleIssuerNoBody: "the Rectification Office",
    kindInTitle: { 巡视: "Inspection Tour", 巡察: "Circuit Inspection", none: "Inspection" },
    whoFromKind: "the {{kind}}",
    recipient: "To: all departments and units concerned",
    closing: "This bulletin is hereby issued.",
    afterFeedback: "Following the feedback of {{who}}, ",
    afterFeedbackNoWho: "Following the feedback, ",
    afterFeedbackOn: "Following the feedback of {{who}} on {{date}}, ",
    afterFeedbackOnNoWho: "Following the feedback on {{date}}, ",
    opening:
      "{{after}}{{problems}} {{problems|problem was|problems were}} identified, with {{measures}} rectification {{measures|measure|measures}}{{assigned}}. " +
      "As of {{date}}, {{figures}}{{overdue}}.{{rate}} The progress is reported as follows.",
    assigned: ", each with a responsible leader, a department and a deadline",
    figures: {
      done: "{{n}} {{n|measure is|measures are}} done",
      noneDone: "no measure is done yet",
      inProgress: "{{n}} in progress",
      notStarted: "{{n}} not started",
      unknown: "{{n}} not yet reported",
      sep: ", ",
      overdue: "; of the {{open}} not done, {{n}} {{n|is|are}} past the deadline",
      overdueAll: "; {{n|the one|all {{n}}}} not done {{n|is|are}} past the deadline",
    },
    categoryFigureParts: {
      done: "{{n}} done",
      noneDone: "",
      inProgress: "{{n}} in progress",
      notStarted: "{{n}} not started",
      unknown: "{{n}} not yet reported",
      sep: ", ",
      overdue: "; of the {{open}} not done, {{n}} overdue",
      overdueAll: "; {{n|the one|all {{n}}}} not done overdue",
    },
    openingRate: " The completion rate is {{rate}}{{problemsDone}}.",
    categoryRate: "; completion rate {{rate}}",
    problemsDone: ", and all measures are done for {{n}} of the problems",
    sharedDepartments:
      "A measure shared by several departments is counted under each; the total in Table {{table}} counts each measure once.",
    sharedLeaders:
      "A measure led by several leaders is counted under each; the total in Table {{table}} counts each measure once.",
    progress: {
      figures: "Since the last check ({{since}}), {{parts}}.",
      unchanged: "Since the last check ({{since}}), no measure was finished and none fell overdue.",
      parts: {
        done: "{{n}} {{n|measure was|measures were}} finished",
        reopened: "{{n}} marked done before {{n|is|are}} no longer",
        overdue: "{{n}} fell overdue",
        still: "{{n}} {{n|is|are}} still overdue",
        moved: "{{n}} had {{n|its deadline|their deadlines}} moved",
        added: "{{n}} {{n|measure was|measures were}} added to the ledger",
        removed: "{{n}} {{n|measure was|measures were}} removed",
      },
      partSep: ", ",
      newlyDone: "Newly finished: {{list}}.",
      reopened: "No longer marked done: {{list}}; check whether the problem has come back.",
      newlyOverdue: "Newly overdue: {{list}}; the departments concerned are to act at once.",
      deadlineMoved: "Deadlines moved: {{list}}.",
      item: "{{problem}} ({{department}})",
      itemNoDepartment: "{{problem}}",
      movedItem: "{{problem}} ({{from}} → {{to}})",
      more: " and {{n}} more",
      join: " ",
    },
    formatDate: formatEnglishDate,
    percentTemplate: "{{value}}%",
    sections: {
      overall: "I. Overall progress",
      byDepartment: "Progress by department",
      byLeader: "Progress by responsible leader",
      byCategory: "II. Rectification by feedback category",
      finished: "II. Measures completed",
      attention: "III. Matters needing attention",
      overdue: "Overdue measures",
      dueSoon: "Measures falling due",
      paperOnly: "Suspected paper-only rectification",
      incomplete: "Ledger entries to complete",
      nextSteps: "IV. Next steps",
    },
    sub: "({{n}}) ",
    numeral: String,
    caption: "Table {{n}}. {{name}}",
    captions: {
      byDepartment: "Progress by department",
      byLeader: "Progress by responsible leader",
      overdue: "Overdue measures",
      dueSoon: "Measures falling due",
      paperOnly: "Suspected paper-only rectification",
      incomplete: "Ledger entries to complete",
    },
    item: "{{n}}. ",
    listSep: "; ",
    nameSep: ", ",
    blank: "—",
    total: "Total",
    noTasks: "No rectification tasks were found in the ledger.",
    byDepartmentIntro:
      "The measures are assigned to {{n}} {{n|department|departments}}; Table {{table}} shows each one's progress.",
    unassignedDepartment:
      "{{n}} more {{n|measure has|measures have}} no responsible department and {{n|is|are}} not in Table {{table}}; a department should be named.",
    byLeaderIntro: "Table {{table}} shows the progress of the measures each responsible leader leads.",
    unassignedLeader:
      "{{n}} more {{n|measure has|measures have}} no responsible leader and {{n|is|are}} not in Table {{table}}.",
    headers: {
      no: "No.",
      department: "Dept.",
      lead: "Lead",
      leadDepartments: "Departments",
      problem: "Problem",
      measures: "Measures",
      measureCount: "Total",
      done: "Done",
      // Two short words: "Ongoing" broke inside the word in the Word table's narrow column.
      inProgress: "Under way",
      notStarted: "Not started",
      unknown: "No report",
      unfinished: "Not done",
      overdue: "Late",
      rate: "Rate",
      deadline: "Deadline",
      daysOverdue: "Days late",
      daysLeft: "Days left",
      progress: "Progress",
      reason: "Sign",
      gaps: "To complete",
    },
    categoryHeading: "({{n}}) {{name}}",
    categoryHeadingPlain: "({{n}}) {{name}}",
    otherCategory: "Other",
    categoryFigures:
      "{{problems}} {{problems|problem|problems}} with {{measures}} {{measures|measure|measures}}: {{figures}}{{rate}}{{overdue}}.",
    finishedLead: "Measures completed:",
    finishedNone: "No measure in this category is done yet.",
    finishedNoneAll: "As of {{date}}, no measure is done yet.",
    finishedIntro: "As of {{date}}, {{n}} {{n|measure is|measures are}} done:",
    attentionNone:
      "As of {{date}}, the ledger shows no measure overdue, due soon, possibly paper-only or incompletely filled in.",
    finishedItem: "{{measures}} ({{department}})",
    finishedItemNoDept: "{{measures}}",
    finishedToVerify: " (to be verified)",
    overdueIntro:
      "As of {{date}}, {{n}} {{n|measure is|measures are}} past the deadline and not done, in {{departments}} (Table {{table}}).",
    overdueNone: "As of {{date}}, no measure is past its deadline.",
    dueSoonIntro:
      "{{n}} {{n|measure falls|measures fall}} due shortly, in {{departments}}, and should be pressed forward (Table {{table}}).",
    dueSoonNone: "No measure falls due in the coming days.",
    dueSoonIntroDays:
      "{{n}} {{n|measure falls|measures fall}} due within {{days}} days, in {{departments}}, and should be pressed forward (Table {{table}}).",
    dueSoonNoneDays: "No measure falls due within {{days}} days.",
    paperIntro:
      "{{n}} {{n|measure shows|measures show}} signs of paper-only rectification; the departments concerned should check each one and add evidence or concrete actions (Table {{table}}).",
    paperNone: "No measure shows signs of paper-only rectification.",
    incompleteIntro:
      "{{n}} ledger {{n|entry is|entries are}} incomplete or unclear; the departments concerned should complete them (Table {{table}}).",
    incompleteNone: "Every ledger entry is complete.",
    more: "Table {{table}} lists the first {{shown}}; the other {{rest}} are marked in the ledger itself.",
    reasonInSentence: "“{{title}}”",
    gapFields: {
      "missing-lead": "leaders",
      "missing-department": "departments",
      "missing-measures": "measures",
      "missing-deadline": "deadlines",
      "invalid-deadline": "deadlines",
      "missing-status": "progress",
    },
    gaps: {
      "missing-lead": "no responsible leader",
      "missing-department": "no responsible department",
      "missing-measures": "no measures",
      "missing-deadline": "no deadline",
      "invalid-deadline": "an unclear deadline",
      "missing-status": "no progress reported",
    },
    gapDeadlineText: "unclear deadline “{{text}}”",
    gapStatusText: "unclear progress “{{text}}”",
    next: {
      overdue: [
        "Finish the overdue measures",
        "{{departments}} should find out why each overdue measure is late, set a new date and a person in charge, and finish it as soon as possible; where one cannot be finished, they should explain why in writing.",
      ],
      overdueNone: [
        "Keep to the deadlines",
        "Every department should work through its measures in the ledger and keep to the deadlines, so that none becomes overdue.",
      ],
      dueSoon: [
        "Watch the measures falling due",
        "{{departments}} should concentrate on the {{n}} {{n|measure|measures}} falling due, so that {{n|it is|they are}} finished on time.",
      ],
      paper: [
        "Rectify in deed, not on paper",
        "For the measures flagged {{reasons}}, {{departments}} should check that the problem is actually solved and add the evidence and concrete actions; issuing a rule or holding a meeting is not rectification in itself.",
      ],
      paperNone: [
        "Consolidate what is done",
        "Every department should check that the measures marked done have solved the problem, and file the evidence, so that the problems do not return.",
      ],
      incomplete: [
        "Complete the ledger",
        "{{departments}} should fill in the missing {{gaps}} in the ledger, so that every measure can be checked and closed.",
      ],
      close: [
        "Close measures only when checked",
        "The office will review progress regularly and close each finished measure only after checking it; departments that rectify half-heartedly will be named.",
      ],
      closeNoneDone: [
        "Follow progress closely",
        "The office will review progress regularly and close each measure, once finished, only after checking it; departments that rectify half-heartedly will be named.",
      ],
    },
  },
} satisfies Catalogue<BulletinWords>;
