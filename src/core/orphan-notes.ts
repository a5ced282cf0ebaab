import { NOTE_PREFIXES, ourPartBreak, startsAsOurs } from "./marks.js";
import { RULES } from "./rules/index.js";

/**
 * Our part of a note that no record of ours knows: the state that held it is gone (a program
 * deleted our hidden sheet), or the clerk copied marked rows from a checked copy into another
 * workbook. Marked again, such a cell got our paragraph twice, and a cell fixed since kept its
 * stale one. Our part is known by our name at its head and by every line of it being one of the
 * rules' messages: a line of the clerk's below it (or an older version's wording) leaves it alone.
 */

/** Every message a rule writes, as a pattern of its words (`{{…}}`: any text). */
let patterns: RegExp[] | undefined;
function messagePatterns(): RegExp[] {
  patterns ??= RULES.flatMap((r) => [...Object.values(r.words.zh.messages), ...Object.values(r.words.en.messages)]).map(
    (m) =>
      new RegExp(
        `^${m
          .split(/\{\{[^}]*\}\}/)
          .map(escapeRegExp)
          .join("[\\s\\S]*?")}$`,
      ),
  );
  return patterns;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The note without its last part of ours: its `part` (our name and messages) and what is `kept`
 * ("" when the note was ours alone); null when its end is not a part of ours, word for word.
 */
export function orphanPart(note: string): { part: string; kept: string } | null {
  const whole = startsAsOurs(note) && ourPartBreak(note) < 0;
  const at = whole ? 0 : ourPartBreak(note) + 1;
  if (!whole && at <= 0) return null;
  const part = note.slice(at);
  const prefix = Object.values(NOTE_PREFIXES).find((p) => part.startsWith(p));
  if (!prefix) return null;
  const lines = part.slice(prefix.length).split("\n");
  if (!lines.every((line) => messagePatterns().some((re) => re.test(line)))) return null;
  return { part, kept: whole ? "" : note.slice(0, at - 1) };
}

/**
 * A note's text with every orphan part of ours taken off its end (the clerk's words above them
 * kept): null when nothing is left, the note itself when it ends with no part of ours.
 */
export function withoutOrphanParts(note: string): string | null {
  let text = note;
  for (let found = orphanPart(text); found; found = orphanPart(text)) {
    if (found.kept === "") return null;
    text = found.kept;
  }
  return text;
}
