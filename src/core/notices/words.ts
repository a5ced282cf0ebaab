import { formatChineseDate, formatEnglishDate, type IsoDate } from "../dates.js";
import type { Catalogue } from "../i18n.js";
import { zhNumeral } from "../zh-numeral.js";
import type { PaperOnlyReason } from "../report.js";

/** Every word of the 督办清单, one catalogue per language. */
export interface NoticeWords {
  sheetName: string;
  sheetTitle: string;
  /** The title of one department's notice; `titleOf` when the inspection is known. */
  title: string;
  /** Pieces, so a long title breaks between words. */
  titleOf: string[];
  /** The signature when the inspected body is known: its rectification office. */
  issuerOf: string;
  kind: { 巡视: string; 巡察: string };
  /** The 主送机关 line, the department the notice is addressed to: `{{department}}：`. */
  to: string;
  opening: string;
  /**
   * `{{green}}` of the legend: the days after yellow's up to the watch window's end (`11至20日`:
   * "20日内" overlapped yellow's 10); "" when the window is no wider than yellow's.
   */
  greenLegend: string;
  levels: Record<"red" | "yellow" | "green" | "attention", string>;
  columns: {
    no: string;
    level: string;
    problem: string;
    measures: string;
    lead: string;
    deadline: string;
    todo: string;
  };
  todo: {
    overdue: string;
    dueSoon: string;
    watch: string;
    incomplete: string;
    invalidDeadline: string;
    /** A status written but not one the check reads (`待报`). */
    unclearStatus: string;
    /** `{{reason}}`: the sign's name; `{{remedy}}`: paperRemedy's, what mends it. */
    paperOnly: string;
    paperRemedy: Record<PaperOnlyReason, string>;
  };
  /** Joins a list of field names or reasons. */
  listSeparator: string;
  /** Joins several things to do in one cell. */
  todoSeparator: string;
  replyBy: string;
  /** The combined list: its opening and reply once, a line a unit. */
  listOpening: string;
  listSection: string;
  listReplyBy: string;
  /** The sheet's one paragraph when no department has anything to act on (it replaces an older list of ours). */
  allClear: string;
  noDepartment: string;
  issuer: string;
  /** A department's heading in the combined sheet: `一、财务科`. */
  heading: (n: number, department: string) => string;
  formatDate: (date: IsoDate) => string;
}

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三, 105 → 105 (notices rarely pass ninety-nine units). */
export function chineseNumber(n: number): string {
  return n > 99 ? String(n) : zhNumeral(n);
}

export const NOTICE_WORDS = {
  zh: {
    sheetName: "督办清单",
    sheetTitle: "整改任务督办清单",
    title: "整改任务督办通知",
    titleOf: ["关于督促落实", "{{inspection}}", "反馈意见", "整改任务的通知"],
    issuerOf: "{{body}}{{kind}}整改工作领导小组办公室",
    kind: { 巡视: "巡视", 巡察: "巡察" },
    to: "{{department}}：",
    opening:
      "经对整改台账逐项核对（截至{{date}}），你单位牵头负责的以下{{count}}项整改任务需要抓紧办理。请对照清单逐项落实。“预警”一栏：红色为已逾期，黄色为{{yellow}}日内到期{{green}}，待规范为台账填报需完善或疑似纸面整改。",
    greenLegend: "，绿色为{{from}}至{{to}}日内到期",
    levels: { red: "红色（逾期）", yellow: "黄色（临期）", green: "绿色（关注）", attention: "待规范" },
    columns: {
      no: "序号",
      level: "预警",
      problem: "反馈问题",
      measures: "整改措施",
      lead: "责任领导",
      deadline: "整改时限",
      todo: "需要办理的事项",
    },
    todo: {
      overdue: "已逾期{{days}}天，立即整改到位；确需延期的，说明原因并报批调整时限",
      dueSoon: "还有{{days}}天到期，确保按期完成",
      watch: "还有{{days}}天到期，提前安排，防止逾期",
      incomplete: "补填台账中的{{fields}}",
      invalidDeadline: "整改时限“{{text}}”无法识别，改为具体日期或期间",
      unclearStatus: "整改进展“{{text}}”无法识别，改为已完成、正在推进或未启动",
      paperOnly: "疑似纸面整改（{{reason}}），{{remedy}}",
      paperRemedy: {
        "no-evidence": "补充佐证材料后再销号",
        "documents-only": "补充检查、处理、考核等实际举措及成效",
        "long-term-closed": "改为持续推进，写明阶段性成效或已建立的长效机制",
        "duplicate-text": "针对本问题制定具体整改措施",
        "vague-measures": "细化整改措施，写明做什么、做多少、何时完成",
      },
    },
    listSeparator: "、",
    todoSeparator: "；",
    replyBy: "请于{{date}}前将办理情况及佐证材料报送{{office}}。",
    listOpening:
      "经对整改台账逐项核对（截至{{date}}），以下各部门牵头负责的整改任务需要抓紧办理。“预警”一栏：红色为已逾期，黄色为{{yellow}}日内到期{{green}}，待规范为台账填报需完善或疑似纸面整改。",
    listSection: "{{department}}牵头负责的整改任务{{count}}项：",
    listReplyBy: "请各部门于{{date}}前将办理情况及佐证材料报送{{office}}。",
    allClear:
      "经对整改台账逐项核对（截至{{date}}），各部门牵头负责的整改任务均无逾期、临期、填报不完整或疑似纸面整改的情况，本期无需督办。",
    noDepartment: "（未明确责任部门）",
    issuer: "整改工作领导小组办公室",
    heading: (n, department) => `${chineseNumber(n)}、${department}`,
    formatDate: formatChineseDate,
  },
  en: {
    sheetName: "Supervision notices",
    sheetTitle: "Supervision notices on rectification tasks",
    title: "Supervision notice",
    titleOf: ["Notice on the rectification tasks", " after the feedback of {{inspection}}"],
    issuerOf: "Rectification Office of {{body}}",
    kind: { 巡视: "", 巡察: "" },
    to: "{{department}}:",
    opening:
      "The rectification ledger was checked item by item on {{date}}. {{count}} {{count|task|tasks}} below, led by your unit, {{count|needs|need}} action. In the Warning column: red, overdue; yellow, due within {{yellow}} days{{green}}; to fix, a ledger entry to complete or a suspect measure.",
    greenLegend: "; green, due in {{from}} to {{to}} days",
    levels: { red: "Red (overdue)", yellow: "Yellow (due soon)", green: "Green (watch)", attention: "To fix" },
    columns: {
      no: "No.",
      level: "Warning",
      problem: "Problem",
      measures: "Measures",
      lead: "Lead",
      deadline: "Deadline",
      todo: "What to do",
    },
    todo: {
      overdue: "{{days}} {{days|day|days}} overdue: finish it now, or record why and get a new deadline approved",
      dueSoon: "due in {{days}} {{days|day|days}}: make sure it is finished on time",
      watch: "due in {{days}} {{days|day|days}}: plan ahead so it does not fall overdue",
      incomplete: "fill in the ledger's {{fields}}",
      invalidDeadline: "the deadline “{{text}}” is not a date or period: enter one",
      unclearStatus: "the status “{{text}}” is not recognised: enter Done, In progress or Not started",
      paperOnly: "may be rectified on paper only ({{reason}}): {{remedy}}",
      paperRemedy: {
        "no-evidence": "add the evidence before closing it",
        "documents-only": "add the actual actions taken (checks, sanctions, assessments) and their result",
        "long-term-closed": "mark it ongoing, with the progress so far or the lasting arrangement made",
        "duplicate-text": "write measures for this problem itself",
        "vague-measures": "make the measures concrete: what, how much, by when",
      },
    },
    listSeparator: ", ",
    todoSeparator: "; ",
    replyBy: "Please report what was done, with evidence, to the {{office}} by {{date}}.",
    listOpening:
      "The rectification ledger was checked item by item on {{date}}. The tasks below need action by the departments that lead them. In the Warning column: red, overdue; yellow, due within {{yellow}} days{{green}}; to fix, a ledger entry to complete or a suspect measure.",
    listSection: "{{count}} {{count|task|tasks}} led by {{department}}:",
    listReplyBy: "Each department is asked to report what was done, with evidence, to the {{office}} by {{date}}.",
    allClear:
      "Every task of the ledger was checked ({{date}}): no department has a task that is overdue, due soon, incomplete or suspect. Nothing to follow up this time.",
    noDepartment: "(no responsible department)",
    issuer: "Rectification Office",
    heading: (n, department) => `${n}. ${department}`,
    formatDate: formatEnglishDate,
  },
} as const satisfies Catalogue<NoticeWords>;
