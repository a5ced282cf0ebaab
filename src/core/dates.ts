/**
 * Calendar dates without time zones. The engine works on ISO dates (`2025-06-30`):
 * they compare as strings, print as the clerk expects and survive JSON.
 */

export type IsoDate = string;

export const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function isoDate(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `YYYY-MM-DD`: the one spelling of an ISO date (config, report and snapshot schemas use it). */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(s: string): IsoDate | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? isoDate(y, mo, d) : null;
}

/** The calendar date a Date object carries in its UTC fields (how hosts hand dates over). */
export function dateToIso(d: Date): IsoDate {
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Today's date in the machine's local time zone (the clerk's calendar). */
export function localToday(now: Date = new Date()): IsoDate {
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const DAY_MS = 86_400_000;

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((isoToMs(b) - isoToMs(a)) / DAY_MS);
}

/** `YYYY-MM-DD` to UTC milliseconds, read digit by digit: overdue and due-soon ask it per task. */
function isoToMs(iso: IsoDate): number {
  const digit = (i: number): number => iso.charCodeAt(i) - 48;
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Date.parse(`${iso}T00:00:00Z`);
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  // Date.UTC reads years 0–99 as 1900–1999.
  if (y < 100) return Date.parse(`${iso}T00:00:00Z`);
  return Date.UTC(y, digit(5) * 10 + digit(6) - 1, digit(8) * 10 + digit(9));
}

/**
 * Excel serial number to a Date (UTC fields = the cell's calendar date and time).
 * In the 1900 system Excel counts a 29 February 1900 that never was (Lotus's bug),
 * so serials from 61 on are one day ahead of the true count; serial 60 is that
 * phantom day and is shown as 1900-02-28 here. The 1904 system (old Mac workbooks)
 * starts on 1904-01-01 with serial 0.
 */
export function serialToDate(serial: number, date1904 = false): Date {
  const whole = Math.floor(serial);
  const fraction = serial - whole;
  let base: number;
  let days: number;
  if (date1904) {
    base = Date.UTC(1904, 0, 1);
    days = whole;
  } else {
    base = Date.UTC(1899, 11, 31);
    days = whole >= 61 ? whole - 1 : whole === 60 ? 59 : whole;
  }
  // To the millisecond, but never past midnight: 45800.999999999 is that day at 23:59:59.999, not
  // the next day (Excel shows it on its own day); rounding alone would carry it over.
  return new Date(base + days * DAY_MS + Math.min(Math.round(fraction * DAY_MS), DAY_MS - 1));
}

/** Chinese long date as bulletins print it: `2025年7月1日` (no leading zeros). */
export function formatChineseDate(d: IsoDate): string {
  const [y, m, day] = d.split("-").map(Number);
  return `${y}年${m}月${day}日`;
}

/** English long date: `1 July 2025`. */
export function formatEnglishDate(d: IsoDate): string {
  const [y, m, day] = d.split("-").map(Number);
  return `${day} ${ENGLISH_MONTHS[(m ?? 1) - 1]} ${y}`;
}
