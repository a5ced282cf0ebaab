import { describe, expect, it } from "vitest";
import { benchLedgerRows, BENCH_SHEET } from "../../../bench/excel-host.js";
import { checkWorkbook, markWorkbook } from "../../../src/app/check-workbook.js";
import { makeConfig } from "../../../src/core/config.js";
import { decodeState, encodeState, emptyState } from "../../../src/core/marks-state.js";
import { ExcelWorkbook } from "../../../src/hosts/excel/excel-workbook.js";
import { FakeExcel } from "../../support/excel-fake.js";

/**
 * Issue #12 in Excel: the check that marks keeps its snapshot in the add-in's state (custom XML
 * parts, written in the same save as the marks' records), and the next check in the same
 * workbook, in a later session, says what moved.
 */
describe("progress since the last check, in Excel (fake)", () => {
  it("finds the last check's snapshot in the workbook and names the task done since, after a row was inserted above it", async () => {
    const excel = new FakeExcel();
    excel.seed(BENCH_SHEET, "A1", benchLedgerRows(10));
    const first = await checkWorkbook(
      new ExcelWorkbook(excel.run, excel.hostOptions),
      makeConfig({ today: "2025-06-01" }),
    );
    expect(first.report.progress).toBeUndefined();
    await markWorkbook(new ExcelWorkbook(excel.run, excel.hostOptions), first);

    // Row 3 is task 1 (正在推进). The clerk marks it done and inserts a new task above it.
    expect(excel.cell(BENCH_SHEET, "H3")?.value).toBe("正在推进");
    excel.cell(BENCH_SHEET, "H3")!.value = "已完成";
    excel.insertRows(BENCH_SHEET, 3);
    excel.seed(BENCH_SHEET, "A3", [
      [0, "类别0", "新增问题：食堂采购未公开招标", "重新招标并公示", "张明", "办公室", null, "未启动", null, null],
    ]);

    // A new session: a new host object, nothing cached.
    const second = await checkWorkbook(
      new ExcelWorkbook(excel.run, excel.hostOptions),
      makeConfig({ today: "2025-07-01" }),
    );
    const progress = second.report.progress!;
    expect(progress.since).toBe("2025-06-01");
    expect(progress.newlyDone.map((t) => t.problem)).toEqual([String(excel.cell(BENCH_SHEET, "C4")!.value)]);
    expect(progress.newlyDone[0]!.row).toBe(4);
    expect(progress).toMatchObject({ added: 1, removed: 0, before: { tasks: 10 } });
  });

  it("keeps the snapshot of a clean ledger (nothing to mark) without touching a cell", async () => {
    const excel = new FakeExcel();
    excel.seed(BENCH_SHEET, "A1", [
      ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "佐证材料"],
      [1, "公务用车管理不规范", "建立车辆登记台账并逐月检查", "张明", "办公室", "2025年12月31日", "正在推进", null],
    ]);
    const host = new ExcelWorkbook(excel.run, excel.hostOptions);
    const check = await checkWorkbook(host, makeConfig({ today: "2025-06-01" }));
    expect(check.findings).toEqual([]);
    expect(await markWorkbook(host, check)).toBe(0);
    expect(excel.fillOf(BENCH_SHEET, "B2")).toBeNull();
    const again = await checkWorkbook(
      new ExcelWorkbook(excel.run, excel.hostOptions),
      makeConfig({ today: "2025-07-01" }),
    );
    expect(again.report.progress).toMatchObject({ since: "2025-06-01", added: 0, removed: 0 });
  });

  it("takes the snapshot from the state the read just looked up (no sync of its own), and reads it again when another instance saved a new one", async () => {
    const excel = new FakeExcel();
    excel.seed(BENCH_SHEET, "A1", benchLedgerRows(10));
    const config = makeConfig({ today: "2025-06-01" });
    await markWorkbook(
      new ExcelWorkbook(excel.run, excel.hostOptions),
      await checkWorkbook(new ExcelWorkbook(excel.run, excel.hostOptions), config),
    );

    const host = new ExcelWorkbook(excel.run, excel.hostOptions);
    await host.listSheets();
    await host.readGrid(BENCH_SHEET);
    const before = excel.syncCount;
    expect((await host.readSnapshot())?.date).toBe("2025-06-01");
    expect(excel.syncCount).toBe(before);

    // Another add-in instance (a co-author) marks with a later check between our list and read.
    await host.listSheets();
    const other = new ExcelWorkbook(excel.run, excel.hostOptions);
    await markWorkbook(other, await checkWorkbook(other, makeConfig({ today: "2025-06-20" })));
    await host.readGrid(BENCH_SHEET);
    const again = excel.syncCount;
    expect((await host.readSnapshot())?.date).toBe("2025-06-20");
    expect(excel.syncCount).toBeGreaterThan(again);
  });

  it("drops a damaged snapshot alone: the marks' records, which restore the clerk's cells, stay", () => {
    const state = { ...emptyState(), marks: { 台账: { H3: { fill: "FFFF00", note: null } } } };
    const json = JSON.stringify({ ...state, snapshot: { version: 1, date: "2025-13-45", problem: [1] } });
    const decoded = decodeState([json]);
    expect(decoded.marks).toEqual(state.marks);
    expect(decoded.snapshot).toBeUndefined();
    expect(decodeState(encodeState(decoded))).toEqual(decoded);
  });
});
