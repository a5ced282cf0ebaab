import { serialToDate } from "../../core/dates.js";
import type { CellValue } from "../../core/grid.js";

/** Excel's error literals as Office.js hands them over in `values`. */
export const EXCEL_ERRORS = new Set([
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

const dateFormatCache = new Map<string, boolean>();

/**
 * True when a number format shows a date: a y/d token (or m without h/s, which would make it
 * minutes) outside quoted literals, [brackets] (colours, locales, [h] elapsed time) and
 * backslash escapes. `yyyy"年"m"月"d"日"` and `[$-804]yyyy年m月d日` are dates; `0.00`,
 * `@`, `General`, `0"年"` (a count of years) and `h:mm` are not.
 */
export function isDateFormat(format: string): boolean {
  const cached = dateFormatCache.get(format);
  if (cached !== undefined) return cached;
  let result = false;
  if (format !== "" && format !== "General" && format !== "@") {
    // Only the first section (positive numbers) decides how a serial is shown.
    const section = firstSection(format);
    const bare = section
      .replace(/"[^"]*"/g, "")
      // Elapsed time ([h], [mm], [ss]) is a time token: keep it as one so `[h]:mm` stays a duration.
      .replace(/\[(?:h+|m+|s+)\]/gi, "h")
      .replace(/\[[^\]]*\]/g, "")
      .replace(/\\./g, "")
      .replace(/_./g, "")
      .replace(/\*./g, "")
      .toLowerCase()
      .replace(/general/g, "");
    // Not "e": it is also the exponent of `0.00E+00`.
    if (/[yd]/.test(bare)) result = true;
    else if (bare.includes("m")) result = !/[hs]/.test(bare);
  }
  dateFormatCache.set(format, result);
  return result;
}

function firstSection(format: string): string {
  let inQuote = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === "\\") i++;
    else if (ch === ";" && !inQuote) return format.slice(0, i);
  }
  return format;
}

/**
 * One Office.js cell (`values` entry plus its number format) → the engine's CellValue.
 * Empty cells come as "" and become null. Errors come as their literal string; a clerk who
 * typed the text `#N/A` gets an error too, which reads the same to the engine (not a usable
 * value) — cheaper than loading `valueTypes` for every cell of a big ledger.
 */
export function toCellValue(value: unknown, numberFormat: string, date1904: boolean): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (Number.isFinite(value) && value >= 0 && isDateFormat(numberFormat)) return serialToDate(value, date1904);
    return value;
  }
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return EXCEL_ERRORS.has(value) ? { error: value } : value;
  return String(value);
}
