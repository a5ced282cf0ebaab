import { serialToDate } from "../../core/dates.js";
import { EXCEL_ERRORS, type CellValue } from "../../core/grid.js";
// One reading of number formats for every host: core/number-format.ts (on numfmt).
import { isDateFormat } from "../../core/number-format.js";

/** A value a date format shows as a date: a finite serial, not negative. Its format matters to no other. */
export function mayBeDate(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/**
 * One Office.js cell (`values` entry plus its number format) → the engine's CellValue.
 * Empty cells come as "" and become null. Errors come as their literal string; a clerk who
 * typed the text `#N/A` gets an error too, which reads the same to the engine (not a usable
 * value) — cheaper than loading `valueTypes` for every cell of a big ledger.
 */
export function toCellValue(value: unknown, numberFormat: string, date1904: boolean): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number")
    return mayBeDate(value) && isDateFormat(numberFormat) ? serialToDate(value, date1904) : value;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return EXCEL_ERRORS.has(value) ? { error: value } : value;
  return String(value);
}
