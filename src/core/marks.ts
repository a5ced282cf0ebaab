import { cellAddress, parseAddress } from "./grid.js";
import type { Report, Severity } from "./report.js";

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

/** The marks of a report: one per flagged cell. */
export function marksFromReport(report: Report): Mark[] {
  const marks = report.findings.map((f) => ({ ...parseAddress(f.cell), severity: f.severity, note: f.message }));
  return [...marksByCell(marks).values()];
}
