/**
 * Text normalisation shared by the parsers and the header mapper. Ledgers are typed by
 * hand, pasted from Word and PDF, and filled on machines with full-width input methods,
 * so the same phrase arrives in many spellings: `２０２５年`, `责任\n领导`, `整改 时限`,
 * `完成时限（年月日）`. Normalising first lets every matcher stay small.
 */

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
