/**
 * The Grid is everything the engine ever sees of a worksheet: a rectangle of cell
 * values with their display text, number formats and merged areas. Hosts (Office.js,
 * exceljs, CSV) translate their own cell models into this one.
 */

/** An error cell such as `#N/A` or `#REF!`. */
export interface ErrorValue {
  error: string;
}

/**
 * A cell value. Dates are `Date` objects whose UTC fields carry the calendar date and
 * time the cell shows (Excel has no time zones); hosts convert serial numbers with
 * `serialToDate` in `dates.ts`.
 */
export type CellValue = string | number | boolean | Date | ErrorValue | null;

/** A merged area in worksheet coordinates, 1-based and inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** Worksheet row and column (1-based) of `values[0][0]`. */
  origin: { row: number; col: number };
  /** Row-major values; rows may be shorter than the widest row. */
  values: CellValue[][];
  /**
   * Display text as the sheet shows it, where the host has it and it differs from the value
   * (dates, chiefly). Sparse: a missing row or cell means "show the value" (see textAt).
   */
  text?: string[][];
  /** Number formats where the host has them; sparse like `text` (missing means General). */
  formats?: string[][];
  merges: MergedArea[];
  /**
   * The workbook counts dates from 1904 (old Mac workbooks): a number that lost its date format
   * is a serial of that system. Dates with their format arrive as Dates already.
   */
  date1904?: boolean;
  /**
   * Worksheet rows hidden by hand or by a filter, and hidden columns, where the host knows them.
   * They are part of the ledger (a clerk hides finished rows to print, not to delete them): the
   * engine checks them like any other and skips nothing for being hidden. Carried so a reader
   * can be told that a flagged cell is out of sight.
   */
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

/** Excel's error literals, as Office.js hands them over in `values` and as a cell shows them. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as ErrorValue).error === "string";
}

/** Excel's grid (Excel specifications and limits): rows 1…1,048,576, columns A…XFD. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to column number (1-based): A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Parses `H12` into worksheet row and column (1-based). */
export function parseAddress(address: string): { row: number; col: number } {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]!) };
}

/** The value at a worksheet position, or null outside the grid. */
export function valueAt(grid: Grid, row: number, col: number): CellValue {
  return grid.values[row - grid.origin.row]?.[col - grid.origin.col] ?? null;
}

/** Display text of a cell: the host's text if it has it, else the value rendered plainly. */
export function textAt(grid: Grid, row: number, col: number): string {
  const t = grid.text?.[row - grid.origin.row]?.[col - grid.origin.col];
  if (t !== undefined && t !== "") return t;
  return valueToText(valueAt(grid, row, col));
}

export function valueToText(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v.error;
}

const colCounts = new WeakMap<CellValue[][], number>();

/** The widest row's length; cached per grid, which is never changed once a host made it. */
export function gridColCount(grid: Grid): number {
  let n = colCounts.get(grid.values);
  if (n === undefined) {
    n = 0;
    for (const r of grid.values) if (r.length > n) n = r.length;
    colCounts.set(grid.values, n);
  }
  return n;
}
