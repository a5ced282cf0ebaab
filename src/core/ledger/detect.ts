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
    const headers = headerCells(grid, row, merges);
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
      headerRows: headerRowsOf(grid, row, merges),
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
