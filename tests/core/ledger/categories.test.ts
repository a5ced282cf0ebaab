import { describe, expect, it } from "vitest";
import { detectLayout } from "../../../src/core/ledger/detect.js";
import { readTasks } from "../../../src/core/ledger/rows.js";
import { grid } from "../../helpers/grid.js";

/**
 * A 三张清单-style ledger: title, a two-row header (责任主体 over 责任领导 | 责任科室, the other
 * captions merged down), then category rows in the forms clerks use.
 */
function twoRowHeader(body: (string | number | null)[][], merges: string[]) {
  const rows = [
    ["区委第二巡察组反馈意见整改落实台账", null, null, null, null, null, null, null],
    ["序号", "反馈问题", "整改措施", "责任主体", null, "整改时限", "整改进展", "佐证材料"],
    [null, null, null, "责任领导", "责任科室", null, null, null],
    ...body,
  ];
  const header = ["A1:H1", "A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3", "G2:G3", "H2:H3"];
  const g = grid(rows, [...header, ...merges]);
  const layout = detectLayout(g)!;
  return readTasks(g, layout);
}

const task = (n: number, problem: string) => [
  n,
  problem,
  "开展专项检查3次",
  "张某",
  "办公室",
  "2025年12月31日",
  "正在推进",
  "",
];

describe("task.category in two-row-header ledgers", () => {
  it("fills it from `一、关于……方面` and `（一）……` rows merged across the table", () => {
    const tasks = twoRowHeader(
      [
        ["一、关于政治建设方面", null, null, null, null, null, null, null],
        ["（一）理论学习不深入", null, null, null, null, null, null, null],
        task(1, "问题甲"),
        ["二、关于作风建设方面", null, null, null, null, null, null, null],
        task(2, "问题乙"),
      ],
      ["A4:H4", "A5:H5", "A7:H7"],
    );
    expect(tasks.map((t) => [t.row, t.category])).toEqual([
      [6, "（一）理论学习不深入"],
      [8, "二、关于作风建设方面"],
    ]);
  });

  it("reads a category whose numeral sits in the 序号 column and its caption across the rest", () => {
    const tasks = twoRowHeader(
      [
        ["一", "关于政治建设方面", null, null, null, null, null, null],
        task(1, "问题甲"),
        ["（二）", "关于作风建设方面存在的问题", null, null, null, null, null, null],
        task(2, "问题乙"),
      ],
      ["B4:H4", "B6:H6"],
    );
    expect(tasks.map((t) => [t.row, t.category])).toEqual([
      [5, "一、关于政治建设方面"],
      [7, "（二）关于作风建设方面存在的问题"],
    ]);
  });

  it("reads a caption typed in one cell of the problem column when it names a category", () => {
    const tasks = twoRowHeader([[null, "一、政治建设方面", null, null, null, null, null, null], task(1, "问题甲")], []);
    expect(tasks.map((t) => [t.row, t.category])).toEqual([[5, "一、政治建设方面"]]);
  });

  it("keeps a numbered task whose other cells are empty a task (the trap the other way)", () => {
    const tasks = twoRowHeader([[1, "督查检查事项过多过频", null, null, null, null, null, null]], []);
    expect(tasks.map((t) => [t.row, t.category])).toEqual([[4, undefined]]);
  });
});
