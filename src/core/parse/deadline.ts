/**
 * Deadline cells (整改时限) → meaning. Clerks write deadlines as Excel dates, as typed dates
 * in half a dozen spellings, as periods (`2025年6月底`, `2025年第三季度`), as slogans
 * (`立行立改`, `长期坚持`) or as a mix of all of these in one sentence. The parser finds every
 * date mention in the text, keeps the latest, and notes the slogans; anything it cannot
 * pin to a calendar day is `invalid`, never guessed.
 */
import { isErrorValue, type CellValue } from "../grid.js";
import { dateToIso, daysInMonth, isValidYmd, isoDate, serialToDate, type IsoDate } from "../dates.js";
import type { DeadlineMeaning } from "./meaning.js";
import { normalize, normalizeSpaced } from "./normalize.js";
import { isDeadlinePlaceholder } from "./placeholder.js";

type Precision = Extract<DeadlineMeaning, { kind: "date" }>["precision"];

const EMPTY: DeadlineMeaning = { kind: "empty" };

/** Serial numbers of 2000-01-01 and 2099-12-31: a bare number outside this range is not a deadline. */
const SERIAL_MIN = 36526;
const SERIAL_MAX = 73050;

export function parseDeadline(value: CellValue, text?: string, date1904 = false): DeadlineMeaning {
  try {
    return parseCell(value, text, date1904);
  } catch {
    // Defensive: hosts hand over whatever the workbook holds; a parser bug must not stop a check.
    return { kind: "invalid", text: safeText(value, text) };
  }
}

function parseCell(value: CellValue, text: string | undefined, date1904: boolean): DeadlineMeaning {
  const shown = typeof text === "string" ? text.trim() : "";
  if (value === null || value === undefined) return shown === "" ? EMPTY : parseText(shown);
  if (typeof value === "string") return parseText(value);
  if (typeof value === "number") return parseNumber(value, shown, date1904);
  if (value instanceof Date) return parseDateValue(value, shown);
  if (typeof value === "boolean") return invalid(shown || (value ? "TRUE" : "FALSE"));
  if (isErrorValue(value)) return invalid(value.error);
  return invalid(safeText(value, text));
}

function invalid(text: string): DeadlineMeaning {
  return { kind: "invalid", text };
}

function safeText(value: unknown, text: unknown): string {
  try {
    if (typeof text === "string" && text.trim() !== "") return text.trim();
    if (isErrorValue(value)) return value.error;
    return String(value);
  } catch {
    return "";
  }
}

const MONTH_ONLY_SHOWN = /^(?:[A-Za-z]{3,9}[-\s/](\d{2})|(\d{2})\s*年\s*\d{1,2}\s*月)$/;

function parseDateValue(value: Date, shown: string): DeadlineMeaning {
  if (Number.isNaN(value.getTime())) return invalid(shown || "Invalid Date");
  const y = value.getUTCFullYear();
  const m = value.getUTCMonth() + 1;
  const d = value.getUTCDate();
  if (!isValidYmd(y, m, d)) return invalid(shown || dateToIso(value));
  // A date shown without its day is the period it shows: Chinese Excel stores a typed `2025年6月`
  // as 2025-06-01 shown `yyyy"年"m"月"`, and the clerk meant June, as the same words typed as
  // text do (its last day). Only a period holding the stored date counts.
  // Month-only formats whose text the scan cannot read as the month (`mmm-yy` shows Sep-25, which
  // reads as a day; `yy"年"m"月"` shows 25年9月): the stored month is the period (the sweep read both
  // as the 1st, 14 days late on the 15th).
  const monthOnly = MONTH_ONLY_SHOWN.exec(shown);
  // Its two figures are the year's (and `Sep-25` only for a 1st: else it is mmm-dd, the 25th).
  if (monthOnly && Number(monthOnly[1] ?? monthOnly[2]) === y % 100 && (monthOnly[2] !== undefined || d === 1))
    return { kind: "date", date: isoDate(y, m, daysInMonth(y, m)), precision: "month", ongoing: false };
  if (shown !== "") {
    const fromText = parseText(shown);
    if (fromText.kind === "date" && fromText.precision !== "day") {
      const stored = isoDate(y, m, d);
      if (fromText.date >= stored && fromText.date.slice(0, 4) === stored.slice(0, 4)) return fromText;
    }
  }
  return {
    kind: "date",
    date: isoDate(y, m, d),
    precision: "day",
    ongoing: false,
  };
}

function serialDate(n: number, date1904: boolean): DeadlineMeaning | null {
  // The plausible range is in 1900 serials; a 1904 serial is 1462 days fewer for the same day.
  const as1900 = date1904 ? n + 1462 : n;
  if (!Number.isFinite(n) || as1900 < SERIAL_MIN || as1900 >= SERIAL_MAX + 1) return null;
  return {
    kind: "date",
    date: dateToIso(serialToDate(n, date1904)),
    precision: "day",
    ongoing: false,
  };
}

function parseNumber(n: number, shown: string, date1904: boolean): DeadlineMeaning {
  const plain = String(n);
  // `####` is Excel's "column too narrow"; a shown text equal to the number says nothing more.
  if (shown !== "" && !/^#+$/.test(shown) && normalize(shown) !== plain) {
    const fromText = parseText(shown);
    if (fromText.kind === "date" || fromText.kind === "immediate" || fromText.kind === "ongoing") return fromText;
    // A date format that hides the year (`6月30日`, `30-Jun`) still leaves the whole date in the serial.
    return serialDate(n, date1904) ?? invalid(shown);
  }
  // A number typed by hand: a serial from a cell that lost its date format, a year (`2025`),
  // `20250630`, or `2025.6` (Excel stores a typed `2025.6` as a number).
  return serialDate(n, date1904) ?? (Number.isFinite(n) ? parseText(plain) : invalid(plain));
}

// ---------------------------------------------------------------------------------------------
// Text

const IMMEDIATE_ZH =
  /立行立改|即知即改|立查立改|立知立改|即查即改|边查边改|即行即改|立说立改|立改立行|立即|即时整改|马上就办|马上整改/;
const IMMEDIATE_EN = /\b(?:immediate(?:ly)?|at once|right away|without delay)\b/;
// `持续至2025年底` is "lasting until", a plain deadline, not an open-ended commitment.
// A periodic commitment (`每季度开展一次`, `定期`) has no end date either.
const ONGOING_ZH =
  /长期|持续(?![至到])|常态|长效|久久为功|每(?:周|旬|月|季度?|半年|年)|按(?:周|旬|月|季度?|年)推进|定期/;
/**
 * A date an open-ended task starts from (`自2025年3月起长期坚持`, `2025年7月1日起常态化开展`): not
 * its deadline (the sweep called 自2025年3月起长期坚持 92 days late). Taken out before the scan.
 */
const START =
  /(?:自|从|于)?\s*(?:\d{4}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号])?)?|\d{4}[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?)\s*(?:起|开始|启动|以来)/g;
const ONGOING_EN = /\b(?:on-?going|long[- ]?term|continuous(?:ly)?|continuing|continual(?:ly)?|permanent(?:ly)?)\b/;
const CJK = /[\u3400-\u9fff]/;

/** A time of day after a date in figures (`2025-06-20 0:00:00`, a system's export, a date typed with its time). */
const TIME_OF_DAY = /(\d)(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*$/;

/** `6月底前（2025年）`: the year in brackets after a month that has none (read as the whole year, 12-31). */
const BRACKETED_YEAR = /[（(]\s*(\d{4})\s*年?\s*[)）]/;

function yearInFront(text: string): string {
  const m = BRACKETED_YEAR.exec(text);
  if (!m) return text;
  const rest = text.slice(0, m.index) + text.slice(m.index + m[0].length);
  return /月/.test(rest) && !/\d{4}/.test(rest) ? `${m[1]}年${rest}` : text;
}

function parseText(text: string): DeadlineMeaning {
  const shown = text.trim();
  // The day is the deadline; its hour says nothing more (and its figures read as no date).
  const timeless = yearInFront(text.replace(TIME_OF_DAY, "$1"));
  // Only beside an open-ended commitment: `2025年6月启动，年底前完成` takes its year from the start.
  const raw = ONGOING_ZH.test(timeless) ? timeless.replace(START, " ") : timeless;
  const compact = normalize(raw);
  // `无`, `——`, `待定`: a deadline still to be set is no deadline.
  if (compact === "" || isDeadlinePlaceholder(compact)) return EMPTY;
  const spaced = normalizeSpaced(raw).toLowerCase();

  const scan = newScan();
  scanChinese(compact, scan);
  // English rules know bare years (`2025`); in Chinese text a bare four-digit number is
  // more often an amount (`投入2000万元`) than a year, so they only run on text without CJK.
  if (!CJK.test(compact)) scanEnglish(spaced, scan);

  if (scan.impossible) return invalid(shown);
  const ongoing = ONGOING_ZH.test(compact) || ONGOING_EN.test(spaced);
  const latest = scan.mentions.reduce<Mention | null>(
    (best, m) => (best === null || m.date > best.date ? m : best),
    null,
  );
  if (latest)
    return {
      kind: "date",
      date: latest.date,
      precision: latest.precision,
      ongoing,
    };
  if (IMMEDIATE_ZH.test(compact) || IMMEDIATE_EN.test(spaced)) return { kind: "immediate" };
  // A month or day without a year (`6月底`) and no year anywhere in the cell: the ledger may
  // span several years, and guessing from today's date would call tasks late or on time on a guess.
  if (scan.yearless) return invalid(shown);
  if (ongoing) return { kind: "ongoing" };
  return invalid(shown);
}

// ---------------------------------------------------------------------------------------------
// Scanning: rules are tried at each position, first match wins and its text is consumed, so
// `2025年6月底` is one month mention and not also the year 2025.

interface Mention {
  date: IsoDate;
  precision: Precision;
}

interface Scan {
  mentions: Mention[];
  /** Syntactically a date but not on the calendar: `2025年2月30日`, `2025.13`. */
  impossible: boolean;
  /** A month or day with no year to attach it to. */
  yearless: boolean;
  /** Year of the last dated mention: `2025年6月启动，12月底前完成` reads 12月 as 2025's. */
  year: number | null;
}

function newScan(): Scan {
  return { mentions: [], impossible: false, yearless: false, year: null };
}

/** What a rule found: a calendar position, maybe without a year. `day: "last"` = end of the month. */
interface Found {
  year: number | null;
  month: number;
  day: number | "last";
  precision: Precision;
}

interface Rule {
  re: RegExp;
  /** Characters that may not stand right before a match (so `12025年` does not read as 2025). */
  notAfter: RegExp;
  /** null: a date whose reading the text does not settle (`05/06/2025`), read as none. */
  found(m: RegExpExecArray): Found | null;
}

function record(scan: Scan, f: Found): void {
  const year = f.year ?? scan.year;
  if (year === null) {
    scan.yearless = true;
    return;
  }
  const day = f.day === "last" ? (isValidYmd(year, f.month, 1) ? daysInMonth(year, f.month) : 0) : f.day;
  if (!isValidYmd(year, f.month, day)) {
    scan.impossible = true;
    return;
  }
  scan.year = year;
  scan.mentions.push({
    date: isoDate(year, f.month, day),
    precision: f.precision,
  });
}

function runRules(s: string, rules: Rule[], scan: Scan): void {
  let i = 0;
  while (i < s.length) {
    const prev = i > 0 ? s[i - 1]! : "";
    let consumed = 0;
    for (const rule of rules) {
      if (prev !== "" && rule.notAfter.test(prev)) continue;
      rule.re.lastIndex = i;
      const m = rule.re.exec(s);
      if (m && m[0].length > 0) {
        const found = rule.found(m);
        if (found) record(scan, found);
        consumed = m[0].length;
        break;
      }
    }
    i += consumed || 1;
  }
}

function rule(source: string, notAfter: RegExp, found: Rule["found"], flags = "y"): Rule {
  return { re: new RegExp(source, flags), notAfter, found };
}

// ---------------------------------------------------------------------------------------------
// Chinese and numeric forms, on normalised text (no spaces, half-width digits).

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  "○": 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** `6`, `06`, `六`, `十二`, `三十一` → number (NaN if not a number). */
function toInt(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf("十");
  if (ten < 0) return s.length === 1 ? (CN_DIGITS[s] ?? NaN) : NaN;
  const tens = ten === 0 ? 1 : (CN_DIGITS[s.slice(0, ten)] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGITS[s.slice(ten + 1)] ?? NaN);
  return tens * 10 + ones;
}

const Y = String.raw`(\d{4})`;
const MON = String.raw`(\d{1,2}|十[一二]?|[一二三四五六七八九])`;
const MON_CN = String.raw`(十[一二]?|[一二三四五六七八九])`;
const DAY_NUM = String.raw`(\d{1,2})(?!\d)[日号]?`;
const DAY_CN = String.raw`([一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]`;
const XUN = String.raw`(上旬|中旬|下旬)`;
const WEEK = String.raw`(?:的)?第?([一二三四五1-5]|最后一?|末)(?:周|个星期|星期)`;
const XUN_DAY: Record<string, number | "last"> = {
  上旬: 10,
  中旬: 20,
  下旬: "last",
};
const QUARTER: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};

const AFTER_DIGIT = /\d/;
/** Seasons, holidays, school terms and events: each a time inside a year, not the year. */
const IN_YEAR_EVENT = String.raw`春节|元旦|元宵|清明|五一|劳动节|端午|七一|建党|八一|中秋|国庆|十一|两会|全国两会|全国人大|党代会|寒假|暑假|开学|春季|夏季|秋季|冬季|春|夏|秋|冬|汛期|汛前|学期|上学期|下学期|第[一二]学期|考核前|年终考核|年度考核`;
// Year-less months must not continue a number or a Chinese numeral, nor follow 每 (`每3月` = every three months).
const AFTER_NUMERAL = /[\d〇零一二三四五六七八九十每]/;

const y = (m: RegExpExecArray, i = 1): number => Number(m[i]);

const CHINESE_RULES: Rule[] = [
  rule(`${Y}([-./])(\\d{1,2})\\2(\\d{1,2})(?!\\d)`, AFTER_DIGIT, (m) => ({
    year: y(m),
    month: Number(m[3]),
    day: Number(m[4]),
    precision: "day",
  })),
  // The year last (`30/06/2025`, as exports from day-first systems have it; `06/30/2025`): read only
  // where the figures settle the order. `05/06/2025` reads either way, and a guess is a month off.
  rule(String.raw`(\d{1,2})([-./])(\d{1,2})\2${Y}(?!\d)`, AFTER_DIGIT, (m) => {
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (a !== b && a <= 12 && b <= 12) return null;
    return { year: y(m, 4), month: a > 12 ? b : a, day: a > 12 ? a : b, precision: "day" };
  }),
  // `2025年6月20日至30日`: a span of days in one month ends on its last day. Not `…至7月10日`,
  // whose 7 is a month (the year-less rule reads it, in this cell's year).
  rule(String.raw`${Y}年${MON}月(\d{1,2})[日号]?(?:至|到|~|-|—|–)(\d{1,2})(?![\d月.])[日号]?`, AFTER_DIGIT, (m) => ({
    year: y(m),
    month: toInt(m[2]!),
    day: Number(m[4]),
    precision: "day",
  })),
  rule(`${Y}年${MON}月${DAY_NUM}`, AFTER_DIGIT, (m) => ({
    year: y(m),
    month: toInt(m[2]!),
    day: Number(m[3]),
    precision: "day",
  })),
  rule(`${Y}年${MON}月${DAY_CN}`, AFTER_DIGIT, (m) => ({
    year: y(m),
    month: toInt(m[2]!),
    day: toInt(m[3]!),
    precision: "day",
  })),
  rule(`${Y}年${MON}月${XUN}`, AFTER_DIGIT, (m) => ({
    year: y(m),
    month: toInt(m[2]!),
    day: XUN_DAY[m[3]!]!,
    precision: "xun",
  })),
  // `2025年7月第一周`: its 7th day at the latest (a week of the month, counted from the 1st).
  rule(`${Y}年${MON}月${WEEK}`, AFTER_DIGIT, (m) => week(y(m), toInt(m[2]!), m[3]!)),
  // A span of months (`2025年6-7月`, `2025年6至7月`) ends with its last month.
  rule(`${Y}年${MON}(?:月)?[-~至到]${MON}月(?:份)?(?:底|末)?`, AFTER_DIGIT, (m) => ({
    year: y(m),
    month: toInt(m[3]!),
    day: "last",
    precision: "month",
  })),
  rule(`${Y}年${MON}月(?:份)?(?:底|末)?`, AFTER_DIGIT, (m) => ({
    year: y(m),
    month: toInt(m[2]!),
    day: "last",
    precision: "month",
  })),
  // `2025.6`, `2025-06`; not the first half of `2025.6.30` (caught above) nor `2025.6.`-something.
  rule(`${Y}([-./])(\\d{1,2})(?!\\d)(?!\\2\\d)`, AFTER_DIGIT, (m) => ({
    year: y(m),
    month: Number(m[3]),
    day: "last",
    precision: "month",
  })),
  rule(`${Y}年?第?([一二三四1-4])季度?`, AFTER_DIGIT, (m) => quarter(y(m), QUARTER[m[2]!]!)),
  rule(`${Y}年?第?Q([1-4])`, AFTER_DIGIT, (m) => quarter(y(m), Number(m[2])), "yi"),
  rule(`${Y}年?(上半年|下半年)`, AFTER_DIGIT, (m) => half(y(m), m[2] === "上半年" ? 1 : 2)),
  rule(`${Y}年年中`, AFTER_DIGIT, (m) => half(y(m), 1)),
  rule(`${Y}年?H([12])`, AFTER_DIGIT, (m) => half(y(m), Number(m[2])), "yi"),
  // Not a year before a season, a holiday or an event inside it (`2025年春节前`, `2025年暑假前`,
  // `2025年汛期前`): that is a date in the year no rule can know, and reading it as the year's end
  // would put the deadline months late. Such a cell is left to be invalid.
  rule(`${Y}年(?:年底|年末|底|末|内|度|全年)?(?!${IN_YEAR_EVENT})`, AFTER_DIGIT, (m) => ({
    year: y(m),
    month: 12,
    day: "last",
    precision: "year",
  })),
  // `20250630`, as typed into a cell by clerks who skip separators.
  rule(String.raw`((?:19|20|21)\d{2})(\d{2})(\d{2})(?!\d)`, AFTER_DIGIT, (m) => ({
    year: y(m),
    month: Number(m[2]),
    day: Number(m[3]),
    precision: "day",
  })),
  // Year-less forms: they take the year of an earlier mention in the same cell, if any.
  rule(`(\\d{1,2})月${DAY_NUM}`, AFTER_NUMERAL, (m) => ({
    year: null,
    month: Number(m[1]),
    day: Number(m[2]),
    precision: "day",
  })),
  rule(`${MON}月${DAY_CN}`, AFTER_NUMERAL, (m) => ({
    year: null,
    month: toInt(m[1]!),
    day: toInt(m[2]!),
    precision: "day",
  })),
  rule(`${MON}月${XUN}`, AFTER_NUMERAL, (m) => ({
    year: null,
    month: toInt(m[1]!),
    day: XUN_DAY[m[2]!]!,
    precision: "xun",
  })),
  rule(`${MON}月${WEEK}`, AFTER_NUMERAL, (m) => week(null, toInt(m[1]!), m[2]!)),
  // `6.30前`: month and day with a dot, as clerks abbreviate; only before a 前-style suffix or
  // the clause's end, so a decimal (`完成95.5`) is not a date.
  rule(String.raw`(\d{1,2})\.(\d{1,2})(?=前|之前|以前|日|号|止|$|[,;。)\]~-])`, /[\d.]/, (m) => ({
    year: null,
    month: Number(m[1]),
    day: Number(m[2]),
    precision: "day",
  })),
  rule(`(\\d{1,2})月(?:份)?(?:底|末)?`, AFTER_NUMERAL, (m) => ({
    year: null,
    month: Number(m[1]),
    day: "last",
    precision: "month",
  })),
  // A bare `六月` is too common inside words (`统一月度`) to count without 份/底/末.
  rule(`${MON_CN}月(?:份|底|末)`, AFTER_NUMERAL, (m) => ({
    year: null,
    month: toInt(m[1]!),
    day: "last",
    precision: "month",
  })),
  rule(`年(?:底|末)`, AFTER_DIGIT, () => ({
    year: null,
    month: 12,
    day: "last",
    precision: "year",
  })),
];

/** The nth week of a month ends on its 7n-th day; the last week (`最后一周`) on the month's last. */
function week(year: number | null, month: number, n: string): Found {
  const nth = toInt(n);
  const day = n.startsWith("最后") || n === "末" || nth === 5 ? "last" : 7 * nth;
  return { year, month, day, precision: "week" };
}

function quarter(year: number, q: number): Found {
  return { year, month: q * 3, day: "last", precision: "quarter" };
}

function half(year: number, h: number): Found {
  return { year, month: h * 6, day: "last", precision: "half" };
}

/** A cell that is only a year and a suffix (`2025`, `2025前`): no 年, so the rules above skip it. */
const BARE_YEAR = /^(\d{4})(?:底|末)?(?:前|之前|以前|止|为止|完成|底前完成)?$/;

function scanChinese(compact: string, scan: Scan): void {
  // `二〇二五年` → `2025年`: years written in Chinese numerals.
  const s = compact.replace(/([〇零○一二三四五六七八九]{4})(?=年)/g, (w) =>
    [...w].map((c) => String(CN_DIGITS[c] ?? c)).join(""),
  );
  const bare = BARE_YEAR.exec(s);
  if (bare) {
    record(scan, {
      year: Number(bare[1]),
      month: 12,
      day: "last",
      precision: "year",
    });
    return;
  }
  runRules(s, CHINESE_RULES, scan);
}

// ---------------------------------------------------------------------------------------------
// English forms, on lower-cased text with single spaces.

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const EN_MON = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])`;
const EN_DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const EN_YEAR = String.raw`(\d{4})(?!\d)`;
const ORDINAL: Record<string, number> = {
  first: 1,
  "1st": 1,
  second: 2,
  "2nd": 2,
  third: 3,
  "3rd": 3,
  fourth: 4,
  "4th": 4,
};
const EN_XUN: Record<string, number | "last"> = {
  early: 10,
  mid: 20,
  late: "last",
};
const AFTER_WORD = /[a-z0-9]/;
// A bare year must stand alone: not the tail of `30/06/2025` or `30.06.2025`.
const AFTER_WORD_OR_DATE = /[a-z0-9./-]/;

const month = (name: string): number => MONTHS.indexOf(name.slice(0, 3)) + 1;

const ENGLISH_RULES: Rule[] = [
  rule(`(early|mid|late)[- ]?(?:in )?${EN_MON},? ${EN_YEAR}`, AFTER_WORD, (m) => ({
    year: y(m, 3),
    month: month(m[2]!),
    day: EN_XUN[m[1]!]!,
    precision: "xun",
  })),
  rule(`${EN_DAY}(?: of)? ${EN_MON},? ${EN_YEAR}`, AFTER_WORD, (m) => ({
    year: y(m, 3),
    month: month(m[2]!),
    day: Number(m[1]),
    precision: "day",
  })),
  rule(`${EN_MON} ${EN_DAY},? ${EN_YEAR}`, AFTER_WORD, (m) => ({
    year: y(m, 3),
    month: month(m[1]!),
    day: Number(m[2]),
    precision: "day",
  })),
  rule(`${EN_MON},? ${EN_YEAR}`, AFTER_WORD, (m) => ({
    year: y(m, 2),
    month: month(m[1]!),
    day: "last",
    precision: "month",
  })),
  rule(`q([1-4])[ -]?(?:of )?${EN_YEAR}`, AFTER_WORD, (m) => quarter(y(m, 2), Number(m[1]))),
  rule(`${EN_YEAR}[ -]?q([1-4])(?![a-z0-9])`, AFTER_WORD, (m) => quarter(y(m), Number(m[2]))),
  rule(`(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?,? ${EN_YEAR}`, AFTER_WORD, (m) =>
    quarter(y(m, 2), ORDINAL[m[1]!]!),
  ),
  rule(`h([12])[ -]?(?:of )?${EN_YEAR}`, AFTER_WORD, (m) => half(y(m, 2), Number(m[1]))),
  rule(`${EN_YEAR}[ -]?h([12])(?![a-z0-9])`, AFTER_WORD, (m) => half(y(m), Number(m[2]))),
  rule(`(first|second|1st|2nd) half(?: of)?,? ${EN_YEAR}`, AFTER_WORD, (m) => half(y(m, 2), ORDINAL[m[1]!]!)),
  rule(`mid[- ]${EN_YEAR}`, AFTER_WORD, (m) => half(y(m), 1)),
  rule(`${EN_YEAR}(?![a-z/-]|\\.\\d)`, AFTER_WORD_OR_DATE, (m) => ({
    year: y(m),
    month: 12,
    day: "last",
    precision: "year",
  })),
];

function scanEnglish(spaced: string, scan: Scan): void {
  runRules(spaced, ENGLISH_RULES, scan);
}
