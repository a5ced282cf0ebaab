import { fill } from "../core/i18n.js";
import { percentValue } from "../core/percent.js";
import type { Report, Severity } from "../core/report.js";
import { ruleKey } from "../core/rules/index.js";
import { terminalSafe as safe } from "./terminal-safe.js";
import { CLI_WORDS } from "./words.js";

/** Columns a CJK character takes in a terminal. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        c >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

const COLOURS: Record<Severity, string> = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m" };

/**
 * The human-readable report: findings grouped by severity, then the summary figures. Every text
 * that comes from the file (names, cell text quoted in messages) goes through `terminalSafe`.
 */
export function formatReport(report: Report, options: { color: boolean; file?: string }): string {
  const words = CLI_WORDS[report.lang];
  const paint = (s: Severity, text: string) => (options.color ? `${COLOURS[s]}${text}\x1b[0m` : text);
  const lines: string[] = [];
  const where = fill(words.where, { sheet: safe(report.sheet), headerRow: report.headerRow, today: report.today });
  lines.push(`${safe(options.file ?? report.file ?? "")}  ${where}`.trim());
  for (const n of report.notices) lines.push(`  ! ${safe(n.message)}`);

  for (const severity of ["error", "warning", "info"] as const) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push("", paint(severity, `${words.headings[severity]} (${group.length})`));
    const rule = (f: (typeof group)[number]) => ruleKey(f.rule, f.reason);
    // A merged cell's finding is one per row it spans, each about that row's measure: the row
    // tells them apart (three identical `H8` lines read as a glitch).
    const cells = group.map((f) =>
      f.taskRow !== undefined && f.taskRow !== f.row ? fill(words.taskCell, { cell: f.cell, row: f.taskRow }) : f.cell,
    );
    const cellW = Math.max(4, ...cells.map(displayWidth));
    const ruleW = Math.max(...group.map((f) => rule(f).length));
    group.forEach((f, i) => lines.push(`  ${pad(cells[i]!, cellW)}  ${pad(rule(f), ruleW)}  ${safe(f.message)}`));
  }

  const s = report.summary;
  // From the counts, as the bulletin says it (the rounded rate said 51.8% where it says 51.9%).
  const rate = `${percentValue(s.done, s.tasks)}%`;
  const unknown = s.statusUnknown ? fill(words.unknown, { statusUnknown: s.statusUnknown }) : "";
  lines.push("", fill(words.summary, { ...s, rate, unknown }));
  return lines.join("\n");
}
