import { parseAddress } from "./grid.js";
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

/** One mark per flagged cell: the most severe finding's colour, every message in the note. */
export function marksFromReport(report: Report): Mark[] {
  const byCell = new Map<string, Mark>();
  for (const f of report.findings) {
    const existing = byCell.get(f.cell);
    if (!existing) {
      const { row, col } = parseAddress(f.cell);
      byCell.set(f.cell, { row, col, severity: f.severity, note: f.message });
      continue;
    }
    if (RANK[f.severity] > RANK[existing.severity]) existing.severity = f.severity;
    if (!existing.note.split("\n").includes(f.message)) existing.note += `\n${f.message}`;
  }
  return [...byCell.values()];
}
