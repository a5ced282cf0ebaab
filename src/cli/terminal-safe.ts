/**
 * Text from the clerk's file (cell values, sheet and file names) printed to a terminal must not
 * drive the terminal: ESC starts control sequences (`\e[2J` clears the screen, `\e]0;…\a` sets
 * the window title, OSC 52 writes the clipboard), C1 controls such as U+009B CSI do the same on
 * terminals that honour 8-bit controls, and bidi overrides (U+202E) reorder what follows, the
 * "Trojan Source" trick (CVE-2021-42574). Each is replaced by a visible stand-in, so the clerk
 * still sees that the cell holds something odd. The JSON report keeps the exact text.
 */

/** C0 controls but newline, DEL, C1 controls, bidi marks/embeddings/overrides/isolates, line and paragraph separators. */
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Replaces each control character with its Control Pictures symbol (U+2400 block: ␛ for ESC,
 * ␇ for BEL, ␉ for tab, ␡ for DEL) or, for C1 and bidi controls, which have none, `<U+202E>`.
 * With `keepNewlines` false a newline becomes ␊ too, so a cell's text stays on its table line.
 */
export function terminalSafe(text: string, keepNewlines = false): string {
  const safe = text.replace(UNSAFE, stand);
  return keepNewlines ? safe : safe.replace(/\n/g, "\u240a");
}

function stand(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c < 0x20) return String.fromCodePoint(0x2400 + c);
  if (c === 0x7f) return "\u2421";
  return `<U+${c.toString(16).toUpperCase().padStart(4, "0")}>`;
}
