import type { BulletinOptions } from "../config.js";
import { formatChineseDate, formatEnglishDate } from "../dates.js";
import type { Lang } from "../i18n.js";
import { fieldText, type Ledger, type Task } from "../ledger/model.js";
import { INCOMPLETE_RULES, type Finding, type PaperOnlyReason, type Report } from "../report.js";
import type { Block, Bulletin, TableBlock, TableCell, TableColumn } from "./model.js";

/**
 * Writes the 整改通报 from a checked ledger. The headline figures are the report's summary
 * (the same numbers the task pane shows); the by-department table counts the ledger's tasks,
 * deciding done and overdue exactly as the summary does, so the 合计 row agrees with it.
 */
export function buildBulletin(
  report: Report,
  ledger: Ledger,
  options: { lang: Lang; bulletin: BulletinOptions },
): Bulletin {
  const t = options.lang === "en" ? EN : ZH;
  const opts = cleanOptions(options.bulletin);
  const ctx: Ctx = {
    t,
    report,
    tasksByRow: byRow(ledger.tasks),
    date: options.lang === "en" ? formatEnglishDate(report.today) : formatChineseDate(report.today),
  };

  const overdue = report.findings.filter((f) => f.rule === "overdue");
  const paper = report.findings.filter((f) => f.rule === "paper-only");
  const blocks: Block[] = [
    { kind: "paragraph", text: t.opening(ctx.date, opts, report.summary) },
    { kind: "heading", level: 1, text: t.sections[0] },
    ...overallSection(ctx, ledger, overdue),
    { kind: "heading", level: 1, text: t.sections[1] },
    ...overdueSection(ctx, overdue),
    { kind: "heading", level: 1, text: t.sections[2] },
    ...paperOnlySection(ctx, paper),
    { kind: "heading", level: 1, text: t.sections[3] },
    ...incompleteSection(ctx),
    { kind: "heading", level: 1, text: t.sections[4] },
    ...nextSteps(ctx, overdue, paper),
    { kind: "signature", issuer: opts.issuer ?? t.issuer(opts.body), date: ctx.date },
  ];
  return { title: opts.title ?? t.title(opts), blocks };
}

/** Longest text a table cell shows; problems and measures can run to paragraphs. */
export const TABLE_TEXT_LIMIT = 60;

/** Collapses line breaks and runs of spaces, and cuts long text with an ellipsis. */
export function shorten(text: string, limit = TABLE_TEXT_LIMIT): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length <= limit
    ? flat
    : `${chars
        .slice(0, limit - 1)
        .join("")
        .trimEnd()}…`;
}

/** Percent with one decimal, computed from counts so that 4/13 prints 30.8%, not 30.7%. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return "0.0%";
  return `${(Math.round((part * 1000) / whole) / 10).toFixed(1)}%`;
}

interface Ctx {
  t: Texts;
  report: Report;
  tasksByRow: (Task | undefined)[];
  date: string;
}

interface Names {
  body?: string;
  inspection?: string;
  title?: string;
  issuer?: string;
}

function cleanOptions(o: BulletinOptions): Names {
  const clean = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  return { body: clean(o.body), inspection: clean(o.inspection), title: clean(o.title), issuer: clean(o.issuer) };
}

// ——— sections ———

interface DeptRow {
  name: string;
  tasks: number;
  done: number;
  inProgress: number;
  notStarted: number;
  unknown: number;
  overdue: number;
}

function overallSection(ctx: Ctx, ledger: Ledger, overdue: Finding[]): Block[] {
  const { t } = ctx;
  const overdueRows = new Set(overdue.map(taskRowOf));
  const depts = new Map<string, DeptRow>();
  // Indexed, not for…of: see Rule.check.
  const { tasks } = ledger;
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    const name = fieldText(task, "department") || t.unfilled;
    let d = depts.get(name);
    if (!d) {
      d = { name, tasks: 0, done: 0, inProgress: 0, notStarted: 0, unknown: 0, overdue: 0 };
      depts.set(name, d);
    }
    d.tasks++;
    const kind = task.status.kind;
    if (kind === "done") d.done++;
    else if (kind === "in-progress") d.inProgress++;
    else if (kind === "not-started") d.notStarted++;
    else d.unknown++;
    if (overdueRows.has(task.row)) d.overdue++;
  }
  // Stable sort: equal counts keep the ledger's order, which the clerk recognises.
  const rows = [...depts.values()].sort((a, b) => b.tasks - a.tasks);
  const total: DeptRow = rows.reduce(
    (s, d) => ({
      name: t.total,
      tasks: s.tasks + d.tasks,
      done: s.done + d.done,
      inProgress: s.inProgress + d.inProgress,
      notStarted: s.notStarted + d.notStarted,
      unknown: s.unknown + d.unknown,
      overdue: s.overdue + d.overdue,
    }),
    { name: t.total, tasks: 0, done: 0, inProgress: 0, notStarted: 0, unknown: 0, overdue: 0 },
  );
  // The "status unknown" column only appears when some task needs it, so the columns add up.
  const withUnknown = total.unknown > 0;
  const h = t.deptHeaders;
  const table: TableBlock = {
    kind: "table",
    caption: t.captions[0],
    columns: [
      { header: h.no, width: 1, align: "center" },
      { header: h.department, width: 3.2, align: "center" },
      { header: h.tasks, width: 1.4, align: "center" },
      { header: h.done, width: 1.4, align: "center" },
      { header: h.inProgress, width: 1.4, align: "center" },
      { header: h.notStarted, width: 1.4, align: "center" },
      ...(withUnknown ? [{ header: h.unknown, width: 1.4, align: "center" as const }] : []),
      { header: h.overdue, width: 1.4, align: "center" },
      { header: h.rate, width: 1.6, align: "center" },
    ],
    rows: rows.map((d, i) => deptCells(i + 1, d, withUnknown)),
    // 合计 stands under 序号 and 责任部门 together: the empty cell tells the layout to span.
    total: deptCells(t.total, { ...total, name: "" }, withUnknown),
  };
  if (rows.length === 0) return [{ kind: "paragraph", text: t.noTasks }];
  return [{ kind: "paragraph", text: t.overallIntro(rows.length) }, table];
}

function deptCells(first: TableCell, d: DeptRow, withUnknown: boolean): TableCell[] {
  const cells: TableCell[] = [first, d.name, d.tasks, d.done, d.inProgress, d.notStarted];
  if (withUnknown) cells.push(d.unknown);
  cells.push(d.overdue, percent(d.done, d.tasks));
  return cells;
}

function overdueSection(ctx: Ctx, overdue: Finding[]): Block[] {
  const { t } = ctx;
  // Longest overdue first: a 通报 names the worst cases at the top.
  const sorted = [...overdue].sort((a, b) => (b.days ?? 0) - (a.days ?? 0) || a.row - b.row);
  const h = t.overdueHeaders;
  return listSection(ctx, sorted, {
    empty: t.noOverdue,
    intro: () => t.overdueIntro(ctx.date, sorted.length, uniqueDepartments(ctx, sorted)),
    caption: t.captions[1],
    columns: [
      { header: h.no, width: 1, align: "center" },
      { header: h.problem, width: 3.8, align: "left" },
      { header: h.measures, width: 3.8, align: "left" },
      { header: h.department, width: 1.8, align: "center" },
      { header: h.lead, width: 1.5, align: "center" },
      { header: h.deadline, width: 2.3, align: "center" },
      { header: h.days, width: 1.4, align: "center" },
    ],
    row: (f, i) => {
      const task = ctx.tasksByRow[taskRowOf(f)];
      return [
        i + 1,
        problemCell(task, f),
        shorten(task ? fieldText(task, "measures") : ""),
        departmentOf(ctx, f),
        task ? fieldText(task, "lead") : "",
        task ? fieldText(task, "deadline") : "",
        f.days ?? "",
      ];
    },
  });
}

function paperOnlySection(ctx: Ctx, paper: Finding[]): Block[] {
  const { t } = ctx;
  const groups = groupByRow(paper);
  const h = t.paperHeaders;
  return listSection(ctx, groups, {
    empty: t.noPaperOnly,
    intro: () => t.paperIntro(groups.length),
    caption: t.captions[2],
    columns: [
      { header: h.no, width: 1, align: "center" },
      { header: h.problem, width: 5.6, align: "left" },
      { header: h.department, width: 2.2, align: "center" },
      { header: h.reason, width: 5, align: "left" },
      { header: h.cell, width: 1.6, align: "center" },
    ],
    row: (fs, i) => {
      const first = fs[0]!;
      const reasons = unique(fs.map((f) => (f.reason ? t.reasons[f.reason] : f.message)));
      return [
        i + 1,
        problemCell(ctx.tasksByRow[taskRowOf(first)], first),
        departmentOf(ctx, first),
        reasons.join(t.listSep),
        unique(fs.map((f) => f.cell)).join(t.cellSep),
      ];
    },
  });
}

/** A numbered list section: the intro, a table of the first LIST_LIMIT items, "N more"; or `empty`. */
function listSection<T>(
  ctx: Ctx,
  items: T[],
  s: {
    empty: string;
    intro: () => string;
    caption: string;
    columns: TableColumn[];
    row: (item: T, index: number) => TableCell[];
  },
): Block[] {
  if (items.length === 0) return [{ kind: "paragraph", text: s.empty }];
  return [
    { kind: "paragraph", text: s.intro() },
    { kind: "table", caption: s.caption, columns: s.columns, rows: items.slice(0, LIST_LIMIT).map(s.row) },
    ...more(ctx, items.length),
  ];
}

/** The task's problem, shortened for a table (the finding's own snippet if the task is gone). */
function problemCell(task: Task | undefined, f: Finding): string {
  return shorten(task ? fieldText(task, "problem") : (f.problem ?? ""));
}

/**
 * Tables list at most this many items. A bulletin is read out at a meeting: a 10,000-row ledger
 * must not turn it into thousands of rows; the rest are marked in the ledger itself.
 */
export const LIST_LIMIT = 30;

function more(ctx: Ctx, total: number): Block[] {
  return total > LIST_LIMIT ? [{ kind: "paragraph", text: ctx.t.more(LIST_LIMIT, total) }] : [];
}

/** Tasks by worksheet row: an array, as task rows run nearly consecutively down the sheet. */
function byRow(tasks: readonly Task[]): (Task | undefined)[] {
  const out: (Task | undefined)[] = [];
  for (let i = 0; i < tasks.length; i++) out[tasks[i]!.row] = tasks[i];
  return out;
}

/** The task a finding belongs to (a merged cell's top-left may sit on an earlier task's row). */
function taskRowOf(f: Finding): number {
  return f.taskRow ?? f.row;
}

function incompleteSection(ctx: Ctx): Block[] {
  const { t } = ctx;
  const groups = groupByRow(ctx.report.findings.filter((f) => INCOMPLETE_RULES.has(f.rule)));
  const h = t.incompleteHeaders;
  return listSection(ctx, groups, {
    empty: t.noIncomplete,
    intro: () => t.incompleteIntro(groups.length),
    caption: t.captions[3],
    columns: [
      { header: h.no, width: 1, align: "center" },
      { header: h.row, width: 1.2, align: "center" },
      { header: h.problem, width: 5, align: "left" },
      { header: h.department, width: 2.2, align: "center" },
      { header: h.gaps, width: 6, align: "left" },
    ],
    row: (fs, i) => {
      const first = fs[0]!;
      const task = ctx.tasksByRow[taskRowOf(first)];
      return [
        i + 1,
        taskRowOf(first),
        problemCell(task, first),
        departmentOf(ctx, first),
        fs.map((f) => t.gap(f, task)).join(t.listSep),
      ];
    },
  });
}

function nextSteps(ctx: Ctx, overdue: Finding[], paper: Finding[]): Block[] {
  const { t } = ctx;
  const items = t.nextSteps(uniqueDepartments(ctx, overdue), uniqueDepartments(ctx, paper));
  return items.flatMap(([heading, text]): Block[] => [
    { kind: "heading", level: 2, text: heading },
    { kind: "paragraph", text },
  ]);
}

// ——— helpers ———

function departmentOf(ctx: Ctx, f: Finding): string {
  const task = ctx.tasksByRow[taskRowOf(f)];
  return (task ? fieldText(task, "department") : "") || f.department?.trim() || ctx.t.unfilled;
}

/** Departments named by the findings, in order of first appearance; unfilled ones are not names. */
function uniqueDepartments(ctx: Ctx, findings: Finding[]): string[] {
  return unique(findings.map((f) => departmentOf(ctx, f))).filter((d) => d !== ctx.t.unfilled);
}

function groupByRow(findings: Finding[]): Finding[][] {
  const groups = new Map<number, Finding[]>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const g = groups.get(taskRowOf(f));
    if (g) g.push(f);
    else groups.set(taskRowOf(f), [f]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

// ——— wording ———

interface Texts {
  title(o: Names): string;
  issuer(body: string | undefined): string;
  opening(date: string, o: Names, s: Report["summary"]): string;
  sections: [string, string, string, string, string];
  captions: [string, string, string, string];
  unfilled: string;
  total: string;
  listSep: string;
  cellSep: string;
  noTasks: string;
  overallIntro(departments: number): string;
  deptHeaders: Record<
    "no" | "department" | "tasks" | "done" | "inProgress" | "notStarted" | "unknown" | "overdue" | "rate",
    string
  >;
  noOverdue: string;
  overdueIntro(date: string, count: number, departments: string[]): string;
  overdueHeaders: Record<"no" | "problem" | "measures" | "department" | "lead" | "deadline" | "days", string>;
  noPaperOnly: string;
  paperIntro(count: number): string;
  paperHeaders: Record<"no" | "problem" | "department" | "reason" | "cell", string>;
  reasons: Record<PaperOnlyReason, string>;
  noIncomplete: string;
  more: (shown: number, total: number) => string;
  incompleteIntro(count: number): string;
  incompleteHeaders: Record<"no" | "row" | "problem" | "department" | "gaps", string>;
  gap(f: Finding, task: Task | undefined): string;
  nextSteps(overdueDepts: string[], paperDepts: string[]): [string, string][];
}

const ZH: Texts = {
  title: ({ body, inspection }) => {
    if (body && inspection) return `关于${body}落实${inspection}反馈问题整改进展情况的通报`;
    if (inspection) return `关于${inspection}反馈问题整改进展情况的通报`;
    if (body) return `关于${body}巡察反馈问题整改进展情况的通报`;
    return "关于巡察反馈问题整改进展情况的通报";
  },
  issuer: (body) => `${body ?? ""}巡察整改工作领导小组办公室`,
  opening: (date, { inspection }, s) => {
    const parts = [`已完成${s.done}项`, `正在推进${s.inProgress}项`, `未启动${s.notStarted}项`];
    if (s.statusUnknown > 0) parts.push(`进展未填写或无法识别${s.statusUnknown}项`);
    parts.push(`逾期${s.overdue}项`);
    return (
      `截至${date}，${inspection ?? "巡察"}反馈的问题共梳理整改任务${s.tasks}项，${parts.join("，")}，` +
      `整改完成率${percent(Math.round(s.completionRate * 10000), 10000)}。现将有关情况通报如下。`
    );
  },
  sections: [
    "一、总体进展",
    "二、逾期未完成事项",
    "三、疑似“纸面整改”事项",
    "四、台账填报不完整事项",
    "五、下一步工作要求",
  ],
  captions: [
    "表1　各责任部门整改进展情况",
    "表2　逾期未完成整改任务",
    "表3　疑似“纸面整改”整改任务",
    "表4　台账填报不完整事项",
  ],
  unfilled: "（未填写）",
  total: "合计",
  listSep: "；",
  cellSep: "、",
  noTasks: "台账中未识别到整改任务。",
  overallIntro: (n) => `整改任务涉及${n}个责任部门，各部门整改进展情况如下：`,
  deptHeaders: {
    no: "序号",
    department: "责任部门",
    tasks: "任务数",
    done: "已完成",
    inProgress: "正在推进",
    notStarted: "未启动",
    unknown: "进展未明",
    overdue: "逾期",
    rate: "完成率",
  },
  noOverdue: "无逾期事项。",
  overdueIntro: (date, n, depts) =>
    `截至${date}，共有${n}项整改任务超过整改时限仍未完成` +
    (depts.length > 0 ? `，涉及${depts.join("、")}。` : "。") +
    "具体如下：",
  overdueHeaders: {
    no: "序号",
    problem: "反馈问题",
    measures: "整改措施",
    department: "责任部门",
    lead: "责任领导",
    deadline: "整改时限",
    days: "逾期天数",
  },
  noPaperOnly: "经比对台账，未发现疑似“纸面整改”事项。",
  paperIntro: (n) => `经比对台账，以下${n}项整改任务存在“纸面整改”迹象，请相关部门逐项核实，补充佐证材料或实际举措：`,
  paperHeaders: { no: "序号", problem: "反馈问题", department: "责任部门", reason: "疑似情形", cell: "单元格" },
  reasons: {
    "no-evidence": "标注已完成，但无佐证材料",
    "documents-only": "标注已完成，措施仅为开会、学习、发文，未见实际举措",
    "long-term-closed": "整改时限为长期坚持，却已标注完成",
    "duplicate-text": "整改措施与其他问题雷同",
    "vague-measures": "整改措施空泛，缺少可检验的内容",
  },
  noIncomplete: "台账各项要素填报完整。",
  more: (shown, total) => `以上列出前${shown}项，其余${total - shown}项已在台账中标注，请相关部门对照整改。`,
  incompleteIntro: (n) => `以下${n}项整改任务台账要素填报不全或不规范，请责任部门尽快补充完善：`,
  incompleteHeaders: { no: "序号", row: "行号", problem: "反馈问题", department: "责任部门", gaps: "需补充完善的内容" },
  gap: (f, task) => {
    const where = `（${f.cell}）`;
    switch (f.rule) {
      case "missing-lead":
        return `未填写责任领导${where}`;
      case "missing-department":
        return `未填写责任部门${where}`;
      case "missing-measures":
        return `未填写整改措施${where}`;
      case "missing-deadline":
        return `未填写整改时限${where}`;
      case "invalid-deadline": {
        const text = task ? shorten(fieldText(task, "deadline"), 20) : "";
        return text ? `整改时限“${text}”无法识别${where}` : `整改时限无法识别${where}`;
      }
      case "missing-status": {
        const text = task ? shorten(task.status.text, 20) : "";
        return text ? `整改进展“${text}”无法识别${where}` : `未填写整改进展${where}`;
      }
      default:
        return `${f.message}${where}`;
    }
  },
  nextSteps: (overdueDepts, paperDepts) => [
    [
      "（一）加快推进逾期事项整改",
      overdueDepts.length > 0
        ? `逾期事项涉及的${overdueDepts.join("、")}要逐项分析逾期原因，明确整改时限和责任人，倒排工期、压茬推进，确保尽快完成整改；确实无法按期完成的，要书面说明情况和下一步安排。`
        : "各责任部门要对照整改台账逐项推进，盯紧时间节点，确保整改任务按期完成，防止出现新的逾期事项。",
    ],
    [
      "（二）坚决防止“纸面整改”",
      (paperDepts.length > 0 ? `${paperDepts.join("、")}要对疑似“纸面整改”事项逐项核实，` : "各责任部门要") +
        "对标注已完成的整改任务逐项核实整改成效，及时补充佐证材料，不以制定制度、召开会议代替整改落实，做到真改实改。",
    ],
    [
      "（三）规范整改台账填报",
      "各责任部门要对照台账要素，完整填写责任领导、责任部门、整改措施、整改时限和整改进展，做到要素齐全、表述准确，为对账销号提供依据。",
    ],
    [
      "（四）严格对账销号",
      "领导小组办公室将定期调度整改进展，对已完成事项逐项审核、对账销号；对推进不力、敷衍整改的，按有关规定予以通报。",
    ],
  ],
};

const EN: Texts = {
  title: ({ body, inspection }) =>
    `Bulletin on the Progress of Rectifying the Problems Found by ${inspection ?? "the Inspection"}` +
    (body ? ` at ${body}` : ""),
  issuer: (body) =>
    body ? `Inspection Rectification Leading Group Office, ${body}` : "Inspection Rectification Leading Group Office",
  opening: (date, { inspection }, s) => {
    const parts = [`${s.done} done`, `${s.inProgress} in progress`, `${s.notStarted} not started`];
    if (s.statusUnknown > 0) parts.push(`${s.statusUnknown} with no recognisable status`);
    return (
      `As of ${date}, the problems found by ${inspection ?? "the inspection"} have been broken down into ` +
      `${s.tasks} rectification ${s.tasks === 1 ? "task" : "tasks"}: ${parts.join(", ")}; ${s.overdue} overdue. ` +
      `The completion rate is ${percent(Math.round(s.completionRate * 10000), 10000)}. The progress is reported as follows.`
    );
  },
  sections: [
    "I. Overall progress",
    "II. Overdue tasks",
    "III. Suspected “paper-only” rectification",
    "IV. Incomplete ledger entries",
    "V. Next steps",
  ],
  captions: [
    "Table 1  Progress by department",
    "Table 2  Overdue tasks",
    "Table 3  Suspected paper-only rectification",
    "Table 4  Incomplete ledger entries",
  ],
  unfilled: "(not filled in)",
  total: "Total",
  listSep: "; ",
  cellSep: ", ",
  noTasks: "No rectification tasks were found in the ledger.",
  overallIntro: (n) => `The tasks are assigned to ${n} ${n === 1 ? "department" : "departments"}. Their progress:`,
  deptHeaders: {
    no: "No.",
    department: "Department",
    tasks: "Tasks",
    done: "Done",
    inProgress: "In progress",
    notStarted: "Not started",
    unknown: "Status unknown",
    overdue: "Overdue",
    rate: "Rate",
  },
  noOverdue: "No task is overdue.",
  overdueIntro: (date, n, depts) =>
    `As of ${date}, ${n} ${n === 1 ? "task is" : "tasks are"} past the deadline and not done` +
    (depts.length > 0 ? `, in ${depts.join(", ")}.` : ".") +
    " They are:",
  overdueHeaders: {
    no: "No.",
    problem: "Problem",
    measures: "Measures",
    department: "Dept.",
    lead: "Lead",
    deadline: "Deadline",
    days: "Days overdue",
  },
  noPaperOnly: "No task shows signs of paper-only rectification.",
  paperIntro: (n) =>
    `${n} ${n === 1 ? "task shows" : "tasks show"} signs of paper-only rectification. The departments concerned should check each one and add evidence or concrete actions:`,
  paperHeaders: { no: "No.", problem: "Problem", department: "Department", reason: "Sign", cell: "Cell" },
  reasons: {
    "no-evidence": "Marked done, but no evidence",
    "documents-only": "Marked done, but the measures are only meetings, study sessions or documents",
    "long-term-closed": "The deadline is ongoing, yet the task is marked done",
    "duplicate-text": "The same measures text stands under other problems",
    "vague-measures": "The measures are slogans with nothing checkable",
  },
  noIncomplete: "Every ledger entry is complete.",
  more: (shown, total) => `The first ${shown} are listed; the other ${total - shown} are marked in the ledger itself.`,
  incompleteIntro: (n) =>
    `${n} ${n === 1 ? "entry is" : "entries are"} incomplete or not in a usable form. The departments concerned should complete them:`,
  incompleteHeaders: { no: "No.", row: "Row", problem: "Problem", department: "Department", gaps: "To complete" },
  gap: (f, task) => {
    const where = ` (${f.cell})`;
    switch (f.rule) {
      case "missing-lead":
        return `Lead missing${where}`;
      case "missing-department":
        return `Department missing${where}`;
      case "missing-measures":
        return `Measures missing${where}`;
      case "missing-deadline":
        return `Deadline missing${where}`;
      case "invalid-deadline": {
        const text = task ? shorten(fieldText(task, "deadline"), 20) : "";
        return text ? `Deadline “${text}” not recognised${where}` : `Deadline not recognised${where}`;
      }
      case "missing-status": {
        const text = task ? shorten(task.status.text, 20) : "";
        return text ? `Status “${text}” not recognised${where}` : `Status missing${where}`;
      }
      default:
        return `${f.message}${where}`;
    }
  },
  nextSteps: (overdueDepts, paperDepts) => [
    [
      "(1) Finish the overdue tasks",
      overdueDepts.length > 0
        ? `${overdueDepts.join(", ")} should find out why each overdue task is late, set a new date and a person in charge, and finish it as soon as possible; where a task cannot be finished, they should explain why in writing.`
        : "Every department should work through its tasks in the ledger and keep to the deadlines, so that no task becomes overdue.",
    ],
    [
      "(2) Rectify in deed, not on paper",
      (paperDepts.length > 0 ? `${paperDepts.join(", ")} should check the suspect tasks. ` : "") +
        "For every task marked done, departments should check that the problem is actually solved and file the evidence; issuing a rule or holding a meeting is not rectification in itself.",
    ],
    [
      "(3) Keep the ledger complete",
      "Every task should name its lead and department and state its measures, deadline and status in full, so that it can be checked and closed.",
    ],
    [
      "(4) Close tasks only when checked",
      "The office will review progress regularly and close each finished task only after checking it; departments that rectify half-heartedly will be named.",
    ],
  ],
};
