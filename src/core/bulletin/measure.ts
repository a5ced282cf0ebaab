/**
 * Text measuring for the bulletin's layout. Excel does not fit row heights to merged cells,
 * so the layout must estimate how many lines a text wraps to, on the safe side: a row that is
 * a little tall is fine, a row that cuts the last line off is not.
 */
import { isSpace } from "../parse/chars.js";

/** CJK ideographs, kana, Hangul, full-width forms and CJK punctuation take a full em. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018\u2019\u201c\u201d\u2026\u2014]/u;

/** The widths a character can have, in ems; index 0 is "not yet measured". */
const WIDTHS = [0, 1, 0.3, 0.68, 0.85, 0.32, 0.53] as const;

/**
 * The width class of each character of the Basic Multilingual Plane, filled on first use. The
 * layout of a 50,000-task ledger's bulletin and notices measures millions of characters; five
 * regular expressions per character were a tenth of the whole run.
 */
const BMP_CLASS = new Uint8Array(0x10000);

/** Width of one character in ems (of the font size): CJK 1, Latin about half. */
export function charWidthEm(ch: string): number {
  if (ch.length !== 1) return WIDTHS[classify(ch)];
  const code = ch.charCodeAt(0);
  return WIDTHS[BMP_CLASS[code] || (BMP_CLASS[code] = classify(ch))]!;
}

function classify(ch: string): 1 | 2 | 3 | 4 | 5 | 6 {
  if (WIDE.test(ch)) return 1;
  if (ch === " ") return 2;
  if (/[A-Z]/.test(ch)) return 3;
  if (/[mwMW@%]/.test(ch)) return 4;
  if (/[il.,;:'!|()[\]]/.test(ch)) return 5;
  if (/[\u0000-\u007f]/.test(ch)) return 6;
  // Other scripts and symbols: assume wide rather than risk a cut line.
  return 1;
}

export function textWidthEm(text: string): number {
  // By code unit, not `for…of`, which makes a string of each character.
  let w = 0;
  for (let i = 0; i < text.length;) {
    const len = pointLength(text, i);
    w += pointWidth(text, i, len);
    i += len;
  }
  return w;
}

/** The space Word and LibreOffice add between Chinese and Western characters (w:autoSpaceDN, on by default), in ems. */
const AUTOSPACE_EM = 0.25;

/** The width of a text as Word and LibreOffice set it, their spaces between Chinese and figures counted; Excel adds none. */
export function wordWidthEm(text: string): number {
  return textWidthEm(text) + AUTOSPACE_EM * autospaceGaps(text);
}

/** Places where a Chinese character meets a letter or figure (`2025年7月1日` has five: 2025年, 年7, 7月, 月1, 1日). */
function autospaceGaps(text: string): number {
  const kind = (c: string) => (CJK.test(c) ? 1 : WESTERN.test(c) ? 2 : 0);
  let gaps = 0;
  for (let i = 1; i < text.length; i++) {
    const a = kind(text[i - 1]!);
    const b = kind(text[i]!);
    if (a && b && a !== b) gaps++;
  }
  return gaps;
}
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const WESTERN = /[A-Za-z0-9]/;

/** A line may not start with these (禁则): they stay with the character before them. */
const NO_LINE_START = new Set(Array.from("，。、；：？！）》」』】〕〉”’…—,.;:?!)]}%"));
/** A line may not end with these: they go with the character after them. */
const NO_LINE_END = new Set(Array.from("（《「『【〔〈“‘([{"));

/**
 * Units that wrapping never splits: a Latin word with its trailing spaces, or a CJK character
 * together with the punctuation that must stay beside it.
 */
export function breakUnits(text: string): string[] {
  const units: string[] = [];
  const chars = Array.from(text);
  let i = 0;
  while (i < chars.length) {
    let unit = "";
    // Opening punctuation sticks to what follows.
    while (i < chars.length && NO_LINE_END.has(chars[i]!)) unit += chars[i++];
    if (i < chars.length) {
      const ch = chars[i]!;
      if (/[A-Za-z0-9]/.test(ch)) {
        while (i < chars.length && /[A-Za-z0-9\-_/'@#&+=*.:]/.test(chars[i]!)) unit += chars[i++];
      } else {
        unit += chars[i++];
      }
    }
    while (i < chars.length && (NO_LINE_START.has(chars[i]!) || chars[i] === " ")) unit += chars[i++];
    units.push(unit);
  }
  return units;
}

/**
 * Wraps text into lines no wider than `widthEm` ems, the way a cell's wrap would, and returns
 * the lines (so long paragraphs can be split across rows without losing a character).
 * Explicit line breaks are kept.
 */
export function wrapLines(text: string, widthEm: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    let lineW = 0;
    for (const unit of breakUnits(paragraph)) {
      const w = textWidthEm(unit);
      const visibleW = textWidthEm(unit.trimEnd());
      if (lineW + visibleW <= widthEm || line === "") {
        if (visibleW > widthEm && line === "") {
          // A unit wider than the whole line (a long URL): the cell breaks it anywhere.
          for (const ch of unit) {
            const cw = charWidthEm(ch);
            if (lineW + cw > widthEm && line !== "") {
              lines.push(line);
              line = "";
              lineW = 0;
            }
            line += ch;
            lineW += cw;
          }
          continue;
        }
        line += unit;
        lineW += w;
      } else {
        lines.push(line);
        line = unit;
        lineW = w;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Points of usable text width in a cell `px` pixels wide (Excel keeps a few pixels of padding). */
export function cellTextWidthPt(px: number): number {
  return Math.max(1, (px - 7) * 0.75);
}

/**
 * Line pitch as a multiple of the font size. Chinese fonts (and the Noto CJK fonts other
 * spreadsheet programs substitute for them) are taller than Latin ones; 1.45 covers both.
 */
export const LINE_PITCH = 1.45;

/** Points of row height for `lines` lines of `sizePt` text, with a little air above and below. */
export function rowHeightFor(lines: number, sizePt: number): number {
  return Math.ceil((lines * sizePt * LINE_PITCH + sizePt * 0.5) * 4) / 4;
}

/** Lines a text needs in a cell `px` pixels wide at `sizePt`, with a 5% margin for font differences. */
export function linesNeeded(text: string, px: number, sizePt: number): number {
  const widthEm = (cellTextWidthPt(px) * 0.95) / sizePt;
  // Most cells hold one short line: when the whole text fits, so does every prefix of it.
  if (!text.includes("\n") && textWidthEm(text) <= widthEm) return 1;
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) lines += paragraphLines(paragraph, widthEm);
  return lines;
}

/** What paragraphLines asks of a character, a bit each, by UTF-16 code unit: one lookup, not five tests. */
const NO_END = 1;
/** Kept at the end of a unit: punctuation that may not start a line, and the ASCII space. */
const TRAIL = 2;
const ALNUM = 4;
/** breakUnits' word characters: `[A-Za-z0-9\-_/'@#&+=*.:]`. */
const WORD = 8;
/** What trimEnd takes (chars.ts isSpace). */
const SPACE = 16;
const HIGH_SURROGATE = 32;

const FLAGS = (() => {
  const f = new Uint8Array(0x10000);
  for (const ch of NO_LINE_END) f[ch.charCodeAt(0)]! |= NO_END;
  for (const ch of NO_LINE_START) f[ch.charCodeAt(0)]! |= TRAIL;
  f[0x20]! |= TRAIL;
  for (const ch of "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    f[ch.charCodeAt(0)]! |= ALNUM | WORD;
  for (const ch of "-_/'@#&+=*.:") f[ch.charCodeAt(0)]! |= WORD;
  for (let c = 0; c < 0x10000; c++) if (isSpace(c)) f[c]! |= SPACE;
  for (let c = 0xd800; c <= 0xdbff; c++) f[c]! |= HIGH_SURROGATE;
  return f;
})();

/** Length in UTF-16 units of the code point at `i` (a pair, or one unit, a lone surrogate too). */
function pointLength(text: string, i: number): number {
  if ((FLAGS[text.charCodeAt(i)]! & HIGH_SURROGATE) === 0 || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

function pointWidth(text: string, i: number, length: number): number {
  if (length === 2) return charWidthEm(text.slice(i, i + 2));
  const code = text.charCodeAt(i);
  return WIDTHS[BMP_CLASS[code] || (BMP_CLASS[code] = classify(text[i]!))]!;
}

/**
 * The number of lines wrapLines gives for one paragraph, counted without making the units or
 * the lines: the layout of a 50,000-task ledger's notices asks it of 200,000 cells. The same
 * units, the same sums in the same order, so the same count (a property test holds it to wrapLines).
 */
function paragraphLines(text: string, widthEm: number): number {
  let lines = 1;
  let empty = true;
  let lineW = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // One unit, as breakUnits cuts it.
    const start = i;
    while (i < n && FLAGS[text.charCodeAt(i)]! & NO_END) i += 1;
    if (i < n) {
      if (FLAGS[text.charCodeAt(i)]! & ALNUM) while (i < n && FLAGS[text.charCodeAt(i)]! & WORD) i += 1;
      else i += pointLength(text, i);
    }
    while (i < n && FLAGS[text.charCodeAt(i)]! & TRAIL) i += 1;
    let w = 0;
    let visibleW = 0;
    for (let j = start; j < i;) {
      const len = pointLength(text, j);
      w += pointWidth(text, j, len);
      if (len === 2 || (FLAGS[text.charCodeAt(j)]! & SPACE) === 0) visibleW = w;
      j += len;
    }
    if (lineW + visibleW <= widthEm || empty) {
      if (visibleW > widthEm && empty) {
        // A unit wider than the whole line: broken anywhere, as wrapLines does.
        for (let j = start; j < i;) {
          const len = pointLength(text, j);
          const cw = pointWidth(text, j, len);
          if (lineW + cw > widthEm && !empty) {
            lines++;
            lineW = 0;
          }
          empty = false;
          lineW += cw;
          j += len;
        }
        continue;
      }
      empty = false;
      lineW += w;
    } else {
      lines++;
      lineW = w;
    }
  }
  return lines;
}

/**
 * Breaks a title into lines no wider than `maxEm`, only between its pieces (and at spaces
 * inside them), GB/T 9704 7.3.1: a long title breaks between words, never inside one
 * (`整改进/展` is wrong), and its lines form a trapezoid or a diamond, the first line the
 * longest. Among the breaks that fit, the fewest lines, then the most even lines, win;
 * a line longer than the one above it costs extra.
 */
export function titleLines(parts: readonly string[], maxEm: number): string[] {
  const words: string[] = [];
  for (const part of parts) {
    // Pieces wider than a line (a very long name) are cut where a cell would wrap them.
    for (const piece of part.split(/(?<= )/)) {
      if (textWidthEm(piece.trimEnd()) <= maxEm) words.push(piece);
      else words.push(...wrapLines(piece, maxEm));
    }
  }
  const widths = words.map((w) => textWidthEm(w));
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= maxEm || words.length < 2) return [words.join("").trim()];

  const n = words.length;
  let best: { cost: number; cuts: number[] } | undefined;
  // Up to four lines; titles longer than that are not titles.
  for (let lines = 2; lines <= Math.min(4, n) && !best; lines++) {
    const search = (start: number, left: number, cuts: number[]) => {
      if (left === 1) {
        const all = [...cuts, n];
        const lens: number[] = [];
        let from = 0;
        for (const to of all) {
          lens.push(textWidthEm(words.slice(from, to).join("").trim()));
          from = to;
        }
        if (lens.some((l) => l > maxEm)) return;
        const longest = Math.max(...lens);
        let cost = 0;
        for (let i = 0; i < lens.length; i++) {
          cost += (longest - lens[i]!) ** 2;
          if (i > 0 && lens[i]! > lens[i - 1]! + 0.5) cost += 4 * (lens[i]! - lens[i - 1]!) ** 2;
        }
        if (!best || cost < best.cost) best = { cost, cuts: all };
        return;
      }
      for (let cut = start + 1; cut <= n - left + 1; cut++) search(cut, left - 1, [...cuts, cut]);
    };
    search(0, lines, []);
  }
  if (!best) return wrapLines(words.join(""), maxEm);
  const out: string[] = [];
  let from = 0;
  for (const to of best.cuts) {
    out.push(words.slice(from, to).join("").trim());
    from = to;
  }
  return out;
}
