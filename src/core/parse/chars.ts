/**
 * Character classes the engine tests one code unit at a time, on hot paths where a regular
 * expression per cell or per character costs more than the work around it.
 */

/** The code units JavaScript's `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
export function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** CJK Unified Ideographs (not the compatibility ones at U+F900): each is its own NFKC form. */
export function isIdeograph(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/** Where ledgers are typed, besides the ideographs: ASCII and Latin-1, general and CJK punctuation, full-width forms. */
export const LEDGER_RANGES: readonly (readonly [number, number])[] = [
  [0x00, 0xff],
  [0x2000, 0x206f],
  [0x3000, 0x303f],
  [0xff00, 0xffef],
];

/** In a unit table: a character the text function removes. 0 is a character the table does not know. */
export const DROP = 0xffff;

/**
 * What a text function (NFKC and what follows it) makes of each character of LEDGER_RANGES and
 * of each ideograph, when that can be read off one character at a time: DROP for a character it
 * removes, the one code unit it becomes where `keep` takes it, else 0. `keep` must only take
 * starters that no canonical composition joins to a neighbour (a composition's second half is a
 * combining mark, a Hangul jamo or an Indic vowel sign), so that a text of known characters reads
 * the same character by character as whole; each caller's tests check that on every pair.
 */
export function unitTable(map: (text: string) => string, keep: (unit: number, text: string) => boolean): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (const [first, last] of LEDGER_RANGES) {
    for (let c = first; c <= last; c++) {
      const out = map(String.fromCharCode(c));
      if (out === "") table[c] = DROP;
      else if (out.length === 1 && keep(out.charCodeAt(0), out)) table[c] = out.charCodeAt(0);
    }
  }
  for (let c = 0x4e00; c <= 0x9fff; c++) table[c] = c;
  return table;
}
