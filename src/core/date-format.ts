import { ENGLISH_MONTHS } from "./dates.js";

/**
 * Display text of a date cell from its number format, for hosts that have the value and the
 * format but not Excel's own text (exceljs; the Office.js host, which skips loading `text` to
 * keep large reads within few round trips). Pure: no locale or clock.
 */
// Display text for dates: a small formatter for the date codes ledgers use. Anything it does
// not understand yields "" and the engine falls back to the value itself.

const MONTHS = ENGLISH_MONTHS;
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const ZH_DAYS = ["日", "一", "二", "三", "四", "五", "六"];

/**
 * Formats a date as Excel would with the given number format. Built-in format 14, which
 * exceljs names `mm-dd-yy`, is shown by Excel in the PC's short date style; the clerks'
 * Chinese Windows shows `2025/6/30`, so that is what it becomes here.
 */
export function formatDate(d: Date, numFmt: string): string {
  const compiled = compile(numFmt);
  if (!compiled) return "";
  const { tokens, hasAmPm } = compiled;
  const Y = d.getUTCFullYear();
  const M = d.getUTCMonth() + 1;
  const D = d.getUTCDate();
  const h = d.getUTCHours();
  const min = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  const pad = (n: number): string => String(n).padStart(2, "0");

  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "literal") {
      out += t.text;
      continue;
    }
    const code = t.text.toLowerCase();
    const c = code[0];
    if (c === "y") out += code.length <= 2 ? pad(Y % 100) : String(Y);
    else if (c === "d") {
      if (code.length === 1) out += String(D);
      else if (code.length === 2) out += pad(D);
      else if (code.length === 3) out += DAYS[d.getUTCDay()]!.slice(0, 3);
      else out += DAYS[d.getUTCDay()];
    } else if (c === "a" && (code === "aaa" || code === "aaaa")) {
      out += (code === "aaaa" ? "星期" : "") + ZH_DAYS[d.getUTCDay()];
    } else if (c === "m") {
      if (isMinute(tokens, i)) out += code.length === 1 ? String(min) : pad(min);
      else if (code.length === 1) out += String(M);
      else if (code.length === 2) out += pad(M);
      else if (code.length === 3) out += MONTHS[M - 1]!.slice(0, 3);
      else out += MONTHS[M - 1];
    } else if (c === "h") {
      const hh = hasAmPm ? ((h + 11) % 12) + 1 : h;
      out += code.length === 1 ? String(hh) : pad(hh);
    } else if (c === "s") out += code.length === 1 ? String(s) : pad(s);
    else if (code === "am/pm") out += h < 12 ? "AM" : "PM";
    else if (code === "a/p") out += h < 12 ? "A" : "P";
    else out += t.text;
  }
  return out;
}

interface Compiled {
  tokens: Token[];
  hasAmPm: boolean;
}

// A sheet has few formats and many dates: tokenize each format once.
const compiledFormats = new Map<string, Compiled | null>();

function compile(numFmt: string): Compiled | null {
  let compiled = compiledFormats.get(numFmt);
  if (compiled !== undefined) return compiled;
  compiled = null;
  let fmt = numFmt === "mm-dd-yy" ? "yyyy/m/d" : numFmt;
  fmt = fmt.split(";")[0] ?? "";
  // Locale, calendar and colour prefixes ([$-804], [DBNum1], [Red]) change nothing we render,
  // except [h]/[m]/[s] elapsed-time codes, which are not calendar dates.
  if (!/\[(h+|m+|s+)\]/i.test(fmt)) {
    const tokens = tokenize(fmt.replace(/\[[^\]]*\]/g, ""));
    if (tokens.some((t) => t.kind === "code" && /^[ydm]/i.test(t.text))) {
      const hasAmPm = tokens.some((t) => t.kind === "code" && /^(am\/pm|a\/p)$/i.test(t.text));
      compiled = { tokens, hasAmPm };
    }
  }
  if (compiledFormats.size < 500) compiledFormats.set(numFmt, compiled);
  return compiled;
}

interface Token {
  kind: "code" | "literal";
  text: string;
}

function tokenize(fmt: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i]!;
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end;
      tokens.push({ kind: "literal", text: fmt.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === "\\") {
      tokens.push({ kind: "literal", text: fmt[i + 1] ?? "" });
      i += 2;
    } else if (ch === "_") {
      // `_x` leaves the width of x: a space is close enough.
      tokens.push({ kind: "literal", text: " " });
      i += 2;
    } else if (ch === "*") {
      i += 2;
    } else if (/^am\/pm/i.test(fmt.slice(i, i + 5))) {
      tokens.push({ kind: "code", text: fmt.slice(i, i + 5) });
      i += 5;
    } else if (/^a\/p/i.test(fmt.slice(i, i + 3))) {
      tokens.push({ kind: "code", text: fmt.slice(i, i + 3) });
      i += 3;
    } else if (/[ymdhsa]/i.test(ch)) {
      let j = i + 1;
      while (j < fmt.length && fmt[j]!.toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: "code", text: fmt.slice(i, j) });
      i = j;
    } else {
      tokens.push({ kind: "literal", text: ch });
      i += 1;
    }
  }
  return tokens;
}

/** `m` means minutes right after an hour code or right before a seconds code. */
function isMinute(tokens: Token[], i: number): boolean {
  if (tokens[i]!.text.length > 2) return false;
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (t.kind === "code") {
      if (/^h/i.test(t.text)) return true;
      break;
    }
  }
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === "code") return /^s/i.test(t.text);
  }
  return false;
}
