import { dateToSerial, format, getFormatInfo, tokenize } from "numfmt";

/**
 * Excel number formats, for hosts that have a cell's value and format but not Excel's own text
 * (the .xlsx reader; the Office.js host, which skips loading `text` to keep large reads within
 * few round trips). The format codes themselves (ECMA-376 §18.8.31) are read by the numfmt
 * package, which emulates Excel's formatter; the project adds one rule of its own, below. Pure:
 * no locale or clock of the machine it runs on.
 */

/**
 * Built-in format 14 is the system's short date: Excel shows it in the PC's regional style,
 * which on the clerks' Chinese Windows is `2025/6/30`. Hosts spell it differently: OOXML files
 * (and exceljs) as `mm-dd-yy`, Office.js as `m/d/yyyy` whatever the locale (office-js#229, #2824).
 */
export const SHORT_DATE_SHOWN = "yyyy/m/d";
export const XLSX_SHORT_DATE = "mm-dd-yy";
export const OFFICE_JS_SHORT_DATE = "m/d/yyyy";

interface FormatKind {
  /** Shows a calendar date (a date, or a date and time). */
  date: boolean;
  /** Shows a date or a time of day, not an elapsed duration ([h]:mm). */
  clock: boolean;
  /** Has CJK day-of-week codes (aaa, aaaa), which Excel spells in Chinese. */
  cjkDays: boolean;
}

// A sheet has few formats and many dates: each format is read once.
const kinds = new Map<string, FormatKind>();
const NONE: FormatKind = { date: false, clock: false, cjkDays: false };

function kindOf(numFmt: string): FormatKind {
  let kind = kinds.get(numFmt);
  if (kind !== undefined) return kind;
  kind = NONE;
  try {
    const type = getFormatInfo(numFmt).type;
    if (type === "date" || type === "datetime" || type === "time") {
      const tokens = tokenize(numFmt.split(";")[0] ?? "");
      const elapsed = tokens.some((t) => /^\[(?:h+|m+|s+)\]$/i.test(t.raw));
      kind = {
        date: type !== "time",
        clock: !elapsed,
        cjkDays: tokens.some((t) => t.type === "DATETIME" && /^a{3,4}$/i.test(t.value)),
      };
    }
  } catch {
    // An invalid format shows no date.
  }
  if (kinds.size < 500) kinds.set(numFmt, kind);
  return kind;
}

/** True when a number format shows a calendar date: `yyyy"年"m"月"d"日"`, `mmm`; not `0.00`, `h:mm` or `[h]:mm`. */
export function isDateFormat(numFmt: string): boolean {
  return kindOf(numFmt).date;
}

/**
 * Excel's "system" formats (`[$-F800]`, `[$-x-sysdate]`: the long date; `[$-F400]`,
 * `[$-x-systime]`: the time) are shown in the reader's Windows locale, whatever pattern follows
 * them (an English one, as written on the machine that saved it). The clerk's is Chinese:
 * `2025年6月30日`, not `Monday, June 30, 2025` quoted in a Chinese message.
 */
function systemFormat(numFmt: string): string {
  if (/^\[\$-(?:F800|x-sysdate)\]/i.test(numFmt)) return 'yyyy"年"m"月"d"日"';
  if (/^\[\$-(?:F400|x-systime)\]/i.test(numFmt)) return "h:mm:ss";
  return numFmt;
}

/**
 * A date cell's text as Excel shows it under `numFmt`; "" when the format shows no date or time
 * (General, `0.00`, elapsed `[h]:mm:ss`), so that the engine falls back to the value itself.
 * `d` carries the calendar date and time in its UTC fields (see grid.ts). `shortDate` is how the
 * host spells built-in format 14.
 */
export function formatDate(d: Date, numFmt: string, shortDate: string = XLSX_SHORT_DATE): string {
  const fmt = numFmt === shortDate ? SHORT_DATE_SHOWN : systemFormat(numFmt);
  const kind = kindOf(fmt);
  if (!kind.clock) return "";
  const serial = dateToSerial([
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ]);
  if (serial === null) return "";
  // aaa/aaaa are the day of the week in the CJK locale Excel reads them in (星期二); mmm and
  // dddd keep the formatter's default English names, as the hand-written formatter gave them.
  return format(fmt, serial, { throws: false, locale: kind.cjkDays ? "zh-CN" : "" });
}
