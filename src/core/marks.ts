import type { CheckedFinding } from "./check.js";
import { cellAddress } from "./grid.js";
import type { Severity } from "./report.js";

/** A finding's mark on a ledger cell: a fill by severity and a note with the messages. */
export interface Mark {
  row: number;
  col: number;
  severity: Severity;
  /** The messages for this cell, one per line. */
  note: string;
}

/** Fill colours by severity ("RRGGBB"), shared by every host and the task pane's tiles. */
export const MARK_FILLS: Record<Severity, string> = {
  error: "FFC7CE",
  warning: "FFEB9C",
  info: "DDEBF7",
};

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * One mark per cell, keyed by address: several findings on a cell take the most severe colour
 * and every message once. Hosts apply it to whatever marks they are given.
 */
export function marksByCell(marks: readonly Mark[]): Map<string, Mark> {
  const byCell = new Map<string, Mark>();
  for (const m of marks) {
    const address = cellAddress(m.row, m.col);
    const seen = byCell.get(address);
    if (!seen) {
      byCell.set(address, { ...m });
      continue;
    }
    if (RANK[m.severity] > RANK[seen.severity]) seen.severity = m.severity;
    const lines = seen.note.split("\n");
    for (const line of m.note.split("\n")) if (!lines.includes(line)) lines.push(line);
    seen.note = lines.join("\n");
  }
  return byCell;
}

/** The marks of a check: one per flagged cell, from the findings' numbers (no address parsed back). */
export function marksFromFindings(findings: readonly CheckedFinding[]): Mark[] {
  const marks = findings.map(({ finding, col }) => ({
    row: finding.row,
    col,
    severity: finding.severity,
    note: finding.message,
  }));
  return [...marksByCell(marks).values()];
}

// ——— notes: one way for every host ———

/** Every note ledger-check writes starts with this, so a reader knows who wrote it. */
export const NOTE_PREFIX = "ledger-check:";

/** The note ledger-check puts on a marked cell: the prefix, then the cell's messages. */
export function ourNote(mark: Pick<Mark, "note">): string {
  return `${NOTE_PREFIX} ${mark.note}`;
}

/**
 * The note a marked cell gets: the clerk's own note is kept, on top, and ours goes below it on
 * its own line. A cell without a note (null or "") gets ours alone.
 */
export function mergeNote(userNote: string | null | undefined, ours: string): string {
  return userNote ? `${userNote}\n${ours}` : ours;
}

/**
 * Takes exactly our note back out of a cell's current note, whatever the clerk wrote above it
 * since: null when nothing of theirs is left. A note that no longer ends with ours (the clerk
 * edited or deleted it) is theirs now and is returned unchanged.
 */
export function removeOurNote(current: string | null | undefined, ours: string): string | null {
  if (!current) return null;
  if (current === ours) return null;
  if (current.endsWith(`\n${ours}`)) return current.slice(0, current.length - ours.length - 1) || null;
  return current;
}
