import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { textAt } from "../../../src/core/grid.js";
import { cellsOf, formatDate, readGrid, toCellValue } from "../../support/exceljs/read-grid.js";
import { roundTrip, sampleLedger } from "./helpers.js";

const D0630 = new Date(Date.UTC(2025, 5, 30));

describe("readGrid", () => {
  it("reads a ledger saved to .xlsx and loaded back", async () => {
    const wb = await roundTrip(sampleLedger());
    const grid = readGrid(wb.getWorksheet("台账")!);
    expect(grid.sheet).toBe("台账");
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.values).toEqual([
      // Rows end at their last value: a merged title's slave cells add nothing.
      ["区委第二巡察组反馈意见整改落实台账"],
      ["填报单位：区教委  填报时间：2025年6月30日"],
      ["序号", "反馈问题", "整改措施", "完成时限", "整改进展"],
      [1, "问题一", "措施甲", D0630, "已完成"],
      [null, null, "措施乙", { error: "#N/A" }, "进行中"],
    ]);
    expect(grid.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 5 },
      { top: 2, left: 1, bottom: 2, right: 5 },
      { top: 4, left: 1, bottom: 5, right: 1 },
      { top: 4, left: 2, bottom: 5, right: 2 },
    ]);
    // Display text and formats only where they differ from the value: the date.
    expect(grid.text![3]![3]).toBe("2025年6月30日");
    expect(grid.formats![3]![3]).toBe('yyyy"年"m"月"d"日"');
    expect(grid.text![3]![0]).toBeUndefined();
    expect(grid.text![0]).toBeUndefined();
    expect(textAt(grid, 4, 4)).toBe("2025年6月30日");
    expect(textAt(grid, 4, 2)).toBe("问题一");
  });

  it("gives a formula's cached result, dates included", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { formula: "1+1", result: 2 };
    ws.getCell("B1").value = { formula: "DATE(2025,6,30)", result: 45838 };
    ws.getCell("B1").numFmt = "yyyy-mm-dd";
    ws.getCell("C1").value = { formula: '"a"&"b"', result: "ab" };
    ws.getCell("D1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellValue;
    ws.getCell("E1").value = { formula: "TRUE()", result: true } as ExcelJS.CellValue;
    ws.getCell("F1").value = false;
    const grid = readGrid((await roundTrip(wb)).getWorksheet("S")!);
    expect(grid.values).toEqual([[2, D0630, "ab", { error: "#DIV/0!" }, true, false]]);
    expect(grid.text![0]![1]).toBe("2025-06-30");
    expect(grid.text![0]!.filter((t) => t !== undefined)).toEqual(["2025-06-30"]);
  });

  it("keeps empty rows in the middle, drops formatted empties at the ends", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("B1").value = "x";
    ws.getCell("D1").numFmt = "0.00"; // formatted, empty: not part of the row
    ws.getCell("A3").value = 3;
    ws.getCell("A6").numFmt = "@"; // formatted row below the table
    const grid = readGrid(ws);
    expect(grid.values).toEqual([[null, "x"], [], [3]]);
    expect(grid.text).toEqual([]);
    expect(grid.formats).toEqual([]);
  });

  it("respects maxRows and cuts merges at the last row read", async () => {
    const wb = await roundTrip(sampleLedger());
    const grid = readGrid(wb.getWorksheet("台账")!, { maxRows: 4 });
    expect(grid.values.length).toBe(4);
    expect(grid.values[3]).toEqual([1, "问题一", "措施甲", D0630, "已完成"]);
    expect(grid.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 5 },
      { top: 2, left: 1, bottom: 2, right: 5 },
      { top: 4, left: 1, bottom: 4, right: 1 },
      { top: 4, left: 2, bottom: 4, right: 2 },
    ]);
    expect(readGrid(wb.getWorksheet("台账")!, { maxRows: 2 }).merges.length).toBe(2);
  });

  it("reports progress", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (let r = 1; r <= 12000; r++) ws.getCell(r, 1).value = r;
    const calls: [number, number][] = [];
    readGrid(ws, { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls).toEqual([
      [5000, 12000],
      [10000, 12000],
      [12000, 12000],
    ]);
  });

  // Its speed is npm run bench's to print (the exceljs read row), never a timed assertion here.
  it("reads 50,000 rows × 10 columns, the last row whole", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Big");
    for (let r = 1; r <= 50000; r++) {
      ws.addRow([
        r,
        `问题${r}`,
        `措施${r}`,
        "责任领导",
        "办公室",
        new Date(Date.UTC(2025, 5, 30)),
        "已完成",
        "材料",
        "",
        r * 2,
      ]);
    }
    ws.getColumn(6).numFmt = "yyyy/m/d";
    const grid = readGrid(ws);
    expect(grid.values.length).toBe(50000);
    expect(grid.values[49999]).toEqual([
      50000,
      "问题50000",
      "措施50000",
      "责任领导",
      "办公室",
      D0630,
      "已完成",
      "材料",
      "",
      100000,
    ]);
  });
});

describe("toCellValue", () => {
  it("translates every exceljs value shape", () => {
    expect(toCellValue(undefined)).toBe(null);
    expect(toCellValue("a")).toBe("a");
    expect(toCellValue({ richText: [{ text: "责任" }, { text: "\n领导" }] })).toBe("责任\n领导");
    expect(toCellValue({ text: { richText: [{ text: "链" }, { text: "接" }] }, hyperlink: "x" })).toBe("链接");
    expect(toCellValue({ sharedFormula: "A1", result: 5 })).toBe(5);
    expect(toCellValue({ formula: "A1" })).toBe(null);
    expect(toCellValue({ error: "#REF!" })).toEqual({ error: "#REF!" });
    expect(toCellValue(new Date(Number.NaN))).toEqual({ error: "#ERROR" });
  });
});

describe("formatDate", () => {
  const d = new Date(Date.UTC(2025, 6, 1, 14, 5, 9));
  it("renders the date formats ledgers use", () => {
    expect(formatDate(d, 'yyyy"年"m"月"d"日"')).toBe("2025年7月1日");
    expect(formatDate(d, "[$-804]yyyy年m月d日;@")).toBe("2025年7月1日");
    expect(formatDate(d, "yyyy/m/d")).toBe("2025/7/1");
    expect(formatDate(d, "mm-dd-yy")).toBe("2025/7/1");
    expect(formatDate(d, "yyyy-mm-dd hh:mm:ss")).toBe("2025-07-01 14:05:09");
    expect(formatDate(d, "yyyy\\.m\\.d")).toBe("2025.7.1");
    expect(formatDate(d, "h:mm AM/PM")).toBe("2:05 PM");
    expect(formatDate(d, "d-mmm-yy")).toBe("1-Jul-25");
    expect(formatDate(d, "yyyy年m月d日 aaaa")).toBe("2025年7月1日 星期二");
  });
  it("gives up (empty) on formats that are not dates", () => {
    expect(formatDate(d, "General")).toBe("");
    expect(formatDate(d, "0.00")).toBe("");
    expect(formatDate(d, "[h]:mm:ss")).toBe("");
  });
});

describe("error results in date-formatted cells", () => {
  it("stay error cells (exceljs loads them as Invalid Date)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("s");
    ws.getCell("A1").value = { formula: "NA()", result: { error: "#N/A" } } as unknown as ExcelJS.CellValue;
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
    expect(readGrid(back.worksheets[0]!).values[0]![0]).toEqual({ error: "#ERROR" });
  });
});

describe("cellsOf", () => {
  it("gives a row's cells by column, from exceljs's array or else through eachCell", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("S");
    ws.getCell("A1").value = "a";
    ws.getCell("C1").value = 3;
    const row = ws.getRow(1);
    expect(cellsOf(row).map((c) => c?.value)).toEqual(["a", undefined, 3]);
    // Without the internal array (another exceljs version), the public API gives the same.
    const publicOnly = { eachCell: row.eachCell.bind(row) } as unknown as ExcelJS.Row;
    expect(cellsOf(publicOnly).map((c) => c?.value)).toEqual(["a", undefined, 3]);
  });
});

describe("readGrid's merges", () => {
  it("come from the public model when exceljs's internal map is not there", async () => {
    const ws = (await roundTrip(sampleLedger())).getWorksheet("台账")!;
    const internal = readGrid(ws).merges;
    // The same sheet without `_merges` (another exceljs version): only the public API is left.
    const publicOnly = {
      name: ws.name,
      rowCount: ws.rowCount,
      findRow: ws.findRow.bind(ws),
      model: { merges: ws.model.merges },
    } as unknown as ExcelJS.Worksheet;
    expect(internal.length).toBeGreaterThan(0);
    expect(readGrid(publicOnly).merges).toEqual(internal);
  });
});
