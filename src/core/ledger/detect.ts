import { FIELDS, type Field } from "../fields.js";
import { columnNumber, gridColCount, textAt, type Grid } from "../grid.js";
import { headerScore, isSequenceHeader, mapHeaders } from "./headers.js";
import { MergeIndex } from "./merge-index.js";
import type { LedgerLayout } from "./model.js";

/** How far down a header may sit below title rows. */
export const HEADER_SEARCH_ROWS = 20;

/** A header must name at least this many fields, one of them the problem or the measures. */
const MIN_FIELDS = 3;

/** Whether mapped columns make a ledger header: enough fields, the problem or the measures among them. */
export function isLedgerHeader(columns: Partial<Record<Field, number>>): boolean {
  return Object.keys(columns).length >= MIN_FIELDS && (columns.problem !== undefined || columns.measures !== undefined);
}

export interface DetectOptions {
  /** Force the header row (worksheet row number). */
  headerRow?: number;
  /** Force columns by letter, overriding the mapping. */
  columns?: Partial<Record<Field, string>>;
}

/**
 * Finds the header row and maps its columns to fields, or returns null when the sheet
 * holds no ledger. Merged header cells count in every row and column they cover, so a
 * two-row header (责任主体 over 责任领导 | 责任科室, the other captions merged down) reads as
 * its lower row. Cells merged across many columns are titles or group captions, never
 * field names.
 */
export function detectLayout(
  grid: Grid,
  options: DetectOptions = {},
  merges = MergeIndex.of(grid),
): LedgerLayout | null {
  const first = grid.origin.row;
  const last = Math.min(first + grid.values.length - 1, first + HEADER_SEARCH_ROWS - 1);
  const rows = options.headerRow !== undefined ? [options.headerRow] : range(first, last);

  let best: LedgerLayout | null = null;
  for (const row of rows) {
    const own = headerCells(grid, row, merges);
    const filled = filledFromAbove(grid, row, own, merges);
    const headers = filled ?? own;
    const { columns, score, pair, adjustedDeadline } = mapHeaders(headers);
    const found = Object.keys(columns).length;
    const forced = options.headerRow !== undefined;
    if (!forced && (found < MIN_FIELDS || (columns.problem === undefined && columns.measures === undefined))) continue;
    if (best && score <= best.score) continue;
    const headerTexts: Partial<Record<Field, string>> = {};
    for (const [field, col] of Object.entries(columns) as [Field, number][])
      headerTexts[field] = headers.get(col) ?? "";
    best = {
      sheet: grid.sheet,
      headerRow: row,
      headerRows: filled ? [row - 1, row] : headerRowsOf(grid, row, merges),
      columns,
      headers: headerTexts,
      score,
    };
    if (pair) best.pair = pair;
    if (adjustedDeadline !== undefined) best.adjustedDeadline = adjustedDeadline;
  }
  if (best && options.columns) {
    for (const [field, letters] of Object.entries(options.columns) as [Field, string][]) {
      best.columns[field] = columnNumber(letters);
      best.headers[field] = textAt(grid, best.headerRow, columnNumber(letters));
    }
    // Columns forced apart leave no pair; lead and department forced onto one column make one.
    const { lead, department } = best.columns;
    if (best.pair && lead !== best.pair.col && department !== best.pair.col) delete best.pair;
    if (lead !== undefined && lead === department && best.pair?.col !== lead) best.pair = { col: lead, first: "lead" };
  }
  return best;
}

/** Header text by column for one row, merge-resolved, skipping wide captions. */
function headerCells(grid: Grid, row: number, merges: MergeIndex): Map<number, string> {
  const out = new Map<number, string>();
  const cols = gridColCount(grid);
  for (let col = grid.origin.col; col < grid.origin.col + cols; col++) {
    const area = merges.areaAt(row, col);
    if (area && area.right - area.left >= 2) continue;
    const m = merges.masterOf(row, col);
    const text = textAt(grid, m.row, m.col).trim();
    if (text) out.set(col, m.row === row ? withCaption(grid, row, col, text, merges) : text);
  }
  return out;
}

/**
 * A sub-header that names no field alone, read with the group caption over it when the two make
 * a field's own name: 责任 over 领导 | 部门 is 责任领导 and 部门. Only an exact name counts (整改时限
 * over 计划 is no name of ours), and a sub-header that names a field keeps its own text (责任主体
 * over 责任领导 | 责任科室).
 */
function withCaption(grid: Grid, row: number, col: number, text: string, merges: MergeIndex): string {
  if (row - 1 < grid.origin.row || FIELDS.some((f) => headerScore(text, f) > 0)) return text;
  const caption = merges.areaAt(row - 1, col);
  if (!caption || caption.right === caption.left || caption.bottom !== row - 1) return text;
  const joined = textAt(grid, caption.top, caption.left).trim() + text;
  return FIELDS.some((f) => headerScore(joined, f) === 3) ? joined : text;
}

/**
 * A two-row header typed without merges: group captions over some columns (责任主体 over 责任领导 |
 * 责任部门), the other captions in the upper row only, their cells below left blank. The lower row,
 * when it names fields of its own, reads its blanks from the row above, as a merge would give them
 * (the sweep read the upper row as the header and the lower as a task with three findings).
 * Null when the row names fewer than two fields itself or has no blank under a caption.
 */
function filledFromAbove(
  grid: Grid,
  row: number,
  own: Map<number, string>,
  merges: MergeIndex,
): Map<number, string> | null {
  if (row - 1 < grid.origin.row) return null;
  let named = 0;
  for (const text of own.values()) if (FIELDS.some((f) => headerScore(text, f) > 0)) named++;
  if (named < 2) return null;
  const above = headerCells(grid, row - 1, merges);
  const out = new Map(own);
  let added = 0;
  for (const [col, text] of above) {
    if (out.has(col) || merges.areaAt(row - 1, col)) continue;
    out.set(col, text);
    added++;
  }
  return added > 0 ? out : null;
}

/** The header row plus the row above when that row holds group captions over this one. */
function headerRowsOf(grid: Grid, row: number, merges: MergeIndex): number[] {
  const above = row - 1;
  if (above < grid.origin.row) return [row];
  const cols = gridColCount(grid);
  let sharedDown = 0;
  for (let col = grid.origin.col; col < grid.origin.col + cols; col++) {
    const area = merges.areaAt(row, col);
    if (area && area.top <= above && area.bottom >= row && area.right - area.left < 2) sharedDown++;
  }
  return sharedDown > 0 ? [above, row] : [row];
}

/** The sequence-number column (序号), if the header has one. */
export function sequenceColumn(grid: Grid, layout: LedgerLayout, merges: MergeIndex): number | undefined {
  for (const [col, text] of headerCells(grid, layout.headerRow, merges)) if (isSequenceHeader(text)) return col;
  return undefined;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
