import { describe, expect, it } from "vitest";
import { FINDINGS_LIMIT, layoutFindingsSheet } from "../../src/core/bulletin/findings-sheet.js";
import { finding, report, sampleReport } from "./fixtures.js";

describe("layoutFindingsSheet (校验明细)", () => {
  it("lists every finding in ledger order with its cell, rule in words, department and message", () => {
    const r = sampleReport();
    const doc = layoutFindingsSheet(r, "zh");
    expect(doc.name).toBe("校验明细");
    const row = (n: number) => doc.cells.filter((c) => c.row === n).map((c) => c.value);
    expect(row(1)).toEqual(["序号", "单元格", "问题类型", "级别", "责任部门", "反馈问题", "说明"]);
    expect(doc.cells.filter((c) => c.col === 2 && c.row > 1).map((c) => c.value)).toEqual(
      [...r.findings].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column)).map((f) => f.cell),
    );
    expect(row(2).slice(1, 5)).toEqual(["F4", "逾期未完成", "错误", "办公室"]);
    expect(doc.cells.map((c) => c.value)).toContain("疑似纸面整改·已完成但无佐证材料");
    // Unmerged, no fixed heights: the spreadsheet fits each row to its text.
    expect(doc.cells.every((c) => (c.colSpan ?? 1) === 1)).toBe(true);
    expect(Object.keys(doc.rowHeights)).toEqual(["1"]);
    expect(layoutFindingsSheet(report([], {}, "en"), "en").cells.at(-1)!.value).toBe("No findings.");
  });

  it("stops at FINDINGS_LIMIT rows and says how many more are noted in the ledger", () => {
    const many = Array.from({ length: FINDINGS_LIMIT + 7 }, (_, i) =>
      finding("overdue", i + 4, "deadline", { days: 1 }),
    );
    const doc = layoutFindingsSheet(report(many, {}), "zh");
    const last = doc.cells.at(-1)!;
    expect(last.row).toBe(FINDINGS_LIMIT + 2);
    expect(last.value).toBe(`以上列出前${FINDINGS_LIMIT}条，其余7条见台账中的单元格标注。`);
  });
});
