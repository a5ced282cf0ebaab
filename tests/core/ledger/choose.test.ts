import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../src/app/check-workbook.js";
import { chooseLedgerSheet } from "../../../src/core/check.js";
import type { CellValue, Grid } from "../../../src/core/grid.js";
import type { WorkbookPort } from "../../../src/hosts/workbook.js";
import { config, grid, HEADER } from "../../helpers/grid.js";

/**
 * A workbook as published ledgers come (DOMAIN.md: "a cover or 填报说明 sheet, a 汇总 sheet built
 * with formulas"): the ledger is the fourth sheet. The 汇总's figures are COUNTIF results, which
 * the hosts hand over as cached values; its header names three fields (责任部门, 整改任务数,
 * 整改进度), enough to look like a ledger on its own.
 */
const cover = grid(
  [["XX大学党委落实省委巡视反馈意见整改任务清单"], ["填报单位（盖章）：XX大学党委"], ["填报时间：2025年6月30日"]],
  [],
  "封面",
);
const instructions = grid(
  [
    ["填报说明"],
    ["1. 反馈问题：照录巡视反馈意见原文。"],
    ["2. 整改措施：写明具体、可检验的举措。"],
    ["3. 责任领导、责任部门：据实填写，不得空缺。"],
    ["4. 整改时限、整改进展、佐证材料：按要求填写。"],
  ],
  [],
  "填报说明",
);
const summary = grid(
  [
    ["整改任务完成情况汇总"],
    ["序号", "责任部门", "整改任务数", "已完成", "整改进度", "完成率"],
    [1, "党委办公室", 4, 2, "正在推进", 0.5],
    [2, "组织部", 3, 3, "已完成", 1],
    ["合计", null, 7, 5, null, 0.7143],
  ],
  ["A1:F1"],
  "汇总",
);
const ledger = grid(
  [
    ["XX大学党委落实省委巡视反馈意见整改任务清单"],
    ["序号", "反馈问题", "整改措施", "责任领导/责任部门", "整改时限", "整改进展", "佐证材料"],
    ["一、关于党的政治建设方面"],
    [1, "理论学习不深入", "开展专题研讨4次", "张某/党委办公室", "2025年6月30日", "已完成", "研讨记录"],
    [2, "组织生活不规范", "对32个支部“三会一课”记录逐一检查", "王某/组织部", "2025年12月31日", "正在推进", ""],
  ],
  ["A1:G1", "A3:G3"],
  "整改任务清单",
);
const SHEETS = [cover, instructions, summary, ledger];

function port(grids: Grid[]): WorkbookPort {
  return {
    listSheets: async () =>
      grids.map((g) => ({ name: g.sheet, rowCount: g.values.length, generated: false, visible: true })),
    readGrid: async (name, o) => {
      const g = grids.find((x) => x.sheet === name)!;
      return o?.maxRows === undefined ? g : { ...g, values: g.values.slice(0, o.maxRows) };
    },
    writeMarks: async () => {},
    clearMarks: async () => {},
    writeSheets: async (docs) => docs.map((d) => d.name),
    select: async () => {},
  };
}

describe("a workbook with a cover, instructions and a formula 汇总 before the ledger", () => {
  it("chooses the ledger sheet, not the summary that names three fields", () => {
    expect(chooseLedgerSheet(SHEETS, config())?.sheet).toBe("整改任务清单");
    // The summary alone would pass for a ledger: the choice is by how well the header matches.
    expect(chooseLedgerSheet([summary], config())?.sheet).toBe("汇总");
  });
  it("checks the ledger end to end, with its title, its category and its paired column", async () => {
    const check = await checkWorkbook(port(SHEETS), config());
    expect(check.report.sheet).toBe("整改任务清单");
    expect(check.report.title).toEqual({ body: "XX大学党委", inspection: "省委巡视", kind: "巡视" });
    expect(check.report.summary).toMatchObject({ tasks: 2, problems: 2, done: 1 });
    expect(check.ledger.tasks.map((t) => t.category)).toEqual(["一、关于党的政治建设方面", "一、关于党的政治建设方面"]);
    // 4 seminars for a problem of study are still only study sessions (DOMAIN.md's documents-only).
    expect(check.report.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(["C4 paper-only"]);
    expect(check.bulletin).toMatchObject({ body: "XX大学党委", inspection: "省委巡视" });
  });
});

/** A small ledger under HEADER on a sheet of its own (one task per row). */
const deptLedger = (sheet: string, rows: CellValue[][]) => grid([HEADER, ...rows], [], sheet);
const DONE = ["1", "问题", "对32个支部逐一检查", "张某", "办公室", "2025年6月30日", "已完成", "检查记录"];

describe("a 填报说明 or 封面 sheet showing the ledger's own header (found by the reading sweep of 2026-12-02)", () => {
  const real = deptLedger("整改台账", [
    ["1", "问题一", "对32个支部逐一检查", "张某", "办公室", "2025年6月1日", "正在推进", ""],
    ["2", "问题二", "全面排查", null, "财务科", "2025年12月31日", "正在推进", ""],
    ["3", "问题三", "清退违规资金", "李某", "财务科", "2025年12月31日", "正在推进", ""],
  ]);
  const sample = (name: string, rows: CellValue[][]) =>
    grid([["填报说明：请按以下格式填写"], HEADER, ...rows], [], name);
  const withExample = sample("填报说明", [
    ["示例", "（照录反馈原文）", "（具体举措）", "张某", "办公室", "2025年6月1日", "正在推进", ""],
  ]);

  it.each([
    ["with a sample row", withExample],
    ["without one", sample("填报说明", [])],
    [
      "named 封面",
      sample("封面", [["示例", "（照录反馈原文）", "（具体举措）", "张某", "办公室", "2025年6月1日", "正在推进", ""]]),
    ],
  ])("the ledger is checked, not the sheet showing how to fill it in (%s)", async (_, first) => {
    const check = await checkWorkbook(port([first, real]), config({ today: "2025-07-01" }));
    expect(check.report.sheet).toBe("整改台账");
    expect(check.report.summary.tasks).toBe(3);
    expect(check.report.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(["F2 overdue", "D3 missing-lead"]);
    expect(check.report.notices.map((n) => n.code)).not.toContain("other-ledgers");
  });
});

describe("one ledger sheet per department", () => {
  const sheets = [
    summary,
    deptLedger("办公室", [DONE, DONE]),
    deptLedger("财务科", [DONE, ["2", "问题", "全面排查", "王某", "财务科", "2025年6月1日", "正在推进", ""], DONE]),
    deptLedger("人事科", [["1", "问题", "全面排查", null, "人事科", "2025年12月31日", "正在推进", ""]]),
  ];
  it("checks one and names the others in a notice, rather than passing a part for the whole", async () => {
    const check = await checkWorkbook(port(sheets), config({ today: "2025-07-01" }));
    expect(check.report.sheet).toBe("财务科"); // the most rows under the header
    const notice = check.report.notices.find((n) => n.code === "other-ledgers");
    expect(notice?.message).toBe(
      "工作簿中另有2个工作表也像台账（办公室、人事科），本次只检查了“财务科”：其余各表请逐个指定工作表再检查。",
    );
    const en = await checkWorkbook(port(sheets), config({ today: "2025-07-01", lang: "en" }));
    expect(en.report.notices.find((n) => n.code === "other-ledgers")?.message).toBe(
      "2 other sheets look like a ledger too (办公室, 人事科); only “财务科” was checked: check the others one sheet at a time.",
    );
  });
  it("names no hidden sheet (an archived copy) and no sheet with nothing under its header", async () => {
    const hiddenPort = port([sheets[1]!, deptLedger("旧台账", [DONE]), deptLedger("空表", [])]);
    const list = hiddenPort.listSheets;
    hiddenPort.listSheets = async () => (await list()).map((s) => (s.name === "旧台账" ? { ...s, visible: false } : s));
    const check = await checkWorkbook(hiddenPort, config({ today: "2025-07-01" }));
    expect(check.report.sheet).toBe("办公室");
    expect(check.report.notices.map((n) => n.code)).not.toContain("other-ledgers");
  });
});
