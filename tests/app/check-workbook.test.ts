import { describe, expect, it } from "vitest";
import { checkWorkbook, markWorkbook, writeBulletin } from "../../src/app/check-workbook.js";
import { makeConfig } from "../../src/core/config.js";
import type { WorkbookPort } from "../../src/hosts/workbook.js";
import { grid, HEADER } from "../helpers/grid.js";

describe("the one-click job's progress", () => {
  it("is awaited before each stage runs, and announces the check only after the full read", async () => {
    const calls: string[] = [];
    const ledger = grid([HEADER, [1, "问题", "", "王", "办公室", "2025-06-30", "推进中", ""]]);
    const port: WorkbookPort = {
      listSheets: async () => (calls.push("list"), [{ name: "台账", rowCount: 2, generated: false, visible: true }]),
      readGrid: async (sheet, o) => (calls.push(`read ${sheet} ${o?.maxRows ?? "all"}`), ledger),
      writeMarks: async (sheet, marks) => void calls.push(`mark ${sheet} ${marks.length}`),
      clearMarks: async (sheet) => void calls.push(`clear ${sheet}`),
      writeSheets: async (docs) => (calls.push(`sheets ${docs.length}`), docs.map((d) => d.name)),
      select: async (sheet, cell) => void calls.push(`select ${sheet}!${cell}`),
    };
    // A UI that paints later: each stage is "painted" on the next macrotask.
    const progress = async (stage: string, done?: number) => {
      if (done !== undefined && done > 0) return;
      calls.push(stage);
      await new Promise((r) => setTimeout(r, 0));
      calls.push(`${stage} painted`);
    };
    const check = await checkWorkbook(port, makeConfig({ today: "2025-07-01" }), progress);
    await markWorkbook(port, check, progress);
    await writeBulletin(port, check, progress);
    expect(calls).toEqual([
      "detect",
      "detect painted",
      "list",
      "read",
      "read painted",
      "read 台账 all",
      "check",
      "check painted",
      "mark",
      "mark painted",
      `mark 台账 ${check.report.findings.length}`,
      "bulletin",
      "bulletin painted",
      // The bulletin and its 校验明细 appendix, in one write.
      "sheets 2",
    ]);
    expect(check.report.findings.length).toBeGreaterThan(0);
  });
});
