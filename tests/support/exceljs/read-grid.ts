import type ExcelJS from "exceljs";
import { parseAddress, type CellValue, type Grid, type MergedArea } from "../../../src/core/grid.js";
import { formatDate } from "../../../src/core/number-format.js";
import type { ReadOptions } from "../../../src/hosts/workbook.js";

export { formatDate };

/**
 * exceljs worksheet → Grid. Walks the row and cell arrays exceljs already holds (no address
 * parsing per cell), so 50,000 rows cost little more than exceljs's own load.
 */

// exceljs's ValueType enum, inlined so this module needs no runtime import of exceljs.
const T_MERGE = 1;

/** How often onProgress hears about rows, so a big sheet doesn't flood the UI. */
const PROGRESS_EVERY = 5000;

export function readGrid(ws: ExcelJS.Worksheet, options: ReadOptions = {}): Grid {
  const limit = options.maxRows !== undefined ? Math.max(0, Math.floor(options.maxRows)) : Infinity;
  const lastRow = Math.min(ws.rowCount, limit);

  const values: CellValue[][] = [];
  // Display text and number format matter only for dates (everything else shows its value), so
  // only rows holding a date get them: 50,000 rows then cost one array each, not three.
  const text: string[][] = [];
  const formats: string[][] = [];
  const dateText = dateTextCache();
  let usedRows = 0;

  for (let r = 1; r <= lastRow; r++) {
    const rowValues: CellValue[] = [];
    const row = ws.findRow(r);
    const cells = row ? cellsOf(row) : NO_CELLS;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      // exceljs answers a merged slave with its master's value; the engine spreads merged
      // values itself, so the slave stays empty here.
      if (cell === undefined || cell.type === T_MERGE) continue;
      const value = toCellValue(cell.value);
      if (value === null) continue;
      while (rowValues.length < i) rowValues.push(null);
      rowValues.push(value);
      if (value instanceof Date) {
        const numFmt = cell.numFmt || "General";
        (text[r - 1] ??= [])[i] = dateText(value, numFmt);
        (formats[r - 1] ??= [])[i] = numFmt;
      }
    }
    values.push(rowValues);
    if (rowValues.length > 0) usedRows = r;
    if (options.onProgress && r % PROGRESS_EVERY === 0) options.onProgress(r, lastRow);
  }
  // Trailing rows that only carry formatting are not part of the table.
  values.length = usedRows;
  if (text.length > usedRows) text.length = usedRows;
  if (formats.length > usedRows) formats.length = usedRows;
  options.onProgress?.(lastRow, lastRow);

  return { sheet: ws.name, origin: { row: 1, col: 1 }, values, text, formats, merges: readMerges(ws, usedRows) };
}

const NO_CELLS: readonly (ExcelJS.Cell | undefined)[] = [];

/**
 * A row's cells by column (index 0 = column A). exceljs keeps them in an array; reading it
 * directly, rather than through eachCell's callback, is a plain loop the JIT makes fast from the
 * first rows on. Should exceljs's internals change, eachCell gives the same array.
 */
export function cellsOf(row: ExcelJS.Row): readonly (ExcelJS.Cell | undefined)[] {
  const internal = (row as unknown as { _cells?: unknown })._cells;
  if (Array.isArray(internal)) return internal as (ExcelJS.Cell | undefined)[];
  const cells: (ExcelJS.Cell | undefined)[] = [];
  row.eachCell((cell, col) => (cells[col - 1] = cell));
  return cells;
}

/** Ledgers repeat a few hundred dates under one or two formats: each is formatted once. */
function dateTextCache(): (d: Date, numFmt: string) => string {
  const byFormat = new Map<string, Map<number, string>>();
  return (d, numFmt) => {
    let byTime = byFormat.get(numFmt);
    if (byTime === undefined) byFormat.set(numFmt, (byTime = new Map()));
    const t = d.getTime();
    let s = byTime.get(t);
    if (s === undefined) byTime.set(t, (s = formatDate(d, numFmt)));
    return s;
  };
}

/** One exceljs cell value as a Grid value. */
export function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  // exceljs turns an error result in a date-formatted cell (=NA() under yyyy-mm-dd) into an Invalid
  // Date and loses which error it was; it is still an error cell, not an empty one.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: "#ERROR" } : v;
  if (typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  if (Array.isArray(o.richText)) return richText(o.richText);
  // Formula cells (plain or shared): the cached result is what the clerk sees.
  if ("formula" in o || "sharedFormula" in o || "result" in o) return toCellValue(o.result);
  // Hyperlinks: the text, which may itself be rich text.
  if ("hyperlink" in o || "text" in o) return toCellValue(o.text ?? null);
  return null;
}

function richText(runs: unknown[]): string {
  let s = "";
  for (const run of runs) {
    const t = (run as { text?: unknown }).text;
    if (typeof t === "string") s += t;
  }
  return s;
}

function readMerges(ws: ExcelJS.Worksheet, lastRow: number): MergedArea[] {
  const merges: MergedArea[] = [];
  const add = (top: number, left: number, bottom: number, right: number): void => {
    // Areas below the rows read are not ours to report; areas reaching past them are cut.
    if (top > lastRow) return;
    merges.push({ top, left, bottom: Math.min(bottom, lastRow), right });
  };
  const internal = (
    ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> }
  )._merges;
  if (internal) {
    // for…in, not Object.values: a big ledger has tens of thousands of areas to copy once.
    for (const key in internal) {
      const m = internal[key]!;
      add(m.top, m.left, m.bottom, m.right);
    }
  } else {
    // Public but slow (builds the whole sheet model); only if exceljs's internals change.
    for (const range of ws.model.merges ?? []) {
      const [a, b] = range.split(":");
      const tl = parseAddress(a!);
      const br = b ? parseAddress(b) : tl;
      add(tl.row, tl.col, br.row, br.col);
    }
  }
  merges.sort((x, y) => x.top - y.top || x.left - y.left);
  return merges;
}
