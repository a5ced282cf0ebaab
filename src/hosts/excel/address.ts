import { MAX_COL, MAX_ROW, cellAddress, columnNumber, type MergedArea } from "../../core/grid.js";

/**
 * Office.js speaks in A1 addresses with the sheet in front (`'整改 台账'!A3:J120`). These
 * helpers turn them into worksheet coordinates and back; nothing here knows Office.js.
 */

export type Rect = MergedArea;

/** `Sheet1!A1:B2`, `'My sheet'!C3`, `A:C` → rectangle (1-based, inclusive). Whole columns/rows span the sheet. */
export function parseRangeAddress(address: string): Rect {
  const local = stripSheet(address).replace(/\$/g, "");
  const [a, b] = local.split(":");
  const p = parseEnd(a ?? "", "start");
  const q = b === undefined ? p : parseEnd(b, "end");
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

function parseEnd(s: string, which: "start" | "end"): { row: number; col: number } {
  const m = /^([A-Za-z]{0,3})(\d*)$/.exec(s.trim());
  if (!m || (m[1] === "" && m[2] === "")) throw new Error(`not a range address: ${s}`);
  const col = m[1] ? columnNumber(m[1]) : which === "start" ? 1 : MAX_COL;
  const row = m[2] ? Number(m[2]) : which === "start" ? 1 : MAX_ROW;
  return { row, col };
}

/** The part after the last `!` that is not inside a quoted sheet name. */
function stripSheet(address: string): string {
  let inQuote = false;
  let bang = -1;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") inQuote = !inQuote;
    else if (ch === "!" && !inQuote) bang = i;
  }
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** Splits a RangeAreas address (`S!A1:B2,S!D4`) on commas outside quoted sheet names. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let inQuote = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") inQuote = !inQuote;
    else if (ch === "," && !inQuote) {
      out.push(address.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = address.slice(start).trim();
  if (last !== "") out.push(last);
  return out;
}

export function rectAddress(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** Sheet names are quoted when they hold anything but letters, digits and underscores. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Joins local addresses into `A1,C3:D4,…` strings no longer than `maxChars`, for
 * `worksheet.getRanges`: Excel rejects over-long address strings, so long lists are cut.
 */
export function joinAddresses(addresses: string[], maxChars: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (cur !== "" && cur.length + 1 + a.length > maxChars) {
      out.push(cur);
      cur = "";
    }
    cur = cur === "" ? a : `${cur},${a}`;
  }
  if (cur !== "") out.push(cur);
  return out;
}
