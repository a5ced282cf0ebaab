import { formatDate } from "../../core/number-format.js";
import { serialToDate } from "../../core/dates.js";
import { MAX_COL, MAX_ROW, type CellValue, type MergedArea } from "../../core/grid.js";
import { tooLarge, WorkbookOpenError } from "./errors.js";
import type { Zlib } from "./package.js";
import { UnusualWatch, UnusualXml } from "./canonical-xml.js";
import { runText } from "./shared-strings.js";
import type { CellFormats } from "./styles-read.js";
import { decodeCellText, decodeXml } from "./xml.js";

/**
 * One worksheet part → the engine's values, date texts, date formats and merged areas, in one
 * pass over the XML as it is inflated. Rows are scanned a chunk at a time (each chunk cut after
 * its last `</row>`), so memory holds the grid and one chunk, never the whole part's text;
 * a read of the first rows stops inflating once it has them (then skims on for the merged areas,
 * which follow the rows).
 *
 * The scan is by hand over the text (indexOf and char codes), not a DOM or a general SAX parser:
 * SpreadsheetML's cell grammar is small (ECMA-376 Part 1 §18.3.1.4 c, §18.3.1.73 row) and this
 * is the whole cost of reading a ledger.
 */

export interface ScanLimits {
  /** Most cell slots (the rows' lengths added up): rows × columns of what is stored. */
  maxCells: number;
  /** Most merged rows added up over the merged areas (what the engine's merge index walks). */
  maxMergeRows: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  // 270,000 rows × 11 columns, over 5× the 50,000-row bench ledger (~550,000 cells, ~300 MB for the
  // whole check): the engine's own work grows with the cells, and 1,048,576 dense rows crashed V8 at
  // 4.4 GB (issue 15). Real ledgers hold hundreds to a few thousand rows.
  maxCells: 3_000_000,
  maxMergeRows: 20_000_000,
};

// A sheet past Excel's grid (MAX_ROW × MAX_COL) is no sheet Excel can open.

export interface ScanInput {
  chunks: Iterable<Uint8Array>;
  strings: readonly string[];
  formats: CellFormats;
  date1904: boolean;
  /** Rows to read (Infinity for all). */
  maxRows: number;
  limits?: ScanLimits;
  onProgress?: (done: number, total: number) => void;
  /** A host's faster UTF-8 decoder for a part given in one piece (Zlib.decodeUtf8). */
  decodeUtf8?: (bytes: Uint8Array) => string;
  /**
   * With the host's exact Latin-1 (Zlib.latin1) and decodeUtf8, the part is scanned as Latin-1 text,
   * a character a byte: the markup is ASCII and reads the same, and only the texts taken out of it
   * (a string cell, a formula's) are decoded as UTF-8. A ledger's sheet is mostly markup, and its
   * cached formula texts (`VLOOKUP(B5,反馈问题!A:C…)`) kept the whole part off Node's ASCII fast path.
   */
  latin1?: Zlib["latin1"];
  /** Text already in the scanners' spelling (canonical-xml.ts): not watched for unusual XML. */
  canonical?: boolean;
}

export interface SheetScan {
  values: CellValue[][];
  text: string[][];
  formats: string[][];
  merges: MergedArea[];
  /** Rows hidden by hand or by a filter (`<row hidden="1">`), ascending, within the rows read. */
  hiddenRows: number[];
  /** Hidden columns (`<col hidden="1">`), ascending. */
  hiddenColumns: number[];
  /** The bottom row of `<dimension ref>`, when the part has one (a hint: writers may omit or misstate it). */
  dimensionRows: number | undefined;
}

const PROGRESS_EVERY = 5000;
const HIDDEN = /\shidden\s*=\s*["'](?:1|true)["']/;
/** Largest date serial Excel shows as a date (9999-12-31); past it Excel shows ####. */
const MAX_DATE_SERIAL = 2_958_465;

export function scanSheet(input: ScanInput): SheetScan {
  return new Scanner(input).run();
}

class Scanner {
  private readonly values: CellValue[][] = [];
  private readonly text: string[][] = [];
  private readonly formats: string[][] = [];
  private readonly strings: readonly string[];
  private readonly isDate: readonly boolean[];
  private readonly percentDecimals: readonly number[];
  private readonly codes: readonly string[];
  private readonly date1904: boolean;
  private readonly maxRows: number;
  private readonly limits: ScanLimits;
  private readonly onProgress: ((done: number, total: number) => void) | undefined;
  private readonly dateText = new Map<string, Map<number, string>>();
  private readonly hiddenRows: number[] = [];
  private hiddenColumns: number[] = [];

  private row = 0;
  private col = 0;
  private current: CellValue[] | null = null;
  private slots = 0;
  private usedRows = 0;
  private done = false;
  private dimensionRows: number | undefined;
  private nextProgress = PROGRESS_EVERY;

  // Element spellings, with the root's prefix when it has one (`<x:row`).
  private p = "";

  /** A text taken out of the part, as the characters it stands for (the identity unless the part is read as Latin-1). */
  private readonly utf8: (s: string) => string;

  // Attributes of the cell tag being read (set by cellTag, to allocate nothing per cell).
  private attrR = -1;
  private attrS = 0;
  private attrT = "";

  constructor(private readonly input: ScanInput) {
    this.strings = input.strings;
    this.isDate = input.formats.isDate;
    this.percentDecimals = input.formats.percentDecimals;
    this.codes = input.formats.codes;
    this.date1904 = input.date1904;
    this.maxRows = input.maxRows;
    this.limits = input.limits ?? DEFAULT_SCAN_LIMITS;
    this.onProgress = input.onProgress;
    const { latin1, decodeUtf8 } = input;
    this.utf8 = latin1 && decodeUtf8 ? (s) => latin1ToUtf8(s, latin1, decodeUtf8) : identity;
  }

  run(): SheetScan {
    const decoder = new TextDecoder("utf-8");
    // 0: before <sheetData>; 1: in it; 2: skimming the rest of it after maxRows; 3: after it.
    let phase = 0;
    let pending = "";
    let after = "";
    let endRow = "</row>";
    let endData = "</sheetData>";
    const watch = this.input.canonical ? null : new UnusualWatch();
    const feed = (piece: string, last: boolean): void => {
      if (watch?.see(piece)) throw new UnusualXml();
      pending += piece;
      if (phase === 0) {
        const at = pending.indexOf("sheetData");
        if (at < 0) {
          if (!last) return;
          phase = 3;
          after = pending;
          pending = "";
          return;
        }
        const head = pending.slice(0, at);
        const m = /<([A-Za-z_][\w.-]*:)?worksheet\b/.exec(head);
        this.p = m?.[1] ?? "";
        endRow = `</${this.p}row>`;
        endData = `</${this.p}sheetData>`;
        this.dimensionRows = dimensionBottom(head);
        this.hiddenColumns = hiddenColumns(head);
        const gt = pending.indexOf(">", at);
        if (gt < 0) return;
        if (pending.charCodeAt(gt - 1) === 47) {
          // <sheetData/>: no rows at all.
          phase = 3;
          after = pending.slice(gt + 1);
          pending = "";
          return;
        }
        pending = pending.slice(gt + 1);
        phase = 1;
      }
      if (phase === 1) {
        const endAt = pending.indexOf(endData);
        const cut = endAt >= 0 ? endAt : last ? pending.length : lastEnd(pending, endRow);
        // `</sheetData>` first in what is pending (a piece ended right before it, or no rows) is the end too.
        if (cut > 0 || endAt === 0) {
          if (cut > 0) this.scanRows(this.p === "" ? pending.slice(0, cut) : unprefix(pending.slice(0, cut), this.p));
          if (this.done && endAt < 0) {
            // The rows asked for are read: skim the rest of the rows for the merged areas after them.
            phase = 2;
            pending = pending.slice(Math.max(cut, pending.length - endData.length));
          } else if (endAt >= 0) {
            phase = 3;
            after = pending.slice(endAt);
            pending = "";
          } else pending = pending.slice(cut);
        }
        return;
      }
      if (phase === 2) {
        const endAt = pending.indexOf(endData);
        if (endAt >= 0) {
          phase = 3;
          after = pending.slice(endAt);
        } else pending = pending.slice(Math.max(0, pending.length - endData.length));
        if (phase === 3) pending = "";
        return;
      }
      after += pending;
      pending = "";
    };
    // A piece is decoded once the next is known: the last one (with a native inflater, the only
    // one) is decoded as the end of the text, which takes Node's fast UTF-8 path; a streaming
    // decode never does.
    const pieces = this.input.chunks[Symbol.iterator]();
    const whole = this.input.decodeUtf8;
    const latin1 = whole ? this.input.latin1 : undefined;
    let streamed = false;
    let piece = pieces.next();
    // Latin-1 has no state between pieces: each is its bytes.
    if (latin1) for (; !piece.done; piece = pieces.next()) feed(latin1.decode(piece.value), false);
    while (!piece.done) {
      const next = pieces.next();
      if (!next.done) {
        feed(decoder.decode(piece.value, { stream: true }), false);
        streamed = true;
      } else feed(!streamed && whole ? whole(piece.value) : decoder.decode(piece.value), false);
      piece = next;
    }
    feed(decoder.decode(), true);
    // A part cut off (a zip whose entry was damaged, not its directory) ends before its rows or
    // its root do: read as it is, a ledger of 21 tasks passed for one of 11.
    if (phase === 1 || phase === 2 || !new RegExp(`</${this.p}worksheet\\s*>`).test(after))
      throw new WorkbookOpenError("corrupt", new Error("the worksheet part ends before its end tag"));
    this.rowEnd();

    const merges = this.readMerges(this.p === "" ? after : unprefix(after, this.p));
    this.blankMergedCells(merges);
    this.values.length = this.usedRows;
    if (this.text.length > this.usedRows) this.text.length = this.usedRows;
    if (this.formats.length > this.usedRows) this.formats.length = this.usedRows;
    const total = this.progressTotal();
    this.onProgress?.(Math.min(this.row, total), total);
    const used = this.usedRows;
    let h = this.hiddenRows.length;
    while (h > 0 && this.hiddenRows[h - 1]! > used) h--;
    return {
      values: this.values,
      text: this.text,
      formats: this.formats,
      merges,
      hiddenRows: this.hiddenRows.slice(0, h),
      hiddenColumns: this.hiddenColumns,
      dimensionRows: this.dimensionRows,
    };
  }

  private progressTotal(): number {
    const dim = this.dimensionRows ?? this.row;
    return Math.min(this.maxRows, Math.max(dim, this.row));
  }

  /** Rows (complete `<row>` elements, prefix removed) of `s`. */
  private scanRows(s: string): void {
    let i = 0;
    const n = s.length;
    while (i < n && !this.done) {
      const lt = s.indexOf("<", i);
      if (lt < 0) break;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 99 /* c */ && isNameEnd(s.charCodeAt(lt + 2))) {
        i = this.cell(s, lt);
      } else if (
        c1 === 114 /* r */ &&
        s.charCodeAt(lt + 2) === 111 &&
        s.charCodeAt(lt + 3) === 119 &&
        isNameEnd(s.charCodeAt(lt + 4))
      ) {
        i = this.rowStart(s, lt);
      } else if (c1 === 47 /* / */ && s.startsWith("row>", lt + 2)) {
        this.rowEnd();
        i = lt + 6;
      } else {
        i = lt + 1;
      }
    }
  }

  private rowStart(s: string, lt: number): number {
    const gt = s.indexOf(">", lt);
    const end = gt < 0 ? s.length : gt;
    const r = attrNumber(s, lt + 4, end, "r");
    // The optional r (§18.3.1.73): a row without it follows the one before.
    const row = r > 0 ? r : this.row + 1;
    if (row > this.maxRows) {
      this.done = true;
      return s.length;
    }
    if (row > MAX_ROW) throw tooLarge("rows", MAX_ROW);
    this.startRow(row);
    // Hidden rows are checked like any other; the Grid only says they are out of sight.
    if (within(s, "hidden", lt + 4, end) && HIDDEN.test(s.slice(lt, end))) this.hiddenRows.push(row);
    if (s.charCodeAt(end - 1) === 47) this.rowEnd();
    return end + 1;
  }

  private startRow(row: number): void {
    if (this.current !== null) this.rowEnd();
    // Rows arrive in order; a row number seen before (not valid, but tolerated) continues that row.
    while (this.values.length < row - 1) this.values.push([]);
    let current = this.values[row - 1];
    if (current === undefined) {
      current = [];
      this.values.push(current);
    }
    this.slots -= current.length;
    this.current = current;
    this.row = row;
    this.col = 0;
    if (this.onProgress && row >= this.nextProgress) {
      this.nextProgress = row + PROGRESS_EVERY;
      this.onProgress(row, this.progressTotal());
    }
  }

  private rowEnd(): void {
    const current = this.current;
    if (current === null) return;
    this.current = null;
    this.slots += current.length;
    if (this.slots > this.limits.maxCells) throw tooLarge("cells", this.limits.maxCells);
    if (current.length > 0 && this.row > this.usedRows) this.usedRows = this.row;
  }

  /** One `<c>` at `lt`; returns where scanning goes on. */
  private cell(s: string, lt: number): number {
    const gt = s.indexOf(">", lt);
    if (gt < 0) return s.length;
    this.cellTag(s, lt + 2, gt);
    const col = this.attrR > 0 ? this.attrR : this.col + 1;
    if (col > MAX_COL) throw tooLarge("columns", MAX_COL);
    this.col = col;
    // A cell outside any <row> (not valid): it belongs to the row after the last.
    if (this.current === null) this.startRow(this.row + 1);
    if (s.charCodeAt(gt - 1) === 47) return gt + 1; // <c r="B2" s="3"/>: formatting only
    const close = s.indexOf("</c>", gt);
    const end = close < 0 ? s.length : close;
    const value = this.cellValue(s, gt + 1, end);
    if (value !== null) {
      const row = this.current!;
      if (row.length < col - 1) {
        for (let k = row.length; k < col - 1; k++) row.push(null);
        row.push(value);
      } else if (row.length === col - 1) row.push(value);
      else row[col - 1] = value;
    }
    return end + 4;
  }

  /** Reads r (as a column number), s and t of the tag between from and to. */
  private cellTag(s: string, from: number, to: number): void {
    if (this.plainCellTag(s, from, to)) return;
    this.attrR = -1;
    this.attrS = 0;
    this.attrT = "";
    let i = from;
    while (i < to) {
      const eq = s.indexOf("=", i);
      if (eq < 0 || eq >= to) break;
      let k = eq - 1;
      while (k > i && s.charCodeAt(k) <= 32) k--;
      let ns = k;
      while (ns > i && s.charCodeAt(ns - 1) > 32) ns--;
      let q = eq + 1;
      while (q < to && s.charCodeAt(q) <= 32) q++;
      const quote = s.charCodeAt(q);
      const vEnd = s.indexOf(quote === 39 ? "'" : '"', q + 1);
      if (vEnd < 0) break;
      if (k === ns) {
        const name = s.charCodeAt(k);
        if (name === 114 /* r */) this.attrR = columnOf(s, q + 1, vEnd);
        else if (name === 115 /* s */) this.attrS = toInt(s, q + 1, vEnd);
        else if (name === 116 /* t */) this.attrT = s.slice(q + 1, vEnd);
      }
      i = vEnd + 1;
    }
  }

  /**
   * The tag as Excel and most writers spell it, ` r="B7"` then ` s="3"` and ` t="s"` if there, in
   * that order, quoted with `"`, upper-case letters, nothing else: read in one pass; false (and
   * nothing set) for any other spelling, which cellTag reads in general.
   */
  private plainCellTag(s: string, from: number, to: number): boolean {
    let i = from;
    if (!isAttrStart(s, i, 114 /* r */)) return false;
    i += 4;
    let c = s.charCodeAt(i);
    let col = 0;
    while (c >= 65 && c <= 90) {
      col = col * 26 + (c - 64);
      c = s.charCodeAt(++i);
    }
    while (c >= 48 && c <= 57) c = s.charCodeAt(++i);
    if (col === 0 || c !== 34) return false;
    i++;
    let xf = 0;
    if (isAttrStart(s, i, 115 /* s */)) {
      i += 4;
      c = s.charCodeAt(i);
      while (c >= 48 && c <= 57) {
        xf = xf * 10 + (c - 48);
        c = s.charCodeAt(++i);
      }
      if (c !== 34) return false;
      i++;
    }
    let t = "";
    if (isAttrStart(s, i, 116 /* t */)) {
      i += 4;
      const q = s.indexOf('"', i);
      if (q < 0 || q >= to) return false;
      t = q === i + 1 && s.charCodeAt(i) === 115 ? "s" : s.slice(i, q);
      i = q + 1;
    }
    if (i !== to && !(i === to - 1 && s.charCodeAt(i) === 47)) return false;
    this.attrR = col;
    this.attrS = xf;
    this.attrT = t;
    return true;
  }

  private cellValue(s: string, from: number, to: number): CellValue {
    const t = this.attrT;
    if (t === "inlineStr") {
      const is = indexWithin(s, "<is", from, to);
      if (is >= 0) {
        if (this.utf8 === identity) return runText(s, is, to);
        const text = this.utf8(s.slice(is, to));
        return runText(text, 0, text.length);
      }
    }
    const v = findV(s, from, to);
    if (v === null) {
      // A formula written without its result (openpyxl, xlsxwriter write none unless given):
      // =HYPERLINK("…","text") still shows its text, so that is what the clerk sees.
      return hyperlinkText(s, from, to, this.utf8);
    }
    const raw = s.slice(v.start, v.end);
    // An empty <v></v> under a formula is a result not computed (openpyxl writes it so).
    if (raw === "" && t !== "str") return hyperlinkText(s, from, to, this.utf8);
    switch (t) {
      case "":
      case "n":
        return this.number(raw);
      case "s": {
        const str = this.strings[digitsOnly(raw) ? toInt(raw, 0, raw.length) : collapsedNumber(raw)];
        return str === undefined ? null : str;
      }
      case "str":
      case "inlineStr":
        return decodeCellText(this.utf8(raw));
      case "b":
        return (
          raw === "1" ||
          raw === "true" ||
          (raw !== "0" && raw !== "false" && /^(?:1|true)$/.test(decodeXml(raw).trim()))
        );
      case "e":
        return { error: decodeXml(this.utf8(raw)) };
      case "d":
        return this.isoDate(this.utf8(raw));
      default:
        return decodeCellText(this.utf8(raw));
    }
  }

  private number(text: string): CellValue {
    let raw = text;
    let n = Number(raw);
    // Number() skips Unicode spaces (U+00A0…), which Latin-1 text holds as their UTF-8 bytes.
    if (Number.isNaN(n) && (raw = this.utf8(text)) !== text) n = Number(raw);
    // A character reference is as valid as the digit it stands for (`<v>&#51;</v>`, XML 1.0 §4.1).
    if (Number.isNaN(n) && raw.includes("&")) n = Number((raw = decodeXml(raw)));
    if (raw === "" || Number.isNaN(n)) return raw === "" ? null : decodeCellText(raw);
    const xf = this.attrS;
    if (this.isDate[xf] === true && n >= 0 && n < MAX_DATE_SERIAL + 1) {
      const d = serialToDate(n, this.date1904);
      this.recordDate(d, this.codes[xf]!);
      return d;
    }
    // A share in a percentage format shows as the clerk sees it (`80%`): a status of 0.8 says 80%.
    const decimals = this.percentDecimals[xf] ?? -1;
    if (decimals >= 0) (this.text[this.row - 1] ??= [])[this.col - 1] = `${(n * 100).toFixed(decimals)}%`;
    return n;
  }

  /** `t="d"` (ECMA-376 §18.18.11 ST_CellType d): an ISO 8601 date, time or both, as written (wall clock). */
  private isoDate(raw: string): CellValue {
    const m =
      /^(?:(\d{4,})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(
        raw.trim(),
      );
    if (!m || (m[1] === undefined && m[4] === undefined)) return decodeCellText(raw);
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    const d = new Date(
      Date.UTC(
        m[1] !== undefined ? Number(m[1]) : 1899,
        m[1] !== undefined ? Number(m[2]) - 1 : 11,
        m[1] !== undefined ? Number(m[3]) : 30,
        Number(m[4] ?? 0),
        Number(m[5] ?? 0),
        Number(m[6] ?? 0),
        ms,
      ),
    );
    if (Number.isNaN(d.getTime())) return decodeCellText(raw);
    const xf = this.attrS;
    // A date shows as the cell's date format; under General the engine's plain rendering (ISO) serves.
    if (this.isDate[xf] === true) this.recordDate(d, this.codes[xf]!);
    return d;
  }

  private recordDate(d: Date, code: string): void {
    const r = this.row - 1;
    const c = this.col - 1;
    let byTime = this.dateText.get(code);
    if (byTime === undefined) this.dateText.set(code, (byTime = new Map()));
    const time = d.getTime();
    let shown = byTime.get(time);
    if (shown === undefined) byTime.set(time, (shown = formatDate(d, code)));
    (this.text[r] ??= [])[c] = shown;
    (this.formats[r] ??= [])[c] = code;
  }

  private readMerges(after: string): MergedArea[] {
    const merges: MergedArea[] = [];
    const last = this.usedRows;
    let mergedRows = 0;
    const re = /<mergeCell\b[^>]*?\bref\s*=\s*["']([A-Za-z]{1,3})(\d+):([A-Za-z]{1,3})(\d+)["']/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(after)) !== null) {
      let top = Number(m[2]);
      let bottom = Number(m[4]);
      let left = columnOf(m[1]!, 0, m[1]!.length);
      let right = columnOf(m[3]!, 0, m[3]!.length);
      if (top > bottom) [top, bottom] = [bottom, top];
      if (left > right) [left, right] = [right, left];
      // Areas below the rows read are not ours to report; areas reaching past them are cut (a
      // merge over the whole sheet, A1:XFD1048576, ends at the last row read). Columns are kept:
      // the engine looks a merge up by row and reads its width, it never walks its columns.
      if (top > last || top < 1 || left < 1) continue;
      bottom = Math.min(bottom, last);
      mergedRows += bottom - top + 1;
      if (mergedRows > this.limits.maxMergeRows) throw tooLarge("merges", this.limits.maxMergeRows);
      merges.push({ top, left, bottom, right });
    }
    merges.sort((x, y) => x.top - y.top || x.left - y.left);
    return merges;
  }

  /**
   * Excel shows only the top-left value of a merged area; a value left under the others (a file
   * merged by a script) is not what the clerk sees, and the engine spreads the master itself.
   */
  private blankMergedCells(merges: readonly MergedArea[]): void {
    for (const m of merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const row = this.values[r - 1];
        if (row === undefined) continue;
        const stop = Math.min(m.right, row.length);
        for (let c = r === m.top ? m.left + 1 : m.left; c <= stop; c++) {
          if (row[c - 1] !== null) {
            row[c - 1] = null;
            if (this.text[r - 1]?.[c - 1] !== undefined) delete this.text[r - 1]![c - 1];
            if (this.formats[r - 1]?.[c - 1] !== undefined) delete this.formats[r - 1]![c - 1];
          }
        }
        while (row.length > 0 && row[row.length - 1] === null) row.pop();
      }
    }
    while (this.usedRows > 0 && this.values[this.usedRows - 1]!.length === 0) this.usedRows--;
  }
}

const identity = (s: string): string => s;

/** Bytes ≥ 0x80, which Latin-1 text stands for one by one and UTF-8 reads in sequences. */
const HIGH = /[\x80-\xff]/;

/** A text read as Latin-1 (a character a byte) as the UTF-8 it is; ASCII is both already. */
function latin1ToUtf8(
  s: string,
  latin1: NonNullable<ScanInput["latin1"]>,
  decodeUtf8: (bytes: Uint8Array) => string,
): string {
  if (!HIGH.test(s)) return s;
  const bytes = new Uint8Array(s.length);
  latin1.encodeInto(s, bytes);
  return decodeUtf8(bytes);
}

/** ` n="` at i: one space, the one-letter attribute name, `=`, a double quote. */
function isAttrStart(s: string, i: number, name: number): boolean {
  return (
    s.charCodeAt(i) === 32 && s.charCodeAt(i + 1) === name && s.charCodeAt(i + 2) === 61 && s.charCodeAt(i + 3) === 34
  );
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;
}

/** End of the last `</row>` in s (0 when none). */
function lastEnd(s: string, endRow: string): number {
  const at = s.lastIndexOf(endRow);
  return at < 0 ? 0 : at + endRow.length;
}

function unprefix(s: string, p: string): string {
  return s.replaceAll(`<${p}`, "<").replaceAll(`</${p}`, "</");
}

/** The letters of a cell reference (`AB12`) between from and to as a column number; digits ignored. */
function columnOf(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n > 0 ? n : -1;
}

function digitsOnly(s: string): boolean {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return first >= 48 && first <= 57 && last >= 48 && last <= 57;
}

/**
 * A shared-string index as XML allows it to be written: whitespace around it (xsd:int collapses
 * it) and character references (`<v> &#51; </v>` is 3). NaN, which indexes nothing, if it is no
 * integer.
 */
function collapsedNumber(raw: string): number {
  const n = Number(decodeXml(raw));
  return Number.isInteger(n) ? n : NaN;
}

function toInt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Whether `needle` occurs between from and to. By hand: indexOf has no end bound, and a search
 * for what a tag lacks would run on to the end of the text, once per row.
 */
function within(s: string, needle: string, from: number, to: number): boolean {
  const first = needle.charCodeAt(0);
  const last = to - needle.length;
  for (let i = from; i <= last; i++) if (s.charCodeAt(i) === first && s.startsWith(needle, i)) return true;
  return false;
}

/** Index of `needle` between from and to, or -1 (see within). */
function indexWithin(s: string, needle: string, from: number, to: number): number {
  const first = needle.charCodeAt(0);
  const last = to - needle.length;
  for (let i = from; i <= last; i++) if (s.charCodeAt(i) === first && s.startsWith(needle, i)) return i;
  return -1;
}

/** A numeric attribute of a tag (0 when absent), e.g. a row's r. */
function attrNumber(s: string, from: number, to: number, name: string): number {
  let i = from;
  while (i < to) {
    const at = indexWithin(s, name, i, to);
    if (at < 0) return 0;
    const before = s.charCodeAt(at - 1);
    let q = at + name.length;
    while (s.charCodeAt(q) <= 32) q++;
    if (before <= 32 && s.charCodeAt(q) === 61 /* = */) {
      q++;
      while (s.charCodeAt(q) <= 32) q++;
      return toInt(s, q + 1, to);
    }
    i = at + name.length;
  }
  return 0;
}

let vStart = 0;
let vEnd = 0;
const V = { start: 0, end: 0 };

/** The text span of the cell's `<v>`, or null. */
function findV(s: string, from: number, to: number): { start: number; end: number } | null {
  let i = from;
  while (i < to) {
    const lt = indexWithin(s, "<v", i, to);
    if (lt < 0) return null;
    const c = s.charCodeAt(lt + 2);
    if (c === 62 /* > */) {
      vStart = lt + 3;
    } else if (isNameEnd(c)) {
      const gt = s.indexOf(">", lt);
      if (s.charCodeAt(gt - 1) === 47) return null; // <v/>
      vStart = gt + 1;
    } else {
      i = lt + 2;
      continue;
    }
    const close = s.indexOf("</v>", vStart);
    vEnd = close < 0 || close > to ? to : close;
    V.start = vStart;
    V.end = vEnd;
    return V;
  }
  return null;
}

const HYPERLINK = /^\s*(?:_xlfn\.)?HYPERLINK\(\s*"(?:[^"]|"")*"\s*,\s*"((?:[^"]|"")*)"\s*\)\s*$/i;

function hyperlinkText(s: string, from: number, to: number, utf8: (s: string) => string): CellValue {
  const f = indexWithin(s, "<f", from, to);
  if (f < 0) return null;
  const gt = s.indexOf(">", f);
  if (gt < 0 || gt >= to || s.charCodeAt(gt - 1) === 47) return null;
  const close = s.indexOf("</f>", gt);
  if (close < 0 || close > to) return null;
  const m = HYPERLINK.exec(decodeXml(utf8(s.slice(gt + 1, close))));
  return m ? m[1]!.replaceAll('""', '"') : null;
}

/** Columns hidden by `<col min max hidden>` in the part's head (before the rows). */
function hiddenColumns(head: string): number[] {
  const out: number[] = [];
  const re = /<(?:[A-Za-z_][\w.-]*:)?col\b([^>]*)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head)) !== null) {
    const a = m[1]!;
    if (!/\bhidden\s*=\s*["'](1|true)["']/.test(a)) continue;
    const min = Number(/\bmin\s*=\s*["'](\d+)["']/.exec(a)?.[1] ?? 0);
    const max = Math.min(Number(/\bmax\s*=\s*["'](\d+)["']/.exec(a)?.[1] ?? min), MAX_COL);
    for (let c = Math.max(1, min); c <= max; c++) out.push(c);
  }
  return out.sort((x, y) => x - y);
}

function dimensionBottom(head: string): number | undefined {
  const m = /<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*\bref\s*=\s*["'][A-Za-z]*(\d+)(?::[A-Za-z]*(\d+))?["']/.exec(head);
  if (!m) return undefined;
  return Number(m[2] ?? m[1]);
}
