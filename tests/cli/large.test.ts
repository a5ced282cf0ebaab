import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/core/report.js";
import { generateLedger } from "../support/generate-ledger.js";
import { tempDir, writeLedger } from "../support/ledger-builder.js";
import { runCli } from "./run.js";

/**
 * 50,000 task rows through the whole CLI (no timing assertion: CI machines differ). Few merged
 * problems here: exceljs checks each merged area against all earlier ones while loading
 * (quadratic, exceljs issue #2689), and a merge on every other row would take minutes to open.
 * Without --out: the bulletin of 50,000 tasks is a separate cost (see `npm run bench`).
 */
describe("a 50,000-row ledger", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let path: string;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    path = (await writeLedger(dir, "big.xlsx", generateLedger(50_000, { seed: 3, multiRowShare: 0.03, styled: false })))
      .path;
  }, 120_000);
  afterAll(() => cleanup());

  it("is checked to the end: every task counted, the report valid", async () => {
    const r = await runCli([path, "--today", "2025-07-01", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.summary.tasks).toBe(50_000);
    expect(
      report.summary.done + report.summary.inProgress + report.summary.notStarted + report.summary.statusUnknown,
    ).toBe(50_000);
    expect(report.findings.length).toBeGreaterThan(10_000);
    // The last task sits above 3 template rows and 2 footer rows, none of them tasks.
    expect(Math.max(...report.findings.map((f) => f.taskRow ?? f.row))).toBeLessThanOrEqual(
      report.headerRow + 50_000 + 250,
    );
  }, 180_000);
});
