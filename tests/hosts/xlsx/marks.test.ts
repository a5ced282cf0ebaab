import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { STATE_SHEET } from "../../../src/core/marks-state.js";
import { openWorkbookFile } from "../../../src/hosts/xlsx/open.js";
import { readGrid } from "../../../src/hosts/xlsx/read-grid.js";
import type { Mark } from "../../../src/hosts/workbook.js";
import { load, sampleLedger, toBytes } from "./helpers.js";

/** Value, fill and note of every cell in the sheet, as saved in the file. */
function snapshot(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let r = 1; r <= 6; r++) {
    for (let c = 1; c <= 6; c++) {
      const cell = ws.getCell(r, c);
      out[cell.address] = { value: cell.value ?? null, fill: cell.style.fill ?? null, note: cell.note ?? null };
    }
  }
  return out;
}

/** The sample ledger with a clerk's own fills and notes on some cells. */
async function clerkLedger(): Promise<Uint8Array> {
  const wb = sampleLedger();
  const ws = wb.getWorksheet("台账")!;
  ws.getCell("C4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("C4").note = "请核实措施";
  ws.getCell("E4").note = { texts: [{ text: "张三:", font: { bold: true, size: 9 } }, { text: "\n已督办" }] };
  // A theme colour with a tint: not an RGB fill, must still come back exactly.
  ws.getCell("B4").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4, tint: 0.6 } } as ExcelJS.Fill;
  // D3 and E3 share one style in the saved file; marking E3 must not repaint D3.
  ws.getCell("D3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  ws.getCell("E3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  return toBytes(wb);
}

const MARKS: Mark[] = [
  { row: 4, col: 3, severity: "warning", note: "措施仅为开会发文" },
  { row: 4, col: 3, severity: "error", note: "缺少佐证材料" },
  { row: 4, col: 4, severity: "warning", note: "距完成时限还有5天" },
  { row: 4, col: 5, severity: "info", note: "已完成但无佐证" },
  { row: 4, col: 2, severity: "error", note: "问题重复" },
  { row: 3, col: 5, severity: "info", note: "表头提示" },
  { row: 6, col: 6, severity: "error", note: "空白单元格" },
];

describe("marks on an .xlsx file", () => {
  it("writes fills and notes, keeps values, and clearMarks restores the originals exactly", async () => {
    const original = await clerkLedger();
    const before = snapshot((await load(original)).getWorksheet("台账")!);
    const gridBefore = readGrid((await load(original)).getWorksheet("台账")!);

    const book = await openWorkbookFile(original, "台账.xlsx");
    await book.writeMarks("台账", MARKS);
    const marked = await load(await book.toBuffer());
    const ws = marked.getWorksheet("台账")!;

    expect(ws.getCell("C4").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    expect(ws.getCell("C4").note).toBe("请核实措施\nledger-check: 措施仅为开会发文\n缺少佐证材料");
    expect(ws.getCell("D4").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } });
    expect(ws.getCell("D4").note).toBe("ledger-check: 距完成时限还有5天");
    expect(ws.getCell("E4").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect((ws.getCell("E4").note as ExcelJS.Comment).texts).toEqual([
      { text: "张三:", font: { bold: true, size: 9 } },
      { text: "\n已督办" },
      { text: "\nledger-check: 已完成但无佐证" },
    ]);
    expect(ws.getCell("F6").note).toBe("ledger-check: 空白单元格");
    expect(ws.getCell("D3").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } });
    expect(readGrid(ws)).toEqual(gridBefore);

    const state = marked.getWorksheet(STATE_SHEET)!;
    expect(state.state).toBe("veryHidden");
    expect(String(state.getCell("A1").value).startsWith('{"version":1')).toBe(true);

    // A later session: reopen the saved file and clear.
    const again = await openWorkbookFile(await book.toBuffer(), "台账.checked.xlsx");
    expect((await again.listSheets()).map((s) => s.name)).toEqual(["台账"]);
    expect(Object.keys(again.marksState.marks["台账"]!).sort()).toEqual(["B4", "C4", "D4", "E3", "E4", "F6"]);
    expect(again.marksState.marks["台账"]!["C4"]).toEqual({
      fill: "FFFF00",
      note: "请核实措施",
      raw: { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } },
    });
    await again.clearMarks("台账");
    const cleared = await load(await again.toBuffer());
    expect(snapshot(cleared.getWorksheet("台账")!)).toEqual(before);
    expect(cleared.getWorksheet(STATE_SHEET)).toBeUndefined();
    expect(again.marksState.marks).toEqual({});
  });

  it("replaces earlier marks of the sheet instead of stacking them", async () => {
    const original = await clerkLedger();
    const before = snapshot((await load(original)).getWorksheet("台账")!);
    const book = await openWorkbookFile(original, "台账.xlsx");
    await book.writeMarks("台账", MARKS);
    await book.writeMarks("台账", [{ row: 4, col: 3, severity: "info", note: "第二次" }]);
    const ws = (await load(await book.toBuffer())).getWorksheet("台账")!;
    expect(ws.getCell("C4").note).toBe("请核实措施\nledger-check: 第二次");
    expect(ws.getCell("C4").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("D4").note).toBeUndefined();
    expect(Object.keys(book.marksState.marks["台账"]!)).toEqual(["C4"]);

    await book.writeMarks("台账", []);
    expect(book.marksState.marks).toEqual({});
    expect(snapshot((await load(await book.toBuffer())).getWorksheet("台账")!)).toEqual(before);
  });

  it("clearMarks without marks is a no-op", async () => {
    const book = await openWorkbookFile(await clerkLedger(), "台账.xlsx");
    await book.clearMarks("台账");
    await book.clearMarks("没有这张表");
    expect(book.marksState).toEqual({ version: 1, generatedSheets: [], marks: {} });
  });

  it("marks a CSV by turning it into an xlsx, values kept as text", async () => {
    const csv = new TextEncoder().encode("序号,整改进展\n001,已完成\n");
    const book = await openWorkbookFile(csv, "D:\\台账\\二组台账.csv");
    expect(book.source).toBe("csv");
    expect(await book.listSheets()).toEqual([{ name: "二组台账", rowCount: 2, generated: false, visible: true }]);
    await book.writeMarks("二组台账", [{ row: 2, col: 2, severity: "warning", note: "无佐证" }]);
    const wb = await load(await book.toBuffer());
    const ws = wb.getWorksheet("二组台账")!;
    expect(readGrid(ws).values).toEqual([
      ["序号", "整改进展"],
      ["001", "已完成"],
    ]);
    expect(ws.getCell("B2").note).toBe("ledger-check: 无佐证");
    expect((await book.readGrid("二组台账")).values[1]).toEqual(["001", "已完成"]);
  });

  it("refuses to mark a sheet that does not exist", async () => {
    const book = await openWorkbookFile(await clerkLedger(), "台账.xlsx");
    await expect(book.writeMarks("Sheet9", MARKS)).rejects.toThrow('no sheet named "Sheet9"');
    await expect(book.writeMarks(STATE_SHEET, MARKS)).rejects.toThrow();
  });
});

describe("marks state written by the Office.js host", () => {
  it("restores its colours and leaves notes it could not read alone", async () => {
    const wb = sampleLedger();
    const ws = wb.getWorksheet("台账")!;
    // As Excel left the file: our fill on C4 and D4, the clerk's note on D4 that Office.js could not read.
    ws.getCell("C4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    ws.getCell("C4").note = "原批注\nledger-check: 缺少佐证材料";
    ws.getCell("D4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFEB9C" } };
    ws.getCell("D4").note = "用户批注";
    const state = wb.addWorksheet(STATE_SHEET, { state: "veryHidden" });
    state.getCell("A1").value = JSON.stringify({
      version: 1,
      generatedSheets: [],
      marks: {
        台账: {
          C4: { fill: "00B050", note: "原批注" },
          D4: { fill: null, note: null, raw: { noteUnknown: true } },
        },
      },
    });
    const book = await openWorkbookFile(await toBytes(wb), "台账.xlsx");
    await book.clearMarks("台账");
    const cleared = (await load(await book.toBuffer())).getWorksheet("台账")!;
    expect(cleared.getCell("C4").fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } });
    expect(cleared.getCell("C4").note).toBe("原批注");
    expect(cleared.getCell("D4").fill).toEqual({ type: "pattern", pattern: "none" }); // no fill, as exceljs reads it
    expect(cleared.getCell("D4").note).toBe("用户批注");
  });
});
