import { checkGrid } from "../../../src/core/check.js";
import type { Grid } from "../../../src/core/grid.js";
import { config } from "../../helpers/grid.js";
import type { ConfigInput } from "../../../src/core/config.js";

/** Findings as `cell rule[/reason]` strings: compact, exact, readable in a failure. */
export function findings(g: Grid, input: Partial<ConfigInput> = {}, only?: string): string[] {
  const { report } = checkGrid(g, config(input));
  return report.findings
    .map((f) => `${f.cell} ${f.rule}${f.reason ? `/${f.reason}` : ""}`)
    .filter((s) => only === undefined || s.split(" ")[1]!.startsWith(only));
}

export function report(g: Grid, input: Partial<ConfigInput> = {}) {
  return checkGrid(g, config(input)).report;
}
