import type { CheckedFinding } from "./check.js";
import { cellAddress } from "./grid.js";
import type { Lang } from "./i18n.js";
import type { Severity } from "./report.js";

/** A finding's mark on a ledger cell: a fill by severity and a note with the messages. */
export interface Mark {
  row: number;
  col: number;
  severity: Severity;
  /** The messages for this cell, one per line. */
  note: string;
  /** The language of the messages, which names us at the head of the note (zh when not said). */
  lang?: Lang;
}

/** Fill colours by severity ("RRGGBB"), shared by every host and the task pane's tiles. */
export const MARK_FILLS: Record<Severity, string> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "DDEBF7",
};

/** Severities in order, the most severe highest (1 to 3). */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * One mark per cell, keyed by address: several findings on a cell take the most severe colour
 * and every message once. Hosts apply it to whatever marks they are given.
 */
export function marksByCell(marks: readonly Mark[]): ReadonlyMap<string, Readonly<Mark>> {
  const byCell = new Map<string, Readonly<Mark>>();
  // A cell's mark is the one given until a second comes: only then is a mark of its own made (50,000 copies were 7 MB).
  const merged = new Set<Mark>();
  for (const m of marks) {
    const address = cellAddress(m.row, m.col);
    const seen = byCell.get(address);
    if (!seen) {
      byCell.set(address, m);
      continue;
    }
    let into = seen as Mark;
    if (!merged.has(into)) {
      into = { ...seen };
      merged.add(into);
      byCell.set(address, into);
    }
    if (SEVERITY_RANK[m.severity] > SEVERITY_RANK[into.severity]) into.severity = m.severity;
    const lines = into.note.split("\n");
    for (const line of m.note.split("\n")) if (!lines.includes(line)) lines.push(line);
    into.note = lines.join("\n");
  }
  return byCell;
}

/** The marks of a check: one per flagged cell, from the findings' numbers (no address parsed back). */
export function marksFromFindings(findings: readonly CheckedFinding[], lang: Lang = "zh"): Mark[] {
  const marks = findings.map(({ finding, col }) => ({
    row: finding.row,
    col,
    severity: finding.severity,
    note: finding.message,
    lang,
  }));
  return [...marksByCell(marks).values()];
}

// ——— notes: one way for every host ———

/**
 * Every note ledger-check writes starts with its name, in the words of the clerk who reads it
 * (issue #14: `ledger-check:` was an id), so a reader knows who wrote it.
 */
export const NOTE_PREFIXES: Record<Lang, string> = { zh: "【整改台账校验】", en: "[Ledger Check] " };
/** What notes of earlier versions began with: still ours when a clear or a recheck meets one. */
const LEGACY_PREFIX = "ledger-check: ";
const PREFIXES = [...Object.values(NOTE_PREFIXES), LEGACY_PREFIX];

/** The note ledger-check puts on a marked cell: our name, then the cell's messages. */
export function ourNote(mark: Pick<Mark, "note" | "lang">): string {
  return `${NOTE_PREFIXES[mark.lang ?? "zh"]}${mark.note}`;
}

/** Whether a note's first line starts with one of our names (any language, any version). */
export function startsAsOurs(note: string): boolean {
  return PREFIXES.some((p) => note.startsWith(p));
}

/**
 * The index of the line break before the last line that starts with one of our names, or -1:
 * where our part begins when it sits below the clerk's note (mergeNote).
 */
export function ourPartBreak(note: string): number {
  let at = -1;
  for (const p of PREFIXES) at = Math.max(at, note.lastIndexOf(`\n${p}`));
  return at;
}

/**
 * The note a marked cell gets: the clerk's own note is kept, on top, and ours goes below it on
 * its own line. A cell without a note (null or "") gets ours alone.
 */
export function mergeNote(userNote: string | null | undefined, ours: string): string {
  return userNote ? `${userNote}\n${ours}` : ours;
}

/** Whether a cell's note already ends with this very paragraph of ours, alone or below the clerk's (mergeNote). */
export function endsWithOurNote(note: string | null | undefined, ours: string): boolean {
  return !!note && (note === ours || note.endsWith(`\n${ours}`));
}

/**
 * Takes exactly our note back out of a cell's current note, whatever the clerk wrote above it
 * since: null when nothing of theirs is left. A note that no longer ends with ours (the clerk
 * edited or deleted it) is theirs now and is returned unchanged.
 */
export function removeOurNote(current: string | null | undefined, ours: string): string | null {
  if (!current) return null;
  if (!endsWithOurNote(current, ours)) return current;
  return current.slice(0, Math.max(0, current.length - ours.length - 1)) || null;
}
