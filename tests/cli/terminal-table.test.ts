import { describe, expect, it } from "vitest";
import { checkGrid } from "../../src/core/check.js";
import { formatReport } from "../../src/cli/terminal-table.js";
import { config, grid } from "../helpers/grid.js";

describe("the terminal report", () => {
  it("tells apart the findings a merged cell gives, one per measure row, by the row (the reading sweep of 2026-12-03)", () => {
    // The evidence cell H2:H4 merged over three measures marked done: three findings at H2.
    const g = grid(
      [
        ["反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "佐证材料"],
        ["问题一", "清退违规资金3笔", "张某", "财务科", "2025年12月31日", "已完成", ""],
        ["问题一", "追回多发补贴5笔", "张某", "人事科", "2025年12月31日", "已完成", null],
        ["问题一", "对2名责任人问责", "张某", "纪检组", "2025年12月31日", "已完成", null],
      ],
      ["G2:G4"],
    );
    const report = checkGrid(g, config({ today: "2025-07-01" })).report;
    const lines = formatReport(report, { color: false }).split("\n");
    const evidence = lines.filter((l) => l.includes("no-evidence"));
    expect(evidence.map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(["G2", "G2（第3行）", "G2（第4行）"]);
    const en = formatReport(checkGrid(g, config({ today: "2025-07-01", lang: "en" })).report, { color: false });
    expect(en).toContain("G2 (row 3)");
  });
});
