import { FIELDS, type Field } from "../core/fields.js";
import type { Ledger } from "../core/ledger/model.js";
import { PAPER_ONLY_REASONS, RULE_IDS, type Finding, type Severity, type Summary } from "../core/report.js";

/**
 * The pane's pure logic: what the tiles say, how findings are filtered, grouped and paged,
 * what a task's detail shows, how host facts map to language and theme. No React, no DOM:
 * tests/taskpane covers it with literal inputs.
 */

export const TILE_KEYS = ["tasks", "done", "overdue", "dueSoon", "paperOnly", "incomplete"] as const;
export type TileKey = (typeof TILE_KEYS)[number];
/** A tile's colour: the mark colour of the findings it counts, so tiles read like the sheet. */
export type Tone = Severity | "neutral" | "success";

export interface Tile {
  key: TileKey;
  /** Exactly the number (tests compare it with the CLI's JSON summary). */
  value: string;
  /** The completion rate on the done tile, like `33.3%`. */
  rate?: string;
  tone: Tone;
}

const TILE_TONES: Record<TileKey, Tone> = {
  tasks: "neutral",
  done: "success",
  overdue: "error",
  dueSoon: "info",
  paperOnly: "warning",
  incomplete: "error",
};

export function summaryTiles(summary: Summary): Tile[] {
  return TILE_KEYS.map((key) => ({
    key,
    value: String(summary[key]),
    ...(key === "done" ? { rate: formatRate(summary.completionRate) } : {}),
    tone: TILE_TONES[key],
  }));
}

/** 0.3333 → `33.3%`; whole numbers without decimals (`100%`, `0%`). */
export function formatRate(rate: number): string {
  const pct = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
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
  /** A rule key (`overdue`, `paper-only/no-evidence`) or the bare rule (`paper-only`: every reason); null for all. */
  rule: string | null;
  /** A department, "" for findings without one, null for all. */
  department: string | null;
}

export function filterFindings(findings: readonly Finding[], filters: Filters): Finding[] {
  return findings.filter(
    (f) =>
      (filters.rule === null || filters.rule === ruleKey(f) || filters.rule === f.rule) &&
      (filters.department === null || filters.department === (f.department ?? "")),
  );
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

export interface Group {
  severity: Severity;
  /** The group's findings on this page. */
  findings: Finding[];
  /** All of the group's findings (shown or not). */
  total: number;
}

export interface Page {
  groups: Group[];
  shown: number;
  total: number;
}

/**
 * Findings grouped by severity (errors first, sheet order within a group), cut to the first
 * `limit`. Paging rather than windowing: items wrap to different heights at 320 px, and a
 * plain list keeps Tab order and screen-reader browsing natural; 200 items render fast.
 */
export function pageFindings(findings: readonly Finding[], limit: number): Page {
  let room = Math.max(0, limit);
  const groups: Group[] = [];
  for (const severity of SEVERITIES) {
    const all = findings.filter((f) => f.severity === severity);
    if (all.length === 0) continue;
    const shown = all.slice(0, room);
    room -= shown.length;
    groups.push({ severity, findings: shown, total: all.length });
  }
  const shown = groups.reduce((n, g) => n + g.findings.length, 0);
  return { groups: groups.filter((g) => g.findings.length > 0), shown, total: findings.length };
}

export const PAGE_SIZE = 200;

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

/** Office's displayLanguage (`zh-CN`, `en-US`, …) → the pane's language: Chinese unless English. */
export function langFromDisplayLanguage(displayLanguage: string | undefined): "zh" | "en" {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "zh";
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

/** `?lang=en&today=2025-07-01` → the preview's language and check date. */
export function previewParams(search: string): { lang: "zh" | "en"; today?: string } {
  const params = new URLSearchParams(search);
  const lang = params.get("lang")?.toLowerCase().startsWith("en") ? "en" : "zh";
  const today = params.get("today") ?? "";
  return /^\d{4}-\d{2}-\d{2}$/.test(today) && !Number.isNaN(Date.parse(today)) ? { lang, today } : { lang };
}

/** `台账.xlsx` → `台账.checked.xlsx`; a CSV also downloads as xlsx (marks need a workbook). */
export function checkedFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  const stem = dot > 0 ? base.slice(0, dot) : base || "ledger";
  return `${stem}.checked.xlsx`;
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
