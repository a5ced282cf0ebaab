import { describe, expect, it } from "vitest";
import { checkGrid } from "../../../src/core/check.js";
import { config, grid, HEADER, measureRow } from "../../helpers/grid.js";

const summary = (rows: ReturnType<typeof measureRow>[], merges: string[] = []) =>
  checkGrid(grid([HEADER, ...rows], merges), config()).report.summary;

describe("summary.problems beside summary.tasks", () => {
  it("counts a problem merged over three measure rows once, and its measures three times", () => {
    const s = summary(
      [
        measureRow(1, "问题甲", "措施一"),
        measureRow(null, null, "措施二"),
        measureRow(null, null, "措施三"),
        measureRow(2, "问题乙", "措施四"),
      ],
      ["A2:A4", "B2:B4"],
    );
    expect([s.problems, s.tasks]).toEqual([2, 4]);
  });
  it("counts a problem filled down on each of its rows once", () => {
    const s = summary([
      measureRow(1, "问题甲", "措施一"),
      measureRow(1, "问题甲", "措施二"),
      measureRow(2, "问题乙", "措施三"),
    ]);
    expect([s.problems, s.tasks]).toEqual([2, 3]);
  });
  it("counts a measure row left unmerged with an empty problem as its problem's", () => {
    const s = summary([
      measureRow(1, "问题甲", "措施一"),
      measureRow(null, null, "措施二"),
      measureRow(2, "问题乙", "措施三"),
    ]);
    expect([s.problems, s.tasks]).toEqual([2, 3]);
  });
  it("counts one problem per row when every row has its own problem (the trap the other way)", () => {
    const s = summary([
      measureRow(1, "问题甲", "措施一"),
      measureRow(2, "问题乙", "措施二"),
      measureRow(3, "问题丙", "措施三"),
    ]);
    expect([s.problems, s.tasks]).toEqual([3, 3]);
  });
  it("counts the same problem text under two categories as two problems", () => {
    const s = summary(
      [
        ["一、关于政治建设方面", null, null, null, null, null, null, null],
        measureRow(1, "落实不到位", "措施一"),
        ["二、关于作风建设方面", null, null, null, null, null, null, null],
        measureRow(2, "落实不到位", "措施二"),
      ],
      ["A2:H2", "A4:H4"],
    );
    expect([s.problems, s.tasks]).toEqual([2, 2]);
  });
  it("counts every task as a problem when the ledger has no problem column", () => {
    const g = grid([
      ["序号", "整改措施", "责任领导", "责任部门", "整改时限"],
      [1, "措施一", "张某", "办公室", "2025年12月31日"],
      [2, "措施二", "张某", "办公室", "2025年12月31日"],
    ]);
    expect(checkGrid(g, config()).report.summary.problems).toBe(2);
  });
});
