import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { main } from "../../src/cli/main.js";
import type { Finding, Report } from "../../src/core/report.js";

/** What the pane must agree with (the CLI's JSON) and how to read the pane's answer back. */

/** `ledger-check <file> --json --today <today>` run in-process: the report the pane must match. */
export async function cliReport(file: string, today: string, lang: "zh" | "en" = "zh"): Promise<Report> {
  let out = "";
  let err = "";
  const code = await main([file, "--json", "--today", today, "--lang", lang], {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    stderrIsTTY: false,
    stdoutIsTTY: false,
  });
  if (code === 2) throw new Error(`ledger-check failed on ${file}: ${err}`);
  return JSON.parse(out) as Report;
}

/** The marked copy the CLI writes of `file` as of `today` (it carries that check's snapshot); throws if it could not. */
export async function checkedCopy(file: string, today: string, out: string): Promise<string> {
  const io = { stdout: () => {}, stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false };
  const code = await main([file, "--today", today, "--out", out, "--exit-zero"], io);
  if (code !== 0) throw new Error(`ledger-check --out failed on ${file} (exit ${code})`);
  return out;
}

/** The rule as the pane shows it: `overdue`, `paper-only/no-evidence`. */
export const ruleKey = (f: Pick<Finding, "rule" | "reason">): string => (f.reason ? `${f.rule}/${f.reason}` : f.rule);

/** `H10 overdue`, sorted: a finding list to compare regardless of the order shown. */
export const findingKeys = (findings: Pick<Finding, "cell" | "rule" | "reason">[]): string[] =>
  findings.map((f) => `${f.cell} ${ruleKey(f)}`).sort();

/**
 * `H10 overdue` for each finding the list shows: the cell and the rule id from the item's data
 * attributes (the clerk reads the rule's title; the id is there for engineers and tests).
 */
export async function shownKeys(list: Locator): Promise<string[]> {
  return list
    .getByRole("listitem")
    .evaluateAll((items) => items.map((el) => `${el.getAttribute("data-cell")} ${el.getAttribute("data-rule")}`));
}

export const SUMMARY_TILES = ["tasks", "done", "overdue", "dueSoon", "paperOnly", "incomplete"] as const;

/** The summary tiles' text, by test id, inside the group named `groupName`. */
export async function tileTexts(page: Page, groupName: string): Promise<Record<string, string>> {
  const group = page.getByRole("group", { name: groupName });
  const out: Record<string, string> = {};
  for (const id of SUMMARY_TILES) out[id] = ((await group.getByTestId(id).textContent()) ?? "").trim();
  return out;
}

export function expectedTiles(report: Report): Record<string, string> {
  return Object.fromEntries(SUMMARY_TILES.map((id) => [id, String(report.summary[id])]));
}

export async function listKeys(list: Locator): Promise<string[]> {
  return (await shownKeys(list)).sort();
}

/** Every cell value of every sheet of `input`, as comparable text: `sheet!A1 = json`. */
export function cellValues(wb: ExcelJS.Workbook, sheets?: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (sheets && !sheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
      }),
    );
  }
  return out;
}
