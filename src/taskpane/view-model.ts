import { FIELDS, type Field } from "../core/fields.js";
import type { Lang } from "../core/i18n.js";
import type { Ledger } from "../core/ledger/model.js";
import type { Progress } from "../core/progress/compare.js";
import { percentValue } from "../core/percent.js";
import {
  INCOMPLETE_RULES,
  PAPER_ONLY_REASONS,
  RULE_IDS,
  type Finding,
  type Severity,
  type Summary,
} from "../core/report.js";
import { SEVERITY_RANK } from "../core/marks.js";

/**
 * The pane's pure logic: what the tiles say and filter, how findings are filtered, counted
 * and grouped into the rows of the (virtual) list, what a task's detail shows, how host facts
 * map to theme. No React, no DOM: tests/taskpane covers it with literal inputs.
 */

export const TILE_KEYS = ["tasks", "done", "overdue", "dueSoon", "paperOnly", "incomplete"] as const;
export type TileKey = (typeof TILE_KEYS)[number];
/** A tile's colour: the mark colour of the findings it counts, so tiles read like the sheet. */
export type Tone = Severity | "neutral" | "success";

/** Tiles that filter the list, and the rule filter each one sets. */
export const TILE_FILTERS: Partial<Record<TileKey, string>> = {
  overdue: "overdue",
  dueSoon: "due-soon",
  paperOnly: "paper-only",
  incomplete: "incomplete",
};

export interface Tile {
  key: TileKey;
  /** Exactly the number (tests compare it with the CLI's JSON summary). */
  value: string;
  /** The completion rate on the done tile, like `33.3%`. */
  rate?: string;
  tone: Tone;
  /** The rule filter this tile toggles, when it filters the list. */
  filter?: string;
  /** The change since the last check (issue #12: `已完成 12 ▲3`), on the figures the snapshot keeps. */
  change?: number;
}

/** The figures a snapshot keeps, so the tiles can show their change (report.progress.before). */
const CHANGE_KEYS: Partial<Record<TileKey, "tasks" | "done" | "overdue">> = {
  tasks: "tasks",
  done: "done",
  overdue: "overdue",
};

const TILE_TONES: Record<TileKey, Tone> = {
  tasks: "neutral",
  done: "success",
  overdue: "error",
  dueSoon: "info",
  paperOnly: "warning",
  incomplete: "error",
};

export function summaryTiles(summary: Summary, before?: Progress["before"]): Tile[] {
  return TILE_KEYS.map((key) => {
    const was = before && CHANGE_KEYS[key] ? before[CHANGE_KEYS[key]] : undefined;
    return {
      key,
      value: String(summary[key]),
      ...(key === "done" ? { rate: formatRate(summary.done, summary.tasks) } : {}),
      tone: TILE_TONES[key],
      ...(TILE_FILTERS[key] ? { filter: TILE_FILTERS[key] } : {}),
      ...(was !== undefined ? { change: summary[key] - was } : {}),
    };
  });
}

/** `▲3`, `▼2`, `±0`: the arrow says the direction, the tile's own colour says whether it is good. */
export function formatChange(change: number): string {
  return change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : "±0";
}

/** 0.3333 → `33.3%`; whole numbers without decimals (`100%`, `0%`). */
/** The bulletin's figure (core/percent), a whole one without its `.0` on a tile. */
export function formatRate(done: number, tasks: number): string {
  return `${percentValue(done, tasks).replace(/\.0$/, "")}%`;
}

/** The id a clerk filters by: the rule, with the paper-only reason (`paper-only/no-evidence`). */
export function ruleKey(f: Pick<Finding, "rule" | "reason">): string {
  return f.reason ? `${f.rule}/${f.reason}` : f.rule;
}

/** Rule keys in the engine's order: overdue before paper-only reasons, reasons in their order. */
const RULE_ORDER: string[] = RULE_IDS.flatMap((r) =>
  r === "paper-only" ? PAPER_ONLY_REASONS.map((reason) => `${r}/${reason}`) : [r],
);

export interface Option {
  key: string;
  count: number;
}

export function ruleOptions(findings: readonly Finding[]): Option[] {
  const counts = countBy(findings, ruleKey);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => orderOf(a.key) - orderOf(b.key) || a.key.localeCompare(b.key));
}

function orderOf(key: string): number {
  const i = RULE_ORDER.indexOf(key);
  return i < 0 ? RULE_ORDER.length : i;
}

/** Departments by number of findings (most first); "" for findings without a department. */
export function departmentOptions(findings: readonly Finding[]): Option[] {
  const counts = countBy(findings, (f) => f.department ?? "");
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key === "" ? 1 : b.key === "" ? -1 : a.key.localeCompare(b.key, "zh")));
}

export interface Filters {
  /**
   * A rule key (`overdue`, `paper-only/no-evidence`), a bare rule (`paper-only`: every reason),
   * `incomplete` (every incomplete-entry rule, as the tile counts them); null for all.
   */
  rule: string | null;
  /** A department, "" for findings without one, null for all. */
  department: string | null;
}

export const NO_FILTERS: Filters = { rule: null, department: null };

export function matchesRule(f: Finding, rule: string | null): boolean {
  if (rule === null) return true;
  if (rule === "incomplete") return INCOMPLETE_RULES.has(f.rule);
  return rule === f.rule || rule === ruleKey(f);
}

export function filterFindings(findings: readonly Finding[], filters: Filters): Finding[] {
  return findings.filter(
    (f) => matchesRule(f, filters.rule) && (filters.department === null || filters.department === (f.department ?? "")),
  );
}

export interface FilterCounts {
  /** Findings left by both filters. */
  shown: Finding[];
  /** Each rule's count among the findings the department filter leaves. */
  rules: Option[];
  /** Each department's count among the findings the rule filter leaves. */
  departments: Option[];
  /** What "all rules" / "all departments" would show given the other filter. */
  allRules: number;
  allDepartments: number;
}

/**
 * The list and both dropdowns under the active filters: each dropdown counts what choosing
 * an option would show, given the other filter. Options that would show nothing are left out,
 * except the one chosen (so the dropdown can still say what is selected).
 */
export function filterCounts(findings: readonly Finding[], filters: Filters): FilterCounts {
  const byDept = filterFindings(findings, { rule: null, department: filters.department });
  const byRule = filterFindings(findings, { rule: filters.rule, department: null });
  const keep = (chosen: string | null) => (o: Option) => o.count > 0 || o.key === chosen;
  const rules = ruleOptions(byDept);
  const departments = departmentOptions(byRule);
  if (filters.rule !== null && !rules.some((o) => o.key === filters.rule))
    rules.push({ key: filters.rule, count: byDept.filter((f) => matchesRule(f, filters.rule)).length });
  if (filters.department !== null && !departments.some((o) => o.key === filters.department))
    departments.push({ key: filters.department, count: 0 });
  return {
    shown: filterFindings(byDept, { rule: filters.rule, department: null }),
    rules: rules.filter(keep(filters.rule)),
    departments: departments.filter(keep(filters.department)),
    allRules: byDept.length,
    allDepartments: byRule.length,
  };
}

export type GroupBy = "rule" | "department";

/** One row of the findings list: a group's header, or a finding. */
export type ListRow =
  | { kind: "group"; key: string; count: number; severity: Severity }
  | { kind: "item"; finding: Finding; group: string; index: number };

/**
 * Findings as list rows grouped by rule (in the engine's order) or by department (most
 * findings first), each group headed by its count; sheet order within a group. `index` is the
 * finding's place in the whole list (1-based), for aria-posinset in the virtual list.
 */
export function listRows(findings: readonly Finding[], groupBy: GroupBy): ListRow[] {
  const keyOf = groupBy === "rule" ? ruleKey : (f: Finding) => f.department ?? "";
  const order = groupBy === "rule" ? ruleOptions(findings) : departmentOptions(findings);
  const groups = new Map<string, Finding[]>(order.map((o) => [o.key, []]));
  for (const f of findings) groups.get(keyOf(f))!.push(f);
  const rows: ListRow[] = [];
  let index = 0;
  for (const [key, items] of groups) {
    const severity = items.reduce<Severity>(
      (s, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[s] ? f.severity : s),
      "info",
    );
    rows.push({ kind: "group", key, count: items.length, severity });
    for (const finding of items) rows.push({ kind: "item", finding, group: key, index: ++index });
  }
  return rows;
}

export interface DetailRow {
  field: Field | "category";
  text: string;
}

/** The task a finding belongs to, field by field in ledger order; null when it is not in the ledger. */
export function taskDetail(
  ledger: Ledger,
  finding: Pick<Finding, "row" | "taskRow">,
): { row: number; rows: DetailRow[] } | null {
  const row = finding.taskRow ?? finding.row;
  const task = ledger.tasks.find((t) => t.row === row);
  if (!task) return null;
  const rows: DetailRow[] = [];
  if (task.category) rows.push({ field: "category", text: task.category });
  for (const field of FIELDS) {
    if (ledger.layout.columns[field] === undefined) continue;
    rows.push({ field, text: task.cells[field]?.text ?? "" });
  }
  return { row, rows };
}

/** Office's theme background (`#RRGGBB`) → light or dark; null when it cannot tell. */
export function themeFromBackground(color: string | undefined): "light" | "dark" | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(color?.trim() ?? "");
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  // Rec. 709 luma: Office's dark grey (#262626) and black themes fall well below the middle.
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? "dark" : "light";
}

/** `?lang=en&today=2025-07-01` → the preview's language (when asked for) and check date. */
export function previewParams(search: string): { lang?: Lang; today?: string } {
  const params = new URLSearchParams(search);
  const asked = params.get("lang")?.toLowerCase() ?? "";
  const lang: Lang | undefined = asked.startsWith("en") ? "en" : asked.startsWith("zh") ? "zh" : undefined;
  const today = params.get("today") ?? "";
  const validToday = /^\d{4}-\d{2}-\d{2}$/.test(today) && !Number.isNaN(Date.parse(today));
  return { ...(lang ? { lang } : {}), ...(validToday ? { today } : {}) };
}

/** `台账.xlsx` → `台账.checked.xlsx`; a CSV also downloads as xlsx (marks need a workbook). */
export function checkedFileName(fileName: string, suffix = "checked"): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  const stem = dot > 0 ? base.slice(0, dot) : base || "ledger";
  return `${stem}.${suffix}.xlsx`;
}

/** The bulletin's own file: `台账.bulletin.xlsx` / `台账.bulletin.docx`. */
export function bulletinFileName(fileName: string, ext: "xlsx" | "docx"): string {
  return checkedFileName(fileName, "bulletin").replace(/\.xlsx$/, `.${ext}`);
}

/** An override column letter as typed → `H`, or null when it is not a column letter. */
export function normalizeColumn(input: string): string | null | "" {
  const s = input.trim().toUpperCase();
  if (s === "") return "";
  return /^[A-Z]{1,3}$/.test(s) ? s : null;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}
