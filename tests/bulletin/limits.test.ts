import { describe, expect, it } from "vitest";
import { buildBulletin, LIST_LIMIT } from "../../src/core/bulletin/build.js";
import type { TableBlock } from "../../src/core/bulletin/model.js";
import { checkGrid } from "../../src/core/check.js";
import { config, grid, HEADER, ledger } from "../helpers/grid.js";

describe("bulletin on a large ledger", () => {
  it("lists at most LIST_LIMIT overdue items, longest overdue first, and says how many more", () => {
    const tasks = Array.from({ length: 45 }, (_, i) => ({ deadline: `2025年6月${(i % 28) + 1}日` }));
    const { report, ledger: l } = checkGrid(ledger(tasks), config());
    const b = buildBulletin(report, l, { lang: "zh", bulletin: {} });
    const overdueTable = b.blocks.find(
      (x): x is TableBlock => x.kind === "table" && x.caption?.includes("逾期") === true,
    )!;
    expect(overdueTable.rows).toHaveLength(LIST_LIMIT);
    const days = overdueTable.columns.findIndex((c) => c.header === "逾期天数");
    expect(overdueTable.rows[0]![days]).toBe(30); // 2025-06-01 → 30 days before 2025-07-01
    const texts = b.blocks.filter((x) => x.kind === "paragraph").map((x) => (x as { text: string }).text);
    expect(texts).toContain(`表3列出前${LIST_LIMIT}条，其余15条已在台账中标注，请相关部门对照整改。`);
  });

  it("names a merged leader's task by its own row, not the merge's first row", () => {
    const g = grid(
      [
        HEADER,
        [1, "问题甲", "开展检查3次", null, "办公室", "2025年6月1日", "正在推进", ""],
        [2, "问题乙", "开展检查4次", null, "财务处", "2025年6月2日", "正在推进", ""],
      ],
      ["D2:D3"],
    );
    const { report, ledger: l } = checkGrid(g, config());
    const missing = report.findings.filter((f) => f.rule === "missing-lead");
    expect(missing.map((f) => [f.cell, f.taskRow])).toEqual([
      ["D2", 2],
      ["D2", 3],
    ]);
    const b = buildBulletin(report, l, { lang: "zh", bulletin: {} });
    const incomplete = b.blocks.find(
      (x): x is TableBlock => x.kind === "table" && x.caption?.includes("台账填报") === true,
    )!;
    expect(incomplete.rows.map((r) => [r[1], r[3]])).toEqual([
      ["问题甲", "办公室"],
      ["问题乙", "财务处"],
    ]);
  });
});
