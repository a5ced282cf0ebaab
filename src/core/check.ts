import type { Config } from "./config.js";
import { noHeaderInRowError, noLedgerError, LedgerError } from "./errors.js";
import { FIELD_NAMES, type Field } from "./fields.js";
import { columnLetter, type Grid } from "./grid.js";
import { detectLayout, isLedgerHeader } from "./ledger/detect.js";
import { MergeIndex } from "./ledger/merge-index.js";
import { fieldText, type Ledger, type LedgerLayout, type Task } from "./ledger/model.js";
import { likelySameUnits, namesInCell } from "./ledger/names.js";
import { problemGroups } from "./ledger/problems.js";
import { readTasks } from "./ledger/rows.js";
import { readStatedCounts, type StatedCounts } from "./ledger/stated.js";
import { readTitle } from "./ledger/title.js";
import { INCOMPLETE_RULES, type Finding, type Notice, type Report, type Severity, type Summary } from "./report.js";
import {
  RULES,
  ruleKey,
  ruleTitle,
  type FindingDraft,
  type ListedRule as Rule,
  type MessageData,
} from "./rules/index.js";
import { compileTemplate, fill, type Catalogue, type Lang, type TemplateData } from "./i18n.js";

export interface CheckResult {
  ledger: Ledger;
  report: Report;
  /** The report's findings in its order, with the task and column number each points at. */
  findings: readonly CheckedFinding[];
  /** The findings grouped by task, tasks in ledger order: what marks, the bulletin and notices read. */
  byTask: readonly TaskFindings[];
}

/**
 * A finding as the engine keeps it: the report's rendering (cell, column letter and message
 * made once, in `runRules`) beside the numbers it came from, so nothing downstream parses an
 * address back or looks a task up by row again.
 */
export interface CheckedFinding {
  finding: Finding;
  task: Task;
  /** Column number of the flagged cell; its row is `finding.row`. */
  col: number;
}

export interface TaskFindings {
  task: Task;
  /** In the report's order (by row, then column). */
  findings: readonly Finding[];
}

/** Shortened problem text carried on each finding so a reader knows the task. */
const SNIPPET = 40;

/**
 * Detects the ledger in a grid, reads its tasks and runs the rules. Pure: the same grid,
 * configuration and `config.today` give the same report, whichever host read the grid.
 */
export function checkGrid(grid: Grid, config: Config, file?: string): CheckResult {
  if (grid.values.every((r) => r.every((v) => v === null || v === ""))) {
    throw new LedgerError("empty-sheet", { sheet: grid.sheet });
  }
  const merges = MergeIndex.of(grid);
  const layout = detectLayout(grid, { headerRow: config.headerRow, columns: config.columns }, merges);
  if (!layout) throw noLedgerError([grid.sheet]);
  // A forced header row is taken as given, but one that names no ledger fields (a data row, a
  // row past the end) would "check" zero tasks and pass: refuse it. Forced columns vouch for it.
  if (config.headerRow !== undefined && Object.keys(config.columns).length === 0 && !isLedgerHeader(layout.columns))
    throw noHeaderInRowError(grid.sheet, config.headerRow);
  const ledger: Ledger = { layout, tasks: readTasks(grid, layout, merges), title: readTitle(grid, layout) };
  const stated = readStatedCounts(grid, layout, ledger.tasks);
  if (stated) ledger.stated = stated;
  return runRules(ledger, config, file);
}

/** What is known of a sheet before it is read whole. */
export interface SheetFacts {
  rowCount: number;
  visible: boolean;
}

/** Names that say a sheet shows how to fill the ledger in, not the ledger: instructions, a sample, a cover. */
const NOT_THE_LEDGER = /说明|示例|样表|样例|范例|模板|封面|目录|instruction|example|sample|template|cover|readme/i;

/** Header scores this close to the best are a tie (the same header copied onto another sheet). */
const TIE = 0.8;

/**
 * The sheets whose header looks like a ledger's, from grids of each sheet's top rows, best first.
 * The header's match decides, except between near-equal headers: a 填报说明 or 封面 sheet often
 * shows the ledger's very header with a sample row, and must not win over the ledger by coming
 * first; among the rest, the sheet with more rows below its header goes first.
 */
export function rankLedgerSheets(
  heads: Grid[],
  config: Pick<Config, "headerRow" | "columns">,
  facts: ReadonlyMap<string, SheetFacts> = new Map(),
): LedgerLayout[] {
  const layouts: LedgerLayout[] = [];
  for (const grid of heads) {
    const layout = detectLayout(grid, { headerRow: config.headerRow, columns: config.columns });
    if (layout) layouts.push(layout);
  }
  const top = Math.max(0, ...layouts.map((l) => l.score));
  const tied = (l: LedgerLayout) => l.score >= TIE * top;
  const named = (l: LedgerLayout) => (NOT_THE_LEDGER.test(l.sheet) ? 1 : 0);
  const below = (l: LedgerLayout) => rowsBelowHeader(l, facts);
  return layouts
    .map((l, order) => ({ l, order }))
    .sort((a, b) => {
      if (tied(a.l) !== tied(b.l)) return tied(a.l) ? -1 : 1;
      if (!tied(a.l)) return b.l.score - a.l.score || a.order - b.order;
      return named(a.l) - named(b.l) || below(b.l) - below(a.l) || b.l.score - a.l.score || a.order - b.order;
    })
    .map((x) => x.l);
}

function rowsBelowHeader(l: LedgerLayout, facts: ReadonlyMap<string, SheetFacts>): number {
  return (facts.get(l.sheet)?.rowCount ?? 0) - Math.max(l.headerRow, ...l.headerRows);
}

/** The sheet whose header best matches ledger fields (rankLedgerSheets), or null. */
export function chooseLedgerSheet(
  heads: Grid[],
  config: Pick<Config, "headerRow" | "columns">,
  facts?: ReadonlyMap<string, SheetFacts>,
): LedgerLayout | null {
  return rankLedgerSheets(heads, config, facts)[0] ?? null;
}

/**
 * Other visible sheets holding a ledger as good as the one checked (one sheet per department is
 * a common layout): the check covers one sheet, and says so, naming them.
 */
export function otherLedgersNotice(
  ranked: LedgerLayout[],
  facts: ReadonlyMap<string, SheetFacts>,
  lang: Lang,
): Notice | null {
  const [chosen, ...rest] = ranked;
  if (!chosen) return null;
  const others = rest.filter((l) => {
    const f = facts.get(l.sheet);
    return (
      l.score >= TIE * chosen.score &&
      !NOT_THE_LEDGER.test(l.sheet) &&
      f?.visible !== false &&
      rowsBelowHeader(l, facts) > 0
    );
  });
  if (others.length === 0) return null;
  return {
    code: "other-ledgers",
    message: fillList(
      WORDS[lang].otherLedgers,
      { sheets: others.map((l) => l.sheet), count: others.length, sheet: chosen.sheet },
      lang,
    ),
  };
}

/**
 * Flagged cells a copy marks with a note alone: the workbook already holds as many cell formats as
 * Excel allows, and a fill of ours is one more format each (hosts/xlsx: MAX_CELL_XFS).
 */
export function unfilledMarksNotice(count: number, lang: Lang): Notice {
  return { code: "marks-unfilled", message: fill(WORDS[lang].unfilledMarks, { count }) };
}

/**
 * The earlier check shares no task with this one (another ledger's report named by --previous):
 * its "progress" would be every task added and every task removed, so none is given.
 */
export function unrelatedPreviousNotice(since: string, lang: Lang): Notice {
  return { code: "previous-unrelated", message: fill(WORDS[lang].unrelatedPrevious, { since }) };
}

/** A rule's finding before it is rendered: which rule, which draft, which cell. */
interface Hit {
  rule: Rule;
  draft: FindingDraft;
  row: number;
  col: number;
}

export function runRules(ledger: Ledger, config: Config, file?: string): CheckResult {
  const { layout } = ledger;
  const lang = config.lang;
  const hits: Hit[] = [];
  const notices: Notice[] = [];
  const ctx = { ledger, today: config.today, config };

  for (const rule of enabledRules(config)) {
    const absent = rule.requires.filter((f) => layout.columns[f] === undefined);
    if (absent.length > 0) {
      if (ledger.tasks.length > 0) notices.push(missingColumnNotice(rule, absent, lang));
      continue;
    }
    for (const draft of rule.check(ctx)) {
      const cell = draft.task.cells[draft.field]!;
      hits.push({ rule, draft, row: cell.row, col: cell.col });
    }
  }
  // Stable: findings on one cell keep the rule list's order.
  hits.sort((a, b) => a.row - b.row || a.col - b.col);

  const findings = renderFindings(hits, lang);
  const columns: Partial<Record<Field, string>> = {};
  for (const [field, col] of Object.entries(layout.columns) as [Field, number][]) columns[field] = columnLetter(col);

  const reported = findings.map((f) => f.finding);
  const summary = summarize(ledger, findings);
  if (ledger.stated) notices.push(...statedCountNotices(ledger.stated, summary, lang));
  const alike = similarDepartmentsNotice(ledger, lang);
  if (alike) notices.push(alike);
  const report: Report = {
    ...(file !== undefined ? { file } : {}),
    sheet: layout.sheet,
    headerRow: layout.headerRow,
    today: config.today,
    lang,
    columns,
    title: titleOf(ledger),
    findings: reported,
    summary,
    notices,
  };
  return { ledger, report, findings, byTask: groupByTask(ledger, findings) };
}

/** The report's findings, made once: the cell, column letter, message, problem and department. */
function renderFindings(hits: readonly Hit[], lang: Lang): CheckedFinding[] {
  // Tens of thousands of findings on a big ledger: letters and snippets are made once per
  // column and per task.
  const letters: string[] = [];
  const letter = (col: number): string => (letters[col] ??= columnLetter(col));
  const snippets = new Map<Task, string>();
  const snippetOf = (task: Task): string => {
    let s = snippets.get(task);
    if (s === undefined) {
      const problem = fieldText(task, "problem");
      snippets.set(task, (s = problem.length > SNIPPET ? `${problem.slice(0, SNIPPET)}…` : problem));
    }
    return s;
  };
  // A rule has a few message templates, each filled thousands of times: read once per check.
  const templates = new Map<string, (data: TemplateData) => string>();
  const render = (rule: Rule, draft: FindingDraft): string => {
    const template = rule.words[lang].messages[draft.messageId] ?? draft.messageId;
    if (draft.data === undefined) return template;
    let filled = templates.get(template);
    if (filled === undefined) templates.set(template, (filled = compileTemplate(template)));
    return filled(flatData(draft.data, lang));
  };
  const out: CheckedFinding[] = new Array(hits.length);
  for (let i = 0; i < hits.length; i++) {
    const { rule, draft, row, col } = hits[i]!;
    const { task } = draft;
    const column = letter(col);
    // One literal, every key in the contract's order (absent ones undefined, which JSON
    // leaves out): all findings share one shape.
    const finding: Finding = {
      rule: rule.id,
      reason: rule.reason,
      severity: rule.severity,
      row,
      column,
      cell: `${column}${row}`,
      message: render(rule, draft),
      problem: snippetOf(task) || undefined,
      department: fieldText(task, "department") || undefined,
      taskRow: task.row,
      days: draft.days,
    };
    out[i] = { finding, task, col };
  }
  return out;
}

/** Findings by task, tasks in ledger order (a merged cell's master may sit on another task's row). */
function groupByTask(ledger: Ledger, findings: readonly CheckedFinding[]): TaskFindings[] {
  const byTask = new Map<Task, Finding[]>();
  for (let i = 0; i < findings.length; i++) {
    const { task, finding } = findings[i]!;
    const list = byTask.get(task);
    if (list) list.push(finding);
    else byTask.set(task, [finding]);
  }
  const out: TaskFindings[] = [];
  const { tasks } = ledger;
  for (let i = 0; i < tasks.length; i++) {
    const list = byTask.get(tasks[i]!);
    if (list) out.push({ task: tasks[i]!, findings: list });
  }
  return out;
}

/** The report's title: only the parts the ledger says, in the contract's order. */
function titleOf(ledger: Ledger): Report["title"] {
  const { body, inspection, kind } = ledger.title ?? {};
  return {
    ...(body !== undefined ? { body } : {}),
    ...(inspection !== undefined ? { inspection } : {}),
    ...(kind !== undefined ? { kind } : {}),
  };
}

function enabledRules(config: Config): Rule[] {
  return RULES.filter((r) => config.rules[r.id] !== false && !(r.reason && config.paperOnly[r.reason] === false));
}

/** `fill`, with list data joined by the language's separator. */
function fillList(template: string, data: MessageData | undefined, lang: Lang): string {
  if (data === undefined) return template;
  return fill(template, flatData(data, lang));
}

/** Message data with each list joined by the language's separator. */
function flatData(data: MessageData, lang: Lang): TemplateData {
  const flat: Record<string, string | number | undefined> = {};
  for (const [k, v] of Object.entries(data))
    flat[k] = Array.isArray(v) ? v.join(WORDS[lang].listSep) : (v as string | number | undefined);
  return flat;
}

function missingColumnNotice(rule: Rule, absent: Field[], lang: Lang): Notice {
  const key = ruleKey(rule.id, rule.reason);
  return {
    code: `missing-column:${key}`,
    message: fillList(
      WORDS[lang].missingColumn,
      { columns: absent.map((f) => FIELD_NAMES[lang][f]), rule: ruleTitle(rule.id, rule.reason, lang), key },
      lang,
    ),
  };
}

/**
 * Departments that may be one unit typed two ways (ledger/names likelySameUnits): counted apart
 * in the bulletin's tables and sent two notices, which the clerk would merge by hand (the
 * bulletin sweep of 2026-12-03: 办公室/委办公室, 财务科/计划财务科 in one ledger).
 */
function similarDepartmentsNotice(ledger: Ledger, lang: Lang): Notice | null {
  // Cells repeat (a ledger names tens of units over thousands of rows): each text is split once.
  const cells = new Set<string>();
  for (const t of ledger.tasks) cells.add(fieldText(t, "department"));
  const pairs = likelySameUnits([...cells].flatMap(namesInCell));
  if (pairs.length === 0) return null;
  const w = WORDS[lang];
  const shown = pairs.slice(0, SIMILAR_SHOWN).map(([a, b]) => fill(w.similarPair, { a, b }));
  return {
    code: "similar-departments",
    message: fill(w.similarDepartments, {
      pairs: shown.join(w.listSep) + (pairs.length > SIMILAR_SHOWN ? w.andMore : ""),
    }),
  };
}

const SIMILAR_SHOWN = 5;

/** A footer's stated count that the ledger does not hold: `本清单共17项问题` over 16 problems. */
function statedCountNotices(stated: StatedCounts, summary: Summary, lang: Lang): Notice[] {
  const out: Notice[] = [];
  const counted = { problems: summary.problems, tasks: summary.tasks };
  for (const what of ["problems", "tasks"] as const) {
    const n = stated[what];
    if (n === undefined || n === counted[what]) continue;
    out.push({
      code: `stated-count:${what}`,
      message: fill(WORDS[lang][what === "problems" ? "statedProblems" : "statedTasks"], {
        row: stated.row,
        stated: n,
        counted: counted[what],
      }),
    });
  }
  return out;
}

interface CheckWords {
  /** Between the items of a list filled into a message. */
  listSep: string;
  missingColumn: string;
  otherLedgers: string;
  statedProblems: string;
  statedTasks: string;
  unfilledMarks: string;
  unrelatedPrevious: string;
  similarDepartments: string;
  similarPair: string;
  andMore: string;
}

const WORDS = {
  zh: {
    listSep: "、",
    missingColumn: "台账中没有“{{columns}}”列，无法检查“{{rule}}”（{{key}}）。",
    otherLedgers:
      "工作簿中另有{{count}}个工作表也像台账（{{sheets}}），本次只检查了“{{sheet}}”：其余各表请逐个指定工作表再检查。",
    statedProblems:
      "第{{row}}行写明共{{stated}}项问题，台账中实有{{counted}}项问题：请核对是否漏填、多填或说明未更新。",
    statedTasks: "第{{row}}行写明共{{stated}}条整改措施，台账中实有{{counted}}条：请核对是否漏填、多填或说明未更新。",
    unfilledMarks:
      "工作簿的单元格格式已达 Excel 的上限（65,490 种），{{count}}个待处理的单元格只加了批注、没有填色：删去不用的格式后再检查即可填色。",
    unrelatedPrevious:
      "上次校验（{{since}}）的记录与本台账没有一条相同的整改措施，像是另一本台账的，未比较整改进展：请指定本台账上次校验的副本或报告。",
    similarDepartments:
      "责任部门中{{pairs}}可能是同一部门的不同写法，通报和督办通知按不同部门统计：如是同一部门，请统一写法后再校验。",
    similarPair: "“{{a}}”与“{{b}}”",
    andMore: "等",
  },
  en: {
    listSep: ", ",
    missingColumn: "The ledger has no {{columns}} column, so “{{rule}}” ({{key}}) cannot be checked.",
    otherLedgers:
      "{{count}} other {{count|sheet looks|sheets look}} like a ledger too ({{sheets}}); only “{{sheet}}” was checked: check the others one sheet at a time.",
    statedProblems:
      "Row {{row}} says {{stated}} {{stated|problem|problems}}, but the ledger holds {{counted}}: check for missing or extra rows, or an outdated note.",
    statedTasks:
      "Row {{row}} says {{stated}} {{stated|measure|measures}}, but the ledger holds {{counted}}: check for missing or extra rows, or an outdated note.",
    unfilledMarks:
      "The workbook already holds as many cell formats as Excel allows (65,490): {{count}} flagged {{count|cell has|cells have}} a note but no fill; remove unused formats and check again to fill them.",
    unrelatedPrevious:
      "The earlier check ({{since}}) shares no measure with this ledger, as if it were another ledger's, so progress was not compared: name this ledger's last checked copy or report.",
    similarDepartments:
      "Some departments may be one unit typed two ways ({{pairs}}); the bulletin and the notices count them apart: if they are one, write them alike and check again.",
    similarPair: "“{{a}}” and “{{b}}”",
    andMore: ", and more",
  },
} satisfies Catalogue<CheckWords>;

/** Figures counted per task, not per finding: a task with two paper-only signs is one task. */
export function summarize(ledger: Ledger, findings: readonly CheckedFinding[]): Summary {
  const overdue = new Set<Task>();
  const dueSoon = new Set<Task>();
  const paperOnly = new Set<Task>();
  const incomplete = new Set<Task>();
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (let i = 0; i < findings.length; i++) {
    const { finding: f, task } = findings[i]!;
    bySeverity[f.severity]++;
    if (f.rule === "overdue") overdue.add(task);
    else if (f.rule === "due-soon") dueSoon.add(task);
    else if (f.rule === "paper-only") paperOnly.add(task);
    if (INCOMPLETE_RULES.has(f.rule)) incomplete.add(task);
  }
  let done = 0;
  let inProgress = 0;
  let notStarted = 0;
  let statusUnknown = 0;
  const { tasks: all } = ledger;
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    if (t.status.kind === "done") done++;
    else if (t.status.kind === "in-progress") inProgress++;
    else if (t.status.kind === "not-started") notStarted++;
    else statusUnknown++;
  }
  const tasks = ledger.tasks.length;
  return {
    tasks,
    problems: problemGroups(all).count,
    done,
    inProgress,
    notStarted,
    overdue: overdue.size,
    dueSoon: dueSoon.size,
    paperOnly: paperOnly.size,
    incomplete: incomplete.size,
    statusUnknown,
    completionRate: tasks === 0 ? 0 : Math.round((done / tasks) * 10000) / 10000,
    errors: bySeverity.error,
    warnings: bySeverity.warning,
    infos: bySeverity.info,
  };
}
