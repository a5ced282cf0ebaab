/**
 * Text normalisation shared by the parsers and the header mapper. Ledgers are typed by
 * hand, pasted from Word and PDF, and filled on machines with full-width input methods,
 * so the same phrase arrives in many spellings: `２０２５年`, `责任\n领导`, `整改 时限`,
 * `完成时限（年月日）`. Normalising first lets every matcher stay small.
 */
import { DROP, isIdeograph, unitTable } from "./chars.js";

/** Circled numbers ①..⑳: NFKC would turn ① into a bare `1` and glue it to the digits that follow. */
const CIRCLED = /[\u2460-\u2473]/g;

/** Hyphens, dashes and minus signs of every width. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** Whitespace, including full-width spaces, zero-width characters and a stray BOM. */
const SPACES = /[\s\u00A0\u200B-\u200D\u2060\u3000\uFEFF]+/g;

function unify(text: string): string {
  return (
    text
      .replace(CIRCLED, (c) => `(${c.charCodeAt(0) - 0x2460 + 1})`)
      // NFKC maps full-width digits, letters and ASCII punctuation to half-width (２→2, （→(, ，→,),
      // and Kangxi radicals that PDF copy-paste produces (⽉) to the ordinary characters (月).
      .normalize("NFKC")
      .replace(DASHES, "-")
      .replace(/[\u301C\u3030]/g, "~")
      .replace(/[\u201C\u201D\u300C\u300D\u300E\u300F]/g, '"')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u3010\u3014\u3016]/g, "[")
      .replace(/[\u3011\u3015\u3017]/g, "]")
  );
}

/**
 * Full-width to half-width, dashes and quotes unified, and every space and line break
 * removed. Chinese text carries no meaning in spaces; `责任\n领导` is `责任领导`.
 * Case is kept: callers that want case-insensitive matching lower-case themselves.
 */
export function normalize(text: string): string {
  return unify(text).replace(SPACES, "");
}

/**
 * Like `normalize`, but runs of spaces and line breaks become one space and the ends are
 * trimmed: for English, where `30 June 2025` must not become `30June2025`.
 */
export function normalizeSpaced(text: string): string {
  return unify(text).replace(SPACES, " ").trim();
}

/**
 * Whether `normalize(a) === normalize(b)`, mostly without building either: a text made only of
 * characters normalize maps one at a time (below) is compared through the map, and any other
 * text is normalised. Run on every row by the problem count, where neighbouring rows mostly
 * differ early or are the same string.
 */
export function sameNormalized(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  let j = 0;
  for (;;) {
    let ca = 0;
    while (i < a.length && (ca = UNIT[a.charCodeAt(i)]!) === DROP) i++;
    let cb = 0;
    while (j < b.length && (cb = UNIT[b.charCodeAt(j)]!) === DROP) j++;
    const endA = i >= a.length;
    const endB = j >= b.length;
    if (endA || endB || ca === 0 || cb === 0) return finish(a, b, i, j, endA, endB);
    if (ca !== cb) return rest(a, i) && rest(b, j) ? false : normalize(a) === normalize(b);
    i++;
    j++;
  }
}

/** Where one side ran out or met a character the map does not hold: the rest decides. */
function finish(a: string, b: string, i: number, j: number, endA: boolean, endB: boolean): boolean {
  if (endA && endB) return true;
  // One text ended inside the map and the other still has a mapped character: they differ.
  if ((endA && rest(b, j)) || (endB && rest(a, i))) return false;
  return normalize(a) === normalize(b);
}

/** Whether every character of `text` from `from` on is in the map. */
function rest(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) if (UNIT[text.charCodeAt(k)] === 0) return false;
  return true;
}

/**
 * What normalize makes of each character it can be read off one at a time: 0 for a character
 * the map does not hold, DROP for one it removes, else the one code unit it becomes. Every
 * character held is a starter whose normal form is one printable ASCII character, a CJK
 * ideograph, or a punctuation mark or symbol (all starters), or nothing; no canonical
 * composition joins two of them (its second half is a combining mark, a Hangul jamo or an Indic
 * vowel sign), so a text of them normalises character by character. The map is filled by
 * normalize itself over the ranges ledgers are typed in; characters it turns into more than one
 * (①) or into anything else (half-width katakana, whose voiced marks compose) are left out.
 */
const PUNCT_OR_SYMBOL = /^[\p{P}\p{S}]$/u;
const UNIT = unitTable(normalize, (u, n) => (u >= 0x21 && u <= 0x7e) || isIdeograph(u) || PUNCT_OR_SYMBOL.test(n));
