import type { BulletinOptions } from "../config.js";
import { fill, type Lang } from "../i18n.js";
import type { Field } from "../fields.js";
import { deadlineShown, fieldText, type Ledger, type Task } from "../ledger/model.js";
import { nameKey, namesInCell, tidyName } from "../ledger/names.js";
import { problemGroups } from "../ledger/problems.js";
import { percentValue } from "../percent.js";
import type { LedgerTitle } from "../ledger/title.js";
import type { StatusKind } from "../parse/meaning.js";
import { reasonTitle } from "../rules/index.js";
import { INCOMPLETE_RULES, type Finding, type PaperOnlyReason, type Report, type RuleId } from "../report.js";
import type { Block, Bulletin, MissingName, TableBlock, TableCell, TableColumn } from "./model.js";
import { WORDS, type BulletinWords, type Figures } from "./words.js";

/**
 * Writes the 整改通报 from a checked ledger, in the shape of a real one
 * (reference/bulletin-changning-2025.txt): who inspected whom, the figures, part 二 by the
 * feedback's own categories, what needs attention, and next steps drawn from what was found.
 *
 * Counting: a task is one measure (整改措施, one ledger row); a problem (反馈问题) merged over
 * several rows is one problem. Both are reported (DOMAIN.md). The headline measure figures
 * are the report's summary, the same numbers the task pane shows; the tables count the
 * ledger's tasks, deciding done and overdue as the summary does, so their totals agree.
 *
 * Nothing internal reaches the handout: no cell addresses, row numbers, "(not filled in)"
 * rows or counts of unrecognised statuses. Those are on the 校验明细 sheet.
 */

export type InspectionKind = "巡视" | "巡察";

export interface BuildOptions {
  lang: Lang;
  bulletin: BulletinOptions;
  /** The due-soon window of the check, named where the bulletin speaks of it (the notices name theirs). */
  dueSoonDays?: number;
}

export function buildBulletin(report: Report, ledger: Ledger, options: BuildOptions): Bulletin {
  const w: BulletinWords = WORDS[options.lang];
  const names = resolveNames(options.bulletin, ledger.title);
  const ctx: Ctx = {
    w,
    lang: options.lang,
    report,
    tasksByRow: byRow(ledger.tasks),
    problemByRow: problemsByRow(ledger.tasks),
    spellings: new Map(),
    namesOf: new Map(),
    asOf: w.formatDate(report.today),
    tables: 0,
    dueSoonDays: options.dueSoonDays,
    paperRows: new Set(report.findings.filter((f) => f.rule === "paper-only").map((f) => f.taskRow ?? f.row)),
  };
  const { issuer, who } = issuerAndWho(w, names, w.kind, w.issuerNoBody);

  const tally = tallyTasks(ctx, ledger.tasks);
  const overdue = sortedFindings(report, "overdue", (a, b) => (b.days ?? 0) - (a.days ?? 0));
  const dueSoon = sortedFindings(report, "due-soon", (a, b) => (a.days ?? 0) - (b.days ?? 0));
  const paper = groupByTask(report.findings.filter((f) => f.rule === "paper-only"));
  const incomplete = groupByTask(report.findings.filter((f) => INCOMPLETE_RULES.has(f.rule)));

  const s = report.summary;
  const problems = s.problems;
  const problemsDone = countProblemsDone(tally.all);
  const opening = fill(w.opening, {
    after: names.feedbackDate
      ? fill(who ? w.afterFeedbackOn : w.afterFeedbackOnNoWho, { who, date: w.formatDate(names.feedbackDate) })
      : who
        ? fill(w.afterFeedback, { who })
        : w.afterFeedbackNoWho,
    body: names.body ?? "",
    problems,
    measures: s.tasks,
    assigned: report.findings.some((f) => UNASSIGNED_RULES.has(f.rule)) ? "" : w.assigned,
    date: ctx.asOf,
    ...figures(w.figures, { ...s, unknown: s.statusUnknown }),
    // Nothing done yet: "尚无已完成" says it, a rate of 0% would say it again.
    rate:
      s.done > 0
        ? fill(w.openingRate, {
            rate: percent(w, s.done, s.tasks),
            problemsDone: problemsDone > 0 ? fill(w.problemsDone, { n: problemsDone }) : "",
          })
        : "",
  });

  const blocks: Block[] = [{ kind: "paragraph", text: opening }, ...progressParagraphs(ctx)];
  if (ledger.tasks.length === 0) {
    blocks.push({ kind: "paragraph", text: w.noTasks });
  } else {
    blocks.push({ kind: "heading", level: 1, text: w.sections.overall });
    blocks.push(...overallSection(ctx, tally));
    blocks.push(...categorySection(ctx, ledger.tasks));
    blocks.push({ kind: "heading", level: 1, text: w.sections.attention });
    blocks.push(...attentionSection(ctx, overdue, dueSoon, paper, incomplete));
    blocks.push({ kind: "heading", level: 1, text: w.sections.nextSteps });
    blocks.push(...nextSteps(ctx, overdue, dueSoon, paper, incomplete));
  }

  // The same names as a title writes them (an English title's capitals and article).
  const inTitle = issuerAndWho(w, names, w.kindInTitle, w.titleIssuerNoBody);
  const titleParts = names.title
    ? [names.title]
    : w.title.map((part) => fill(part, inTitle)).filter((p) => p.trim() !== "");
  const recipient = names.recipient ?? w.recipient;
  const missing: MissingName[] = [];
  if (!names.kind) missing.push("kind");
  if (!names.body) missing.push("body");
  if (!names.inspection) missing.push("inspection");
  return {
    title: titleParts,
    // No --recipient: the generic 主送; an empty one: no 主送 line.
    ...(recipient ? { recipient } : {}),
    blocks,
    closing: w.closing,
    signature: { issuer, date: w.formatDate(names.date ?? report.today) },
    missing,
  };
}

// ——— since the last check ———

/** Names at most this many tasks per list; the rest are counted. */
const PROGRESS_NAMES = 10;

/** What says a measure lacks a leader, a department or a usable deadline (the opening's `assigned`). */
const UNASSIGNED_RULES: ReadonlySet<RuleId> = new Set([
  "missing-lead",
  "missing-department",
  "missing-deadline",
  "invalid-deadline",
]);

/**
 * What moved since the last check (report.progress), as the meeting asks it first: the figures,
 * then the tasks finished, no longer done, fallen overdue and moved, by name. Nothing when there was no earlier check.
 */
function progressParagraphs(ctx: Ctx): Block[] {
  const p = ctx.report.progress;
  if (!p) return [];
  const w = ctx.w.progress;
  const names = <T>(items: readonly T[], item: (t: T) => string) =>
    items.slice(0, PROGRESS_NAMES).map(item).join(ctx.w.listSep) +
    (items.length > PROGRESS_NAMES ? fill(w.more, { n: items.length - PROGRESS_NAMES }) : "");
  // Each is one measure: named by it, not by its problem, whose other measures may still be open
  // (`新增完成的有：<problem>` was untrue of a problem with a measure not started).
  const named = (t: { problem: string; measures?: string; department?: string }) =>
    fill(t.department ? w.item : w.itemNoDepartment, {
      problem: shorten(t.measures ?? t.problem, ITEM_TEXT_LIMIT),
      department: t.department,
    });
  const since = ctx.w.formatDate(p.since);
  const counts = {
    done: p.newlyDone.length,
    reopened: p.reopened.length,
    overdue: p.newlyOverdue.length,
    still: p.stillOverdue.length,
    moved: p.deadlineMoved.length,
    added: p.added,
    removed: p.removed,
  };
  // Only what moved is read out: a row of "0条" is what a clerk would strike out before the meeting.
  const parts = (Object.keys(counts) as (keyof typeof counts)[])
    .filter((k) => counts[k] > 0)
    .map((k) => fill(w.parts[k], { n: counts[k] }));
  const sentences = [
    parts.length > 0 ? fill(w.figures, { since, parts: parts.join(w.partSep) }) : fill(w.unchanged, { since }),
  ];
  if (p.newlyDone.length) sentences.push(fill(w.newlyDone, { list: names(p.newlyDone, named) }));
  if (p.reopened.length) sentences.push(fill(w.reopened, { list: names(p.reopened, named) }));
  if (p.newlyOverdue.length) sentences.push(fill(w.newlyOverdue, { list: names(p.newlyOverdue, named) }));
  if (p.deadlineMoved.length)
    sentences.push(
      fill(w.deadlineMoved, {
        list: names(p.deadlineMoved, (t) =>
          fill(w.movedItem, {
            problem: shorten(t.measures ?? t.problem, ITEM_TEXT_LIMIT),
            from: ctx.w.formatDate(t.from),
            to: ctx.w.formatDate(t.to),
          }),
        ),
      }),
    );
  return [{ kind: "paragraph", text: sentences.join(w.join) }];
}

// ——— names ———

interface Names {
  body?: string;
  inspection?: string;
  kind?: InspectionKind;
  title?: string;
  issuer?: string;
  /** "" means no 主送 line at all. */
  recipient?: string;
  date?: string;
  feedbackDate?: string;
}

/** Options first, then the title rows; the kind also from the inspection's own name (`省委第三巡视组`). */
export function resolveNames(o: BulletinOptions, fromTitle: LedgerTitle): Names {
  const clean = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  const body = clean(o.body) ?? clean(fromTitle.body);
  const inspection = clean(o.inspection) ?? clean(fromTitle.inspection);
  const kind = o.kind ?? fromTitle.kind ?? kindIn(inspection) ?? kindIn(clean(o.title));
  const out: Names = {};
  if (body) out.body = body;
  if (inspection) out.inspection = inspection;
  if (kind) out.kind = kind;
  const title = clean(o.title);
  if (title) out.title = title;
  const issuer = clean(o.issuer);
  if (issuer) out.issuer = issuer;
  if (o.recipient !== undefined) out.recipient = o.recipient.trim();
  if (o.date) out.date = o.date;
  if (o.feedbackDate) out.feedbackDate = o.feedbackDate;
  return out;
}

/** Who issues and who inspected, in `kinds`' words for 巡视 / 巡察, with `noBody`'s issuer when the body is not named. */
function issuerAndWho(
  w: BulletinWords,
  names: Names,
  kinds: BulletinWords["kind"],
  noBody: string,
): { issuer: string; who: string } {
  const kind = names.kind ? kinds[names.kind] : kinds.none;
  return {
    issuer: names.issuer ?? fill(names.body ? w.issuer : noBody, { body: names.body, kind }),
    who: names.inspection ?? (kind ? fill(w.whoFromKind, { kind }) : ""),
  };
}

function kindIn(text: string | undefined): InspectionKind | undefined {
  const m = text ? /巡视|巡察/.exec(text) : null;
  return m ? (m[0] as InspectionKind) : undefined;
}

// ——— helpers shared by the sections ———

interface Ctx {
  w: BulletinWords;
  lang: Lang;
  report: Report;
  tasksByRow: (Task | undefined)[];
  /** Each task's problem (ledger/problems.ts), by row: the summary's count of problems is the bulletin's. */
  problemByRow: number[];
  /** A lead's or department's spelling met first, by its normalised form (namesIn). */
  spellings: Map<string, string>;
  /** namesIn's answer by cell text. */
  namesOf: Map<string, string[]>;
  /** The check date as printed: `截至2025年7月1日`. */
  asOf: string;
  /** Tables numbered so far. */
  tables: number;
  /** The check's due-soon window, when the caller gave it (BuildOptions). */
  dueSoonDays: number | undefined;
  /**
   * Rows of the tasks flagged paper-only: a finished one is not read out as an achievement
   * unqualified, as the same bulletin lists it under 三 (the bulletin sweep of 2026-12-03).
   */
  paperRows: ReadonlySet<number>;
}

/** core/percent's figure in the bulletin's words: `30.8%`. */
export function percent(w: BulletinWords, part: number, whole: number): string {
  return fill(w.percentTemplate, { value: percentValue(part, whole) });
}

/** Longest text a table cell shows; problems and measures can run to paragraphs. */
export const TABLE_TEXT_LIMIT = 60;
/** Longest measure text in the list of finished measures. */
export const ITEM_TEXT_LIMIT = 90;

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

const HYPERLINK = /^=\s*HYPERLINK\(\s*"(?:[^"]|"")*"\s*[,;]\s*"((?:[^"]|"")*)"\s*\)\s*$/i;

/**
 * A cell stands for what it shows. Hosts give the displayed value; should a formula's text
 * still reach us (a file saved without cached results), a HYPERLINK shows its friendly name.
 */
export function shown(text: string): string {
  const m = HYPERLINK.exec(text);
  return m ? m[1]!.replace(/""/g, '"') : text;
}

/** The cells every task table opens with: its number, the problem, the measures and the department. */
function taskCells(ctx: Ctx, f: Finding, i: number): (string | number)[] {
  const t = taskOf(ctx, f);
  return [
    i + 1,
    shorten(text(t, "problem") || (f.problem ?? "")) || ctx.w.blank,
    shorten(text(t, "measures")) || ctx.w.blank,
    departmentOf(ctx, f) || ctx.w.blank,
  ];
}

/** What the overdue and due-soon tables add: the leader, the deadline and the days (over or left). */
function deadlineCells(ctx: Ctx, f: Finding): (string | number)[] {
  const t = taskOf(ctx, f);
  // A day in the bulletin's own form, one form for the table (ledger/model: deadlineShown).
  return [text(t, "lead") || ctx.w.blank, deadlineShown(t, ctx.w.formatDate) || ctx.w.blank, f.days ?? ctx.w.blank];
}

function text(task: Task | undefined, field: Field): string {
  if (!task) return "";
  const t = shown(fieldText(task, field)).replace(/\s+/g, " ").trim();
  // A name as printed, without the spaces typed to align it (`财务 科`).
  return field === "department" || field === "lead" ? tidyName(t) : t;
}

/**
 * A task's progress as the table prints it: the clerk's words, but a status in another language
 * than the bulletin's (an English ledger's `In progress` in a Chinese bulletin) in the bulletin's.
 */
function statusShown(ctx: Ctx, task: Task | undefined): string {
  const written = shorten(text(task, "status"), 30);
  const own = task ? STATUS_HEADER[task.status.kind] : undefined;
  const english = /[A-Za-z]/.test(written) && !/[\u3400-\u9fff]/.test(written);
  return own && ctx.lang === "zh" && english ? ctx.w.headers[own] : written;
}

/** A known status by the table header that names it. */
const STATUS_HEADER: Partial<Record<StatusKind, "done" | "inProgress" | "notStarted">> = {
  done: "done",
  "in-progress": "inProgress",
  "not-started": "notStarted",
};

function taskOf(ctx: Ctx, f: Finding): Task | undefined {
  return ctx.tasksByRow[f.taskRow ?? f.row];
}

function departmentOf(ctx: Ctx, f: Finding): string {
  return text(taskOf(ctx, f), "department") || f.department?.trim() || "";
}

/** Named departments, in order of first appearance, joined; unnamed ones are left out. */
function departmentList(ctx: Ctx, findings: Finding[]): string {
  return unique(findings.flatMap((f) => namesIn(ctx, departmentOf(ctx, f)))).join(ctx.w.nameSep);
}

function caption(ctx: Ctx, name: string): { caption: string; n: number } {
  ctx.tables++;
  return { caption: fill(ctx.w.caption, { n: ctx.tables, name }), n: ctx.tables };
}

function subHeading(ctx: Ctx, i: number, text: string): Block {
  return { kind: "heading", level: 2, text: fill(ctx.w.sub, { n: ctx.w.numeral(i + 1) }) + text };
}

/**
 * Tables list at most this many items. A bulletin is read out at a meeting: a 10,000-row ledger
 * must not turn it into thousands of rows; the rest are marked in the ledger itself.
 */
export const LIST_LIMIT = 30;

function byRow(tasks: readonly Task[]): (Task | undefined)[] {
  const out: (Task | undefined)[] = [];
  // Indexed, not for…of: see Rule.check.
  for (let i = 0; i < tasks.length; i++) out[tasks[i]!.row] = tasks[i];
  return out;
}

function sortedFindings(report: Report, rule: RuleId, order: (a: Finding, b: Finding) => number): Finding[] {
  return report.findings
    .filter((f) => f.rule === rule)
    .sort((a, b) => order(a, b) || (a.taskRow ?? a.row) - (b.taskRow ?? b.row));
}

/** Findings of one task together, tasks in ledger order. */
function groupByTask(findings: Finding[]): Finding[][] {
  const groups = new Map<number, Finding[]>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const row = f.taskRow ?? f.row;
    const g = groups.get(row);
    if (g) g.push(f);
    else groups.set(row, [f]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

// ——— counting ———

interface Counts {
  name: string;
  measures: number;
  done: number;
  inProgress: number;
  notStarted: number;
  unknown: number;
  overdue: number;
  /** Problem keys, so a problem merged over several measures counts once. */
  problems: Set<number>;
  /** Problems with at least one measure not done. */
  openProblems: Set<number>;
  departments: Set<string>;
}

function counts(name: string): Counts {
  return {
    name,
    measures: 0,
    done: 0,
    inProgress: 0,
    notStarted: 0,
    unknown: 0,
    overdue: 0,
    problems: new Set(),
    openProblems: new Set(),
    departments: new Set(),
  };
}

/**
 * Each task's problem by row, as the summary counts them (one merged cell, the same text filled
 * down, or an empty cell under a problem): a tally's set of these is its count of problems.
 */
function problemsByRow(tasks: readonly Task[]): number[] {
  const { of } = problemGroups(tasks);
  const out: number[] = [];
  for (let i = 0; i < tasks.length; i++) out[tasks[i]!.row] = of[i]!;
  return out;
}

/** What the tallies read of a task, read once: a task is counted in up to four tallies. */
interface Tallied {
  task: Task;
  problem: number;
  /** The departments and leaders it names (`张某、王某` is two), each as first spelt in the ledger. */
  departments: string[];
  leads: string[];
  overdue: boolean;
}

function tallied(ctx: Ctx, task: Task, overdue: boolean): Tallied {
  return {
    task,
    problem: ctx.problemByRow[task.row]!,
    departments: namesIn(ctx, text(task, "department")),
    leads: namesIn(ctx, text(task, "lead")),
    overdue,
  };
}

/**
 * The names a lead or department cell holds (ledger/names), one spelling each: the same unit
 * typed differently is one row of the table, under the spelling met first.
 */
function namesIn(ctx: Ctx, cell: string): string[] {
  if (cell === "") return [];
  // A ledger names a few units and leaders over thousands of rows: each cell's text is read once.
  const known = ctx.namesOf.get(cell);
  if (known) return known;
  const out: string[] = [];
  for (const name of namesInCell(cell)) {
    const key = nameKey(name);
    let spelt = ctx.spellings.get(key);
    if (spelt === undefined) ctx.spellings.set(key, (spelt = name));
    if (!out.includes(spelt)) out.push(spelt);
  }
  ctx.namesOf.set(cell, out);
  return out;
}

function add(c: Counts, t: Tallied): void {
  c.measures++;
  const kind = t.task.status.kind;
  if (kind === "done") c.done++;
  else if (kind === "in-progress") c.inProgress++;
  else if (kind === "not-started") c.notStarted++;
  else c.unknown++;
  if (t.overdue) c.overdue++;
  c.problems.add(t.problem);
  if (kind !== "done") c.openProblems.add(t.problem);
  for (const d of t.departments) c.departments.add(d);
}

/**
 * The figures as a sentence says them: done always (none in words), the others only when not
 * zero (a row of "未启动0条" is what a clerk strikes out before the meeting); unknown progress
 * too, so they add up.
 */
function figures(
  f: Figures,
  c: { done: number; inProgress: number; notStarted: number; unknown: number; overdue: number },
): { figures: string; overdue: string } {
  const parts = [c.done > 0 ? fill(f.done, { n: c.done }) : f.noneDone];
  for (const k of ["inProgress", "notStarted", "unknown"] as const) if (c[k] > 0) parts.push(fill(f[k], { n: c[k] }));
  const open = c.inProgress + c.notStarted + c.unknown;
  return {
    figures: parts.filter(Boolean).join(f.sep),
    overdue: c.overdue <= 0 ? "" : fill(c.overdue >= open ? f.overdueAll : f.overdue, { n: c.overdue, open }),
  };
}

function countProblemsDone(c: Counts): number {
  return c.problems.size - c.openProblems.size;
}

interface Tally {
  all: Counts;
  departments: Counts[];
  leaders: Counts[];
  /** Each task once (a task of two leaders is in two rows of the table, once in its total). */
  departmentTotal: Counts;
  leaderTotal: Counts;
  /** Some task names two departments, or two leaders: its table's rows add up to more than its total. */
  sharedDepartments: boolean;
  sharedLeaders: boolean;
  noDepartment: number;
  noLeader: number;
}

function tallyTasks(ctx: Ctx, tasks: readonly Task[]): Tally {
  const overdueRows = new Set(ctx.report.findings.filter((f) => f.rule === "overdue").map((f) => f.taskRow ?? f.row));
  const all = counts("");
  const departmentTotal = counts("");
  const leaderTotal = counts("");
  const depts = new Map<string, Counts>();
  const leaders = new Map<string, Counts>();
  let noDepartment = 0;
  let noLeader = 0;
  let sharedDepartments = false;
  let sharedLeaders = false;
  for (let i = 0; i < tasks.length; i++) {
    const t = tallied(ctx, tasks[i]!, overdueRows.has(tasks[i]!.row));
    add(all, t);
    if (t.departments.length > 1) sharedDepartments = true;
    if (t.leads.length > 1) sharedLeaders = true;
    for (const d of t.departments) add(getOr(depts, d), t);
    if (t.departments.length > 0) add(departmentTotal, t);
    else noDepartment++;
    for (const l of t.leads) add(getOr(leaders, l), t);
    if (t.leads.length > 0) add(leaderTotal, t);
    else noLeader++;
  }
  // Stable sort: equal counts keep the ledger's order, which the clerk recognises.
  const bySize = (m: Map<string, Counts>) => [...m.values()].sort((a, b) => b.measures - a.measures);
  return {
    all,
    departments: bySize(depts),
    leaders: bySize(leaders),
    departmentTotal,
    leaderTotal,
    sharedDepartments,
    sharedLeaders,
    noDepartment,
    noLeader,
  };
}

function getOr(m: Map<string, Counts>, name: string): Counts {
  let c = m.get(name);
  if (!c) m.set(name, (c = counts(name)));
  return c;
}

// ——— 一、总体进展 ———

function overallSection(ctx: Ctx, tally: Tally): Block[] {
  const { w } = ctx;
  const h = w.headers;
  const out: Block[] = [];

  if (tally.departments.length > 0) {
    // The "not reported" column only appears when some measure needs it, so the columns add up.
    const withUnknown = tally.departments.some((d) => d.unknown > 0);
    const cap = caption(ctx, w.captions.byDepartment);
    const total = tally.departmentTotal;
    const cells = (first: TableCell, d: Counts): TableCell[] => [
      first,
      d.name,
      d.measures,
      d.done,
      d.inProgress,
      d.notStarted,
      ...(withUnknown ? [d.unknown] : []),
      d.overdue,
      percent(w, d.done, d.measures),
    ];
    const n = (header: string, width = 1.3): TableColumn => ({ header, width, align: "center" });
    out.push(
      subHeading(ctx, 0, w.sections.byDepartment),
      { kind: "paragraph", text: fill(w.byDepartmentIntro, { n: tally.departments.length, table: cap.n }) },
      {
        kind: "table",
        caption: cap.caption,
        columns: [
          n(h.no, 0.9),
          { header: h.department, width: 3, align: "center" },
          n(h.measureCount),
          n(h.done),
          n(h.inProgress),
          n(h.notStarted),
          ...(withUnknown ? [n(h.unknown)] : []),
          n(h.overdue, 1.1),
          n(h.rate, 1.5),
        ],
        rows: tally.departments.map((d, i) => cells(i + 1, d)),
        // 合计 stands under 序号 and 责任部门 together: the empty cell tells the layout to span.
        total: cells(w.total, total),
      },
    );
    if (tally.sharedDepartments) out.push({ kind: "paragraph", text: fill(w.sharedDepartments, { table: cap.n }) });
    if (tally.noDepartment > 0)
      out.push({ kind: "paragraph", text: fill(w.unassignedDepartment, { n: tally.noDepartment, table: cap.n }) });
  }

  if (tally.leaders.length > 0) {
    const cap = caption(ctx, w.captions.byLeader);
    const total = tally.leaderTotal;
    const cells = (first: TableCell, d: Counts, depts: string): TableCell[] => [
      first,
      d.name,
      depts,
      d.measures,
      d.done,
      d.measures - d.done,
      d.overdue,
      percent(w, d.done, d.measures),
    ];
    const n = (header: string, width = 1.3): TableColumn => ({ header, width, align: "center" });
    out.push(
      subHeading(ctx, tally.departments.length > 0 ? 1 : 0, w.sections.byLeader),
      { kind: "paragraph", text: fill(w.byLeaderIntro, { table: cap.n }) },
      {
        kind: "table",
        caption: cap.caption,
        columns: [
          n(h.no, 0.9),
          { header: h.lead, width: 1.8, align: "center" },
          { header: h.leadDepartments, width: 3.2, align: "left" },
          n(h.measureCount),
          n(h.done),
          n(h.unfinished),
          n(h.overdue, 1.1),
          n(h.rate, 1.5),
        ],
        rows: tally.leaders.map((d, i) => cells(i + 1, d, [...d.departments].join(w.nameSep) || w.blank)),
        total: cells(w.total, total, ""),
      },
    );
    if (tally.sharedLeaders) out.push({ kind: "paragraph", text: fill(w.sharedLeaders, { table: cap.n }) });
    if (tally.noLeader > 0)
      out.push({ kind: "paragraph", text: fill(w.unassignedLeader, { n: tally.noLeader, table: cap.n }) });
  }
  return out;
}

// ——— 二、by category (or the finished measures) ———

const CATEGORY_NUMBER =
  /^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百\d]+\s*[）)]|第[一二三四五六七八九十百\d]+(?:部分|类|项)\s*[、:：]?|\d+\s*[、.．]|[A-Z]\s*[、.．]|(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\s*[.．)）]|(?:part|section|category)\s*\w+\s*[.:]?)\s*/i;

/**
 * The category caption as the `（一）关于……方面的整改` heading takes it: without its number,
 * its 关于, a trailing 方面 (the template adds it back) or a closing colon.
 */
export function categoryName(caption: string): { name: string; aspect: boolean } {
  const flat = caption.replace(/\s+/g, " ").trim();
  let name = flat
    .replace(CATEGORY_NUMBER, "")
    .replace(/[:：。.]+$/, "")
    .replace(/^关于/, "");
  const tail = /方面(?:的)?(?:问题)?(?:的整改|整改)?$/.exec(name);
  if (tail) name = name.slice(0, tail.index);
  return { name: name || flat, aspect: tail !== null };
}

function categorySection(ctx: Ctx, tasks: readonly Task[]): Block[] {
  const { w } = ctx;
  const hasCategories = tasks.some((t) => t.category);
  if (!hasCategories) return finishedSection(ctx, tasks);

  const overdueRows = new Set(ctx.report.findings.filter((f) => f.rule === "overdue").map((f) => f.taskRow ?? f.row));
  const groups = new Map<string, Task[]>();
  for (let i = 0; i < tasks.length; i++) {
    const key = tasks[i]!.category?.trim() || "";
    const g = groups.get(key);
    if (g) g.push(tasks[i]!);
    else groups.set(key, [tasks[i]!]);
  }
  const out: Block[] = [{ kind: "heading", level: 1, text: w.sections.byCategory }];
  let i = 0;
  for (const [cat, list] of groups) {
    const n = w.numeral(i + 1);
    const { name, aspect } = cat ? categoryName(cat) : { name: w.otherCategory, aspect: true };
    out.push({
      kind: "heading",
      level: 2,
      text: fill(aspect ? w.categoryHeading : w.categoryHeadingPlain, { n, name }),
    });
    const c = counts(cat);
    for (const t of list) add(c, tallied(ctx, t, overdueRows.has(t.row)));
    out.push({
      kind: "paragraph",
      text: fill(w.categoryFigures, {
        problems: c.problems.size,
        measures: c.measures,
        ...figures(w.categoryFigureParts, c),
        rate: c.done > 0 ? fill(w.categoryRate, { rate: percent(w, c.done, c.measures) }) : "",
      }),
    });
    const done = list.filter((t) => t.status.kind === "done");
    if (done.length === 0) out.push({ kind: "paragraph", text: w.finishedNone });
    else {
      out.push({ kind: "paragraph", text: w.finishedLead });
      out.push(...finishedItems(ctx, done));
    }
    i++;
  }
  return out;
}

function finishedSection(ctx: Ctx, tasks: readonly Task[]): Block[] {
  const { w } = ctx;
  const done = tasks.filter((t) => t.status.kind === "done");
  const out: Block[] = [{ kind: "heading", level: 1, text: w.sections.finished }];
  if (done.length === 0) return [...out, { kind: "paragraph", text: fill(w.finishedNoneAll, { date: ctx.asOf }) }];
  out.push({ kind: "paragraph", text: fill(w.finishedIntro, { date: ctx.asOf, n: done.length }) });
  return [...out, ...finishedItems(ctx, done)];
}

function finishedItems(ctx: Ctx, done: Task[]): Block[] {
  const { w } = ctx;
  const items: Block[] = done.slice(0, LIST_LIMIT).map((t, i) => {
    const measures = shorten(text(t, "measures") || text(t, "problem"), ITEM_TEXT_LIMIT);
    const department = text(t, "department");
    return {
      kind: "paragraph",
      lead: fill(w.item, { n: i + 1 }),
      text:
        fill(department ? w.finishedItem : w.finishedItemNoDept, { measures, department }) +
        (ctx.paperRows.has(t.row) ? w.finishedToVerify : ""),
    };
  });
  if (done.length > LIST_LIMIT)
    items.push({ kind: "paragraph", text: fill(w.moreItems, { shown: LIST_LIMIT, rest: done.length - LIST_LIMIT }) });
  return items;
}

// ——— 三、需要重点关注的问题 ———

function attentionSection(
  ctx: Ctx,
  overdue: Finding[],
  dueSoon: Finding[],
  paper: Finding[][],
  incomplete: Finding[][],
): Block[] {
  const { w } = ctx;
  // Nothing to point at: one sentence, not four subsections each saying "none" (a clerk strikes them).
  if (overdue.length + dueSoon.length + paper.length + incomplete.length === 0)
    return [{ kind: "paragraph", text: fill(w.attentionNone, { date: ctx.asOf }) }];
  const h = w.headers;
  const out: Block[] = [];
  const col = (header: string, width: number, align: TableColumn["align"] = "center"): TableColumn => ({
    header,
    width,
    align,
  });

  out.push(subHeading(ctx, 0, w.sections.overdue));
  out.push(
    ...list(ctx, overdue, {
      none: fill(w.overdueNone, { date: ctx.asOf }),
      intro: (table) =>
        fill(w.overdueIntro, { date: ctx.asOf, n: overdue.length, departments: departmentList(ctx, overdue), table }),
      caption: w.captions.overdue,
      columns: [
        col(h.no, 0.8),
        col(h.problem, 2.4, "left"),
        col(h.measures, 2.7, "left"),
        col(h.department, 1.5),
        col(h.lead, 1.3),
        // `2025年6月30日` on one line in Word's 156 mm (GB/T 9704 margins) at the table's 10.5 pt.
        col(h.deadline, 3.3),
        col(h.daysOverdue, 1.1),
        col(h.progress, 1.6),
      ],
      row: (f, i) => [...taskCells(ctx, f, i), ...deadlineCells(ctx, f), statusShown(ctx, taskOf(ctx, f)) || w.blank],
    }),
  );

  out.push(subHeading(ctx, 1, w.sections.dueSoon));
  out.push(
    ...list(ctx, dueSoon, {
      none: ctx.dueSoonDays === undefined ? w.dueSoonNone : fill(w.dueSoonNoneDays, { days: ctx.dueSoonDays }),
      intro: (table) =>
        fill(ctx.dueSoonDays === undefined ? w.dueSoonIntro : w.dueSoonIntroDays, {
          n: dueSoon.length,
          days: ctx.dueSoonDays,
          departments: departmentList(ctx, dueSoon),
          table,
        }),
      caption: w.captions.dueSoon,
      columns: [
        col(h.no, 0.8),
        col(h.problem, 2.7, "left"),
        col(h.measures, 2.8, "left"),
        col(h.department, 1.6),
        col(h.lead, 1.4),
        col(h.deadline, 3.3),
        col(h.daysLeft, 1.1),
      ],
      row: (f, i) => [...taskCells(ctx, f, i), ...deadlineCells(ctx, f)],
    }),
  );

  // The paper-only and incomplete tables: a task's cells (taskCells), then what is said of it.
  const taskColumns = [
    col(h.no, 0.8),
    col(h.problem, 3.4, "left"),
    col(h.measures, 3.6, "left"),
    col(h.department, 1.6),
  ];
  out.push(subHeading(ctx, 2, w.sections.paperOnly));
  out.push(
    ...list(ctx, paper, {
      none: w.paperNone,
      intro: (table) => fill(w.paperIntro, { n: paper.length, table }),
      caption: w.captions.paperOnly,
      columns: [...taskColumns, col(h.reason, 3.6, "left")],
      row: (fs, i) => {
        // The rule catalogue's own names for the reasons, as the pane and the findings list show them.
        const reasons = unique(fs.map((f) => (f.reason ? reasonTitle(f.reason, ctx.lang) : f.message)));
        return [...taskCells(ctx, fs[0]!, i), reasons.join(w.listSep)];
      },
    }),
  );

  out.push(subHeading(ctx, 3, w.sections.incomplete));
  out.push(
    ...list(ctx, incomplete, {
      none: w.incompleteNone,
      intro: (table) => fill(w.incompleteIntro, { n: incomplete.length, table }),
      caption: w.captions.incomplete,
      // The measure too: a problem with three measures named only by the problem left the clerk to
      // guess which lacks its deadline (the bulletin sweep of 2026-12-03).
      columns: [...taskColumns, col(h.gaps, 3.6, "left")],
      row: (fs, i) => {
        const t = taskOf(ctx, fs[0]!);
        return [...taskCells(ctx, fs[0]!, i), unique(fs.map((f) => gap(w, f, t))).join(w.listSep)];
      },
    }),
  );
  return out;
}

/** The intro, a table of the first LIST_LIMIT items and "N more"; or one sentence when there are none. */
function list<T>(
  ctx: Ctx,
  items: T[],
  s: {
    none: string;
    intro: (table: number) => string;
    caption: string;
    columns: TableColumn[];
    row: (item: T, index: number) => TableCell[];
  },
): Block[] {
  if (items.length === 0) return [{ kind: "paragraph", text: s.none }];
  const cap = caption(ctx, s.caption);
  const table: TableBlock = {
    kind: "table",
    caption: cap.caption,
    columns: s.columns,
    rows: items.slice(0, LIST_LIMIT).map(s.row),
  };
  const out: Block[] = [{ kind: "paragraph", text: s.intro(cap.n) }, table];
  if (items.length > LIST_LIMIT)
    out.push({
      kind: "paragraph",
      text: fill(ctx.w.more, { table: cap.n, shown: LIST_LIMIT, rest: items.length - LIST_LIMIT }),
    });
  return out;
}

/** What an incomplete entry lacks, in words (never its cell). */
function gap(w: BulletinWords, f: Finding, task: Task | undefined): string {
  if (f.rule === "invalid-deadline") {
    // An error value (`#N/A` from a failed lookup) is spreadsheet noise, not the clerk's words.
    const raw = shorten(text(task, "deadline"), 20);
    const written = /^[#=]/.test(raw) ? "" : raw;
    return written ? fill(w.gapDeadlineText, { text: written }) : (w.gaps[f.rule] ?? f.message);
  }
  if (f.rule === "missing-status") {
    const written = task ? shorten(task.status.text, 20) : "";
    return written ? fill(w.gapStatusText, { text: written }) : (w.gaps[f.rule] ?? f.message);
  }
  return w.gaps[f.rule] ?? f.message;
}

// ——— 四、下一步工作要求 ———

function nextSteps(
  ctx: Ctx,
  overdue: Finding[],
  dueSoon: Finding[],
  paper: Finding[][],
  incomplete: Finding[][],
): Block[] {
  const { w } = ctx;
  const items: [string, string][] = [];
  // The generic steps fit the state: keeping to the deadlines once every measure is done, or
  // checking the measures marked done when none is, is a step the clerk would strike out.
  const { done, tasks } = ctx.report.summary;
  const overdueDepts = departmentList(ctx, overdue);
  if (overdue.length > 0 && overdueDepts) {
    items.push([w.next.overdue[0], fill(w.next.overdue[1], { departments: overdueDepts })]);
  } else if (done < tasks) items.push([w.next.overdueNone[0], w.next.overdueNone[1]]);

  const soonDepts = departmentList(ctx, dueSoon);
  if (dueSoon.length > 0 && soonDepts)
    items.push([w.next.dueSoon[0], fill(w.next.dueSoon[1], { departments: soonDepts, n: dueSoon.length })]);

  const paperFlat = paper.flat();
  const paperDepts = departmentList(ctx, paperFlat);
  if (paperFlat.length > 0 && paperDepts) {
    const reasons = unique(paperFlat.map((f) => f.reason).filter((r): r is PaperOnlyReason => r !== undefined));
    items.push([
      w.next.paper[0],
      fill(w.next.paper[1], {
        // The table's own names for them (表 疑似情形), so the step and the table say one thing.
        reasons: reasons.map((r) => fill(w.reasonInSentence, { title: reasonTitle(r, ctx.lang) })).join(w.nameSep),
        departments: paperDepts,
      }),
    ]);
  } else if (done > 0) items.push([w.next.paperNone[0], w.next.paperNone[1]]);

  const incompleteFlat = incomplete.flat();
  const incompleteDepts = departmentList(ctx, incompleteFlat);
  if (incompleteFlat.length > 0) {
    const gaps = unique(incompleteFlat.map((f) => w.gapFields[f.rule]).filter((g): g is string => Boolean(g)));
    items.push([
      w.next.incomplete[0],
      fill(w.next.incomplete[1], {
        departments: incompleteDepts || w.everyDepartment,
        gaps: gaps.join(w.nameSep),
      }),
    ]);
  }
  const close = ctx.report.summary.done > 0 ? w.next.close : w.next.closeNoneDone;
  items.push([close[0], close[1]]);

  return items.flatMap(([heading, body], i): Block[] => [
    subHeading(ctx, i, heading),
    { kind: "paragraph", text: body },
  ]);
}
