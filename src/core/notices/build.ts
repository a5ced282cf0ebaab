import type { Block, Bulletin, TableBlock } from "../bulletin/model.js";
import { daysBetween, type IsoDate } from "../dates.js";
import { FIELD_NAMES, type Field } from "../fields.js";
import { fill, type Lang } from "../i18n.js";
import { deadlineShown, fieldText, type Ledger, type Task } from "../ledger/model.js";
import { nameKey, namesInCell } from "../ledger/names.js";
import { INCOMPLETE_RULES, type Finding, type PaperOnlyReason, type Report, type RuleId } from "../report.js";
import { RULES } from "../rules/index.js";
import { NOTICE_WORDS } from "./words.js";

/**
 * The 督办清单: one notice per responsible department that has something to act on — its
 * overdue, due-soon and soon-due tasks, its incomplete ledger entries and its suspected
 * paper-only tasks — ordered as supervision systems colour them: red (overdue), yellow (due
 * within the due-soon window), green (due within the watch window), then what is only to be
 * put right in the ledger. Departments with nothing to act on get no notice.
 *
 * A notice is a document in the bulletin's block model, so the sheet and Word renderers that
 * lay out the bulletin lay out the notices too.
 */

export type NoticeLevel = "red" | "yellow" | "green" | "attention";
const LEVEL_ORDER: Record<NoticeLevel, number> = { red: 0, yellow: 1, green: 2, attention: 3 };

export interface NoticeItem {
  level: NoticeLevel;
  /** The task's worksheet row (for the clerk's own list; never printed in the notice). */
  row: number;
  problem: string;
  measures: string;
  lead: string;
  deadline: string;
  /** What the department is to do, one phrase per thing found. */
  todo: string[];
}

export interface DepartmentNotice {
  /** The department as the ledger names it; a task naming several goes to each. */
  department: string;
  items: NoticeItem[];
}

export interface NoticeOptions {
  lang: Lang;
  /** Yellow: due within this many days (the check's due-soon window). */
  dueSoonDays: number;
  /** Green: due within this many days. */
  watchDays: number;
  /** Days the department has to reply. */
  replyDays: number;
  /** Who signs; defaults to the inspected body's rectification office, or the generic one. */
  issuer?: string;
  /** The inspected body and the inspection, as the bulletin has them (title rows, options). */
  body?: string;
  inspection?: string;
  kind?: "巡视" | "巡察";
  /** Names a paper-only reason (the rule catalogue's titles). */
  reasonName: (reason: PaperOnlyReason, lang: Lang) => string;
}

/** The field each rule checks (Rule.requires): what an incomplete entry lacks. */
const FIELD_OF_RULE: ReadonlyMap<RuleId, Field> = new Map(
  RULES.flatMap((r) => (r.requires[0] ? [[r.id, r.requires[0]] as const] : [])),
);

export function buildNotices(report: Report, ledger: Ledger, options: NoticeOptions): DepartmentNotice[] {
  const w = NOTICE_WORDS[options.lang];
  const byTask = new Map<number, Finding[]>();
  for (const f of report.findings) {
    const row = f.taskRow ?? f.row;
    let list = byTask.get(row);
    if (!list) byTask.set(row, (list = []));
    list.push(f);
  }

  // By the unit's identity (ledger/names): `办 公 室` spaced to align is 办公室's notice.
  const notices = new Map<string, DepartmentNotice>();
  const days = daysPhrases();
  for (const task of ledger.tasks) {
    const item = noticeItem(task, byTask.get(task.row) ?? [], report.today, options, days);
    if (!item) continue;
    const named = namesInCell(fieldText(task, "department"));
    for (const department of named.length ? named : [w.noDepartment]) {
      const key = nameKey(department);
      let notice = notices.get(key);
      if (!notice) notices.set(key, (notice = { department, items: [] }));
      if (!notice.items.includes(item)) notice.items.push(item);
    }
  }
  const list = [...notices.values()];
  // Stable sorts: equal items keep the ledger's order, which the clerk recognises.
  for (const n of list) n.items.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  // The unit with the most red first; the one with no department named last.
  const reds = (n: DepartmentNotice) => n.items.filter((i) => i.level === "red").length;
  list.sort(
    (a, b) => Number(a.department === w.noDepartment) - Number(b.department === w.noDepartment) || reds(b) - reds(a),
  );
  return list;
}

/** A phrase with a number of days (`已逾期12天`): the tasks of a ledger share a few hundred, each made once. */
function daysPhrases(): (template: string, days: number | undefined) => string {
  const made = new Map<string, Map<number | undefined, string>>();
  return (template, days) => {
    let byDays = made.get(template);
    if (!byDays) made.set(template, (byDays = new Map()));
    let text = byDays.get(days);
    if (text === undefined) byDays.set(days, (text = fill(template, { days })));
    return text;
  };
}

function noticeItem(
  task: Task,
  findings: readonly Finding[],
  today: IsoDate,
  options: NoticeOptions,
  days: ReturnType<typeof daysPhrases>,
): NoticeItem | null {
  const w = NOTICE_WORDS[options.lang];
  const todo: string[] = [];
  let level: NoticeLevel | null = null;
  const overdue = findings.find((f) => f.rule === "overdue");
  const dueSoon = findings.find((f) => f.rule === "due-soon");
  if (overdue) {
    level = "red";
    todo.push(days(w.todo.overdue, overdue.days));
  } else if (dueSoon && dueSoon.days !== undefined && dueSoon.days <= options.dueSoonDays) {
    level = "yellow";
    todo.push(days(w.todo.dueSoon, dueSoon.days));
  } else if (task.status.kind !== "done" && task.deadline.kind === "date") {
    const left = daysBetween(today, task.deadline.date);
    if (left >= 0 && left <= options.dueSoonDays && !dueSoon && options.dueSoonDays >= 0) {
      // The due-soon rule is switched off: the window still colours the notice.
      level = "yellow";
      todo.push(days(w.todo.dueSoon, left));
    } else if (left > options.dueSoonDays && left <= options.watchDays) {
      level = "green";
      todo.push(days(w.todo.watch, left));
    }
  }

  const missing: string[] = [];
  for (const f of findings) {
    if (!INCOMPLETE_RULES.has(f.rule)) continue;
    // The field the rule checks, not its column's (a lead-and-department column is one letter for two).
    const field = FIELD_OF_RULE.get(f.rule);
    if (f.rule === "invalid-deadline") todo.push(fill(w.todo.invalidDeadline, { text: fieldText(task, "deadline") }));
    else if (f.rule === "missing-status" && task.status.kind === "unknown")
      todo.push(fill(w.todo.unclearStatus, { text: task.status.text }));
    else if (field) {
      const label = FIELD_NAMES[options.lang][field];
      if (!missing.includes(label)) missing.push(label);
    }
  }
  if (missing.length) todo.push(fill(w.todo.incomplete, { fields: missing.join(w.listSeparator) }));
  // Each sign its own remedy: more evidence does not mend measures copied from another problem.
  const reasons = [...new Set(findings.filter((f) => f.rule === "paper-only" && f.reason).map((f) => f.reason!))];
  for (const r of reasons)
    todo.push(fill(w.todo.paperOnly, { reason: options.reasonName(r, options.lang), remedy: w.todo.paperRemedy[r] }));

  if (todo.length === 0) return null;
  return {
    level: level ?? "attention",
    row: task.row,
    problem: fieldText(task, "problem"),
    measures: fieldText(task, "measures"),
    lead: fieldText(task, "lead"),
    deadline: deadlineShown(task, NOTICE_WORDS[options.lang].formatDate),
    todo,
  };
}

/** Who signs: the option, else the inspected body's rectification office (区教育局党委巡察整改工作领导小组办公室), else the generic office. */
function issuerOf(options: NoticeOptions): string {
  const w = NOTICE_WORDS[options.lang];
  if (options.issuer) return options.issuer;
  return options.body
    ? fill(w.issuerOf, { body: options.body, kind: options.kind ? w.kind[options.kind] : "" })
    : w.issuer;
}

export function replyByDate(today: IsoDate, replyDays: number): IsoDate {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + replyDays)).toISOString().slice(0, 10);
}

function printDate(date: IsoDate, lang: Lang): string {
  return NOTICE_WORDS[lang].formatDate(date);
}

/** One department's notice as a document (title, addressee, opening, table, reply line, signature). */
export function noticeDocument(notice: DepartmentNotice, today: IsoDate, options: NoticeOptions): Bulletin {
  const w = NOTICE_WORDS[options.lang];
  return {
    title: options.inspection ? w.titleOf.map((t) => fill(t, { inspection: options.inspection })) : [w.title],
    // The department is the 主送机关: flush left under the title, as GB/T 9704 places it.
    recipient: fill(w.to, { department: notice.department }),
    blocks: noticeBlocks(notice, today, options),
    signature: { issuer: issuerOf(options), date: printDate(today, options.lang) },
    missing: [],
  };
}

/** The legend's green: the days after yellow's, up to the watch window's end. */
function greenLegend(options: NoticeOptions): string {
  if (options.watchDays <= options.dueSoonDays) return "";
  return fill(NOTICE_WORDS[options.lang].greenLegend, { from: options.dueSoonDays + 1, to: options.watchDays });
}

function noticeBlocks(notice: DepartmentNotice, today: IsoDate, options: NoticeOptions): Block[] {
  const w = NOTICE_WORDS[options.lang];
  const date = printDate(today, options.lang);
  return [
    {
      kind: "paragraph",
      text: fill(w.opening, {
        date,
        count: notice.items.length,
        yellow: options.dueSoonDays,
        green: greenLegend(options),
      }),
    },
    noticeTable(notice, options),
    { kind: "paragraph", text: fill(w.replyBy, { date: replyDateOf(today, options), office: issuerOf(options) }) },
  ];
}

function replyDateOf(today: IsoDate, options: NoticeOptions): string {
  return printDate(replyByDate(today, options.replyDays), options.lang);
}

function noticeTable(notice: DepartmentNotice, options: NoticeOptions): TableBlock {
  const w = NOTICE_WORDS[options.lang];
  return {
    kind: "table",
    columns: [
      { header: w.columns.no, width: 3, align: "center" },
      { header: w.columns.level, width: 6, align: "center" },
      { header: w.columns.problem, width: 14, align: "left" },
      { header: w.columns.measures, width: 14, align: "left" },
      { header: w.columns.lead, width: 5, align: "center" },
      { header: w.columns.deadline, width: 7, align: "center" },
      { header: w.columns.todo, width: 16, align: "left" },
    ],
    rows: notice.items.map((item, i) => [
      i + 1,
      w.levels[item.level],
      item.problem,
      item.measures,
      item.lead,
      item.deadline,
      item.todo.join(w.todoSeparator),
    ]),
  };
}

/** All notices in one document, department after department: the 督办清单 sheet. */
export function noticesDocument(
  notices: readonly DepartmentNotice[],
  today: IsoDate,
  options: NoticeOptions,
): Bulletin {
  const w = NOTICE_WORDS[options.lang];
  const date = printDate(today, options.lang);
  const blocks: Block[] = [];
  if (notices.length === 0) blocks.push({ kind: "paragraph", text: fill(w.allClear, { date }) });
  else
    blocks.push({
      kind: "paragraph",
      text: fill(w.listOpening, { date, yellow: options.dueSoonDays, green: greenLegend(options) }),
    });
  // One list for the leaders: the opening, the legend and the reply said once, not "你单位" per unit.
  notices.forEach((n, i) => {
    blocks.push({ kind: "heading", level: 1, text: w.heading(i + 1, n.department) });
    blocks.push({ kind: "paragraph", text: fill(w.listSection, { department: n.department, count: n.items.length }) });
    blocks.push(noticeTable(n, options));
  });
  if (notices.length > 0)
    blocks.push({
      kind: "paragraph",
      text: fill(w.listReplyBy, { date: replyDateOf(today, options), office: issuerOf(options) }),
    });
  return {
    title: [w.sheetTitle],
    blocks,
    signature: { issuer: issuerOf(options), date: printDate(today, options.lang) },
    missing: [],
  };
}
