import type { Report, Severity } from "../core/report.js";
import type { Lang } from "../core/i18n.js";
import { terminalSafe as safe } from "./terminal-safe.js";

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

const HEADINGS: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "Errors", warning: "Warnings", info: "Notes" },
};

const COLOURS: Record<Severity, string> = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m" };

/**
 * The human-readable report: findings grouped by severity, then the summary figures. Every text
 * that comes from the file (names, cell text quoted in messages) goes through `terminalSafe`.
 */
export function formatReport(report: Report, options: { color: boolean; file?: string }): string {
  const { lang } = report;
  const paint = (s: Severity, text: string) => (options.color ? `${COLOURS[s]}${text}\x1b[0m` : text);
  const lines: string[] = [];
  const where =
    lang === "zh"
      ? `工作表“${safe(report.sheet)}”，表头第${report.headerRow}行，校验日期${report.today}`
      : `sheet “${safe(report.sheet)}”, header row ${report.headerRow}, checked as of ${report.today}`;
  lines.push(`${safe(options.file ?? report.file ?? "")}  ${where}`.trim());
  for (const n of report.notices) lines.push(`  ! ${safe(n.message)}`);

  for (const severity of ["error", "warning", "info"] as const) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push("", paint(severity, `${HEADINGS[lang][severity]} (${group.length})`));
    const rule = (f: (typeof group)[number]) => (f.reason ? `${f.rule}/${f.reason}` : f.rule);
    const cellW = Math.max(4, ...group.map((f) => f.cell.length));
    const ruleW = Math.max(...group.map((f) => rule(f).length));
    for (const f of group) lines.push(`  ${pad(f.cell, cellW)}  ${pad(rule(f), ruleW)}  ${safe(f.message)}`);
  }

  const s = report.summary;
  const rate = `${(s.completionRate * 100).toFixed(1)}%`;
  lines.push(
    "",
    lang === "zh"
      ? `任务${s.tasks}项：已完成${s.done}项（${rate}），正在推进${s.inProgress}项，未启动${s.notStarted}项${s.statusUnknown ? `，进展不明${s.statusUnknown}项` : ""}；逾期${s.overdue}项，临期${s.dueSoon}项，疑似纸面整改${s.paperOnly}项，填报不完整${s.incomplete}项。`
      : `${s.tasks} tasks: ${s.done} done (${rate}), ${s.inProgress} in progress, ${s.notStarted} not started${s.statusUnknown ? `, ${s.statusUnknown} unknown` : ""}; ${s.overdue} overdue, ${s.dueSoon} due soon, ${s.paperOnly} possibly paper-only, ${s.incomplete} incomplete.`,
  );
  return lines.join("\n");
}
