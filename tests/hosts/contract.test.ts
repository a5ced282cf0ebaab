import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkWorkbook, markWorkbook } from "../../src/app/check-workbook.js";
import { makeConfig } from "../../src/core/config.js";
import { cellAddress, gridColCount, isErrorValue, type Grid } from "../../src/core/grid.js";
import type { Report } from "../../src/core/report.js";
import { ExcelWorkbook } from "../../src/hosts/excel/excel-workbook.js";
import { FakeExcel, type CellSeed } from "../support/excel-fake.js";
import { openWorkbookFile } from "../../src/hosts/xlsx/open.js";
import { readGrid } from "../support/exceljs/read-grid.js";

/**
 * The contract both hosts keep: the same ledger in, the same findings out, the same notes on the
 * marked cells (core/marks.ts: the clerk's note kept on top, ours below it), and clearing the marks
 * puts every fill and note back. The Excel side is the sample ledger copied cell by cell into the fake Excel
 * the way Excel holds it (dates as serial numbers with their format, errors as their text).
 */

const SAMPLE = new URL("../../samples/sample-ledger.xlsx", import.meta.url);
const USER_FILLS: Record<string, string> = { C6: "E2EFDA", J15: "FFFF00", B12: "D9D9D9" };
/** The clerk's own notes: on a flagged cell (H9, overdue) and on one we never mark. */
const USER_NOTES: Record<string, string> = { H9: "原定6月15日，已电话催办", B5: "核对原始台账" };

function exceljsNote(cell: ExcelJS.Cell): string | null {
  const note = cell.note as unknown;
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  return ((note as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
}
const config = makeConfig({ today: "2025-07-01" });

function toSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function seedsOf(grid: Grid, fillAt: (address: string) => string | null): CellSeed[][] {
  // Rows of a Grid end at their last value; a fill can sit further right.
  const width = gridColCount(grid);
  return grid.values.map((row, r) =>
    Array.from({ length: width }, (_, c) => row[c] ?? null).map((v, c): CellSeed => {
      const address = cellAddress(grid.origin.row + r, grid.origin.col + c);
      const fill = fillAt(address) ?? undefined;
      const fmt = grid.formats?.[r]?.[c] ?? "General";
      if (v === null) return fill ? { value: "", fill } : null;
      if (v instanceof Date) return { value: toSerial(v), numberFormat: fmt, ...(fill ? { fill } : {}) };
      const value = isErrorValue(v) ? v.error : v;
      return fill || fmt !== "General" ? { value, numberFormat: fmt, ...(fill ? { fill } : {}) } : value;
    }),
  );
}

function contract(report: Report) {
  return {
    sheet: report.sheet,
    headerRow: report.headerRow,
    columns: report.columns,
    findings: report.findings.map((f) => ({ ...f })),
    summary: report.summary,
    notices: report.notices,
  };
}

describe("the .xlsx host and the Office.js host keep the same contract", () => {
  it("same ledger in, same report out; clear marks restores every fill", async () => {
    // The clerk's own fills, put in with exceljs (an independent writer), then the file as the .xlsx host opens it.
    const seeded = new ExcelJS.Workbook();
    await seeded.xlsx.load(readFileSync(SAMPLE) as unknown as ExcelJS.Buffer);
    const exceljsSheet = seeded.worksheets.find((w) => w.state !== "veryHidden")!;
    for (const [address, fill] of Object.entries(USER_FILLS)) {
      // A style of its own: exceljs shares one style object among alike cells of a loaded file.
      const cell = exceljsSheet.getCell(address);
      cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill}` } } };
    }
    for (const [address, note] of Object.entries(USER_NOTES)) exceljsSheet.getCell(address).note = note;
    const bytes = new Uint8Array((await seeded.xlsx.writeBuffer()) as ArrayBuffer);
    const xlsx = await openWorkbookFile(bytes, "sample-ledger.xlsx");
    const grid = readGrid(exceljsSheet);
    /** The fills of the .xlsx host's copy as it stands, read back by exceljs. */
    const copySheet = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await xlsx.toBuffer()) as unknown as ExcelJS.Buffer);
      return wb.getWorksheet(grid.sheet)!;
    };
    let sheetNow = exceljsSheet;
    const xlsxFill = (a: string): string | null => {
      const f = sheetNow.getCell(a).fill as ExcelJS.FillPattern | undefined;
      return f && f.pattern === "solid" ? (f.fgColor?.argb ?? "").slice(-6).toUpperCase() : null;
    };

    const excel = new FakeExcel();
    excel.seed(grid.sheet, cellAddress(grid.origin.row, grid.origin.col), seedsOf(grid, xlsxFill));
    for (const m of grid.merges)
      excel.merge(grid.sheet, `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`);
    for (const [address, note] of Object.entries(USER_NOTES)) excel.sheet(grid.sheet).notes.set(address, note);
    const excelNote = (a: string): string | null => excel.sheet(grid.sheet).notes.get(a) ?? null;
    const office = new ExcelWorkbook(excel.run, excel.hostOptions);

    const fromXlsx = await checkWorkbook(xlsx, config);
    const fromExcel = await checkWorkbook(office, config);
    expect(fromExcel.report.findings.length).toBeGreaterThan(10);
    expect(contract(fromExcel.report)).toEqual(contract(fromXlsx.report));

    // Marks: both hosts fill the same cells, then restore every original fill.
    const flagged = [...new Set(fromExcel.report.findings.map((f) => f.cell))];
    const watched = [...new Set([...flagged, ...Object.keys(USER_FILLS)])];
    const before = new Map(watched.map((a) => [a, excel.fillOf(grid.sheet, a)]));
    expect(watched.map(xlsxFill)).toEqual(watched.map((a) => before.get(a)));
    await markWorkbook(office, fromExcel);
    await markWorkbook(xlsx, fromXlsx);
    for (const cell of flagged) expect(excel.fillOf(grid.sheet, cell)).not.toBe(before.get(cell));

    sheetNow = await copySheet();
    for (const cell of flagged) expect(xlsxFill(cell)).toBe(excel.fillOf(grid.sheet, cell));
    // Notes written one way: the same text in both hosts, the clerk's own on top.
    expect(flagged).toContain("H9");
    for (const cell of flagged) expect(exceljsNote(sheetNow.getCell(cell)), cell).toBe(excelNote(cell));
    expect(excelNote("H9")?.startsWith(`${USER_NOTES.H9}\n【整改台账校验】`)).toBe(true);

    await office.clearMarks(grid.sheet);
    await xlsx.clearMarks(grid.sheet);
    sheetNow = await copySheet();
    for (const a of watched) {
      expect(excel.fillOf(grid.sheet, a)).toBe(before.get(a));
      expect(xlsxFill(a)).toBe(before.get(a));
    }
    for (const a of [...watched, ...Object.keys(USER_NOTES)]) {
      expect(excelNote(a), a).toBe(USER_NOTES[a] ?? null);
      expect(exceljsNote(sheetNow.getCell(a)), a).toBe(USER_NOTES[a] ?? null);
    }
  }, 60_000);
});
