import { describe, expect, it } from "vitest";
import { ExcelWorkbook } from "../../../src/hosts/excel/excel-workbook.js";
import { BENCH_SHEET, benchLedgerRows } from "../../../bench/excel-host.js";
import { FakeExcel, type CellSeed } from "../../support/excel-fake.js";
import { toCellValue } from "../../../src/hosts/excel/cell-values.js";
import { dateToIso, formatChineseDate } from "../../../src/core/dates.js";

const DATE_FMT = 'yyyy"年"m"月"d"日"';

function ledger(api = "1.18"): FakeExcel {
  const excel = new FakeExcel({ api });
  excel.seed("台账", "A1", [
    ["区委第二巡察组反馈意见整改落实台账", null, null, null],
    ["序号", "反馈问题", "整改时限", "整改进展"],
    [1, "问题一", { value: 45838, numberFormat: DATE_FMT, text: "2025年6月30日" }, "已完成"],
    [2, null, { value: "#N/A", text: "#N/A" }, "正在推进"],
    [3, "问题二", 45838, { value: 3.5, numberFormat: "0.00", text: "3.50" }],
  ]);
  excel.merge("台账", "A1:D1");
  excel.merge("台账", "B3:B4");
  return excel;
}

const host = (excel: FakeExcel) => new ExcelWorkbook(excel.run, excel.hostOptions);

describe("ExcelWorkbook.readGrid", () => {
  it("reads a seeded ledger into the exact Grid", async () => {
    const excel = ledger();
    const grid = await host(excel).readGrid("台账");
    expect(grid).toEqual({
      sheet: "台账",
      origin: { row: 1, col: 1 },
      values: [
        ["区委第二巡察组反馈意见整改落实台账", null, null, null],
        ["序号", "反馈问题", "整改时限", "整改进展"],
        [1, "问题一", new Date(Date.UTC(2025, 5, 30)), "已完成"],
        [2, null, { error: "#N/A" }, "正在推进"],
        [3, "问题二", 45838, 3.5],
      ],
      // Excel's `text` is not loaded (it costs a third of every response): dates get their
      // display text from the format, every other cell "" (the engine renders the value).
      text: [
        ["", "", "", ""],
        ["", "", "", ""],
        ["", "", "2025年6月30日", ""],
        ["", "", "", ""],
        ["", "", "", ""],
      ],
      formats: [
        ["General", "General", "General", "General"],
        ["General", "General", "General", "General"],
        ["General", "General", DATE_FMT, "General"],
        ["General", "General", "General", "General"],
        ["General", "General", "General", "0.00"],
      ],
      merges: [
        { top: 1, left: 1, bottom: 1, right: 4 },
        { top: 3, left: 2, bottom: 4, right: 2 },
      ],
    });
    // Address, first rows and date system first; the merged areas, asked tile by tile over the
    // used range (getMergedAreasOrNullObject needs it known), second: a small ledger is two syncs.
    expect(excel.syncCount).toBe(2);
  });

  it("puts the origin at the used range's top-left and honours maxRows", async () => {
    const excel = new FakeExcel();
    excel.seed("表", "C4", [
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
    const progress: [number, number][] = [];
    const grid = await host(excel).readGrid("表", { maxRows: 2, onProgress: (d, t) => progress.push([d, t]) });
    expect(grid.origin).toEqual({ row: 4, col: 3 });
    expect(grid.values).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(progress).toEqual([[2, 2]]);
  });

  it("reads an empty sheet as an empty grid in one sync", async () => {
    const excel = new FakeExcel();
    excel.addSheet("空");
    const grid = await host(excel).readGrid("空");
    expect(grid).toEqual({ sheet: "空", origin: { row: 1, col: 1 }, values: [], text: [], formats: [], merges: [] });
    expect(excel.syncCount).toBe(1);
  });

  it("uses the 1904 date system when the workbook does", async () => {
    const excel = new FakeExcel({ date1904: true });
    excel.seed("表", "A1", [[{ value: 44376, numberFormat: "yyyy/m/d" }]]);
    const grid = await host(excel).readGrid("表");
    // 44376 days after 1904-01-01 is 2025-06-30 (the same day is 45838 in the 1900 system).
    expect(grid.values).toEqual([[new Date(Date.UTC(2025, 5, 30))]]);
    // And the grid says so, for a deadline that lost its date format (read as a 1904 serial).
    expect(grid.date1904).toBe(true);
    const plain = new FakeExcel();
    plain.seed("表", "A1", [[{ value: 45838, numberFormat: "yyyy/m/d" }]]);
    expect((await host(plain).readGrid("表")).date1904).toBeUndefined();
  });

  it("reads no merges where ExcelApi 1.13 is missing, without calling the API", async () => {
    const excel = ledger("1.12");
    const grid = await host(excel).readGrid("台账");
    expect(grid.merges).toEqual([]);
    expect(grid.values[2]![2]).toEqual(new Date(Date.UTC(2025, 5, 30)));
  });

  it("reads 50,000 rows × 10 columns in ≤ 8 syncs with no payload over 4 MB (UTF-8 bytes)", async () => {
    const excel = new FakeExcel();
    excel.seed(BENCH_SHEET, "A1", benchLedgerRows(50_000));
    const wb = host(excel);
    const grid = await wb.readGrid(BENCH_SHEET);
    expect(grid.values.length).toBe(50_002);
    expect(grid.values[50_001]![0]).toBe(50_000);
    expect(grid.values[2]![6]).toBeInstanceOf(Date);
    expect(excel.syncCount).toBeLessThanOrEqual(8);
    for (const s of excel.syncLog) {
      expect(s.responseBytes).toBeLessThanOrEqual(4_000_000);
      expect(s.requestBytes).toBeLessThanOrEqual(4_000_000);
    }
    expect(wb.stats.read.syncs).toBe(excel.syncCount);
    expect(wb.stats.read.maxResponseBytes).toBeLessThanOrEqual(4_000_000);
  });

  it("past the first rows, reads the formats of number cells alone, a sync later: every cell as a read of both would have it", async () => {
    // Column J mixes what a format can and can't make a date: dated numbers, plain numbers,
    // errors, negative numbers under a date format (never dates), text; sparse runs of numbers.
    const kinds = (i: number): CellSeed =>
      [
        { value: 45_000 + i, numberFormat: "yyyy/m/d", text: "" },
        i,
        "#N/A",
        { value: -5, numberFormat: "yyyy/m/d", text: "-5" },
        `备注${i}`,
        null,
        { value: 0.5, numberFormat: "0%", text: "50%" },
      ][i % 7] as CellSeed;
    const rows = benchLedgerRows(20_000).map((r, i) => (i < 2 ? r : [...r.slice(0, 9), kinds(i)]));
    for (const limit of [undefined, 300_000]) {
      const excel = new FakeExcel(limit ? { payloadLimit: limit } : {});
      excel.seed(BENCH_SHEET, "A1", rows);
      const grid = await host(excel).readGrid(BENCH_SHEET);
      const expected = rows.map((r) =>
        r.map((c) => {
          const seed = c !== null && typeof c === "object" ? c : { value: c, numberFormat: "General" };
          return toCellValue(seed.value ?? "", seed.numberFormat ?? "General", false);
        }),
      );
      expect(grid.values).toEqual(expected);
      expect(grid.text![19_000]![6]).toBe(formatChineseDate(dateToIso(grid.values[19_000]![6] as Date)));
      // Row 20,000 (index 19,999) is a dated number: serial 64,999.
      expect(grid.text![19_999]![9]).toBe("2077/12/15");
      // With a small limit the refused syncs are retried smaller, the formats owed asked again.
      if (!limit) for (const x of excel.syncLog) expect(x.responseBytes).toBeLessThanOrEqual(4_000_000);
      else expect(excel.syncLog.some((x) => x.responseBytes > limit)).toBe(true);
    }
  });

  it("reads a sheet of numbers with their formats in the same sync (asking them later would save nothing)", async () => {
    const rows: CellSeed[][] = Array.from({ length: 60_000 }, (_, i) => [
      i,
      { value: 45_000 + (i % 900), numberFormat: "yyyy/m/d", text: "" },
      i * 0.5,
      { value: i % 100, numberFormat: "0%", text: "" },
    ]);
    const excel = new FakeExcel();
    excel.seed("数", "A1", rows);
    const grid = await host(excel).readGrid("数");
    expect(grid.values[59_999]).toEqual([
      59_999,
      toCellValue(45_000 + (59_999 % 900), "yyyy/m/d", false),
      29_999.5,
      99,
    ]);
    expect(grid.values.every((r) => r[1] instanceof Date)).toBe(true);
    for (const x of excel.syncLog) expect(x.responseBytes).toBeLessThanOrEqual(4_000_000);
  });

  it("halves its reads when Excel refuses a payload as too large", async () => {
    const excel = new FakeExcel({ payloadLimit: 200_000 });
    excel.seed(BENCH_SHEET, "A1", benchLedgerRows(3_000));
    const wb = new ExcelWorkbook(excel.run, excel.hostOptions);
    const grid = await wb.readGrid(BENCH_SHEET);
    expect(grid.values.length).toBe(3_002);
    expect(excel.syncLog.some((s) => s.responseBytes > 200_000)).toBe(true);
  });
});
