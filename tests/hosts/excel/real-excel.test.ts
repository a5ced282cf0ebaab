import { describe, expect, it } from "vitest";
import { LedgerError } from "../../../src/core/errors.js";
import { STATE_SHEET, encodeState } from "../../../src/core/marks-state.js";
import { ExcelWorkbook } from "../../../src/hosts/excel/excel-workbook.js";
import { MARK_FILLS, type Mark } from "../../../src/hosts/workbook.js";
import { BENCH_SHEET, benchBulletin, benchLedgerRows, benchMarks } from "../../../bench/excel-host.js";
import { FakeExcel, type FakeExcelOptions } from "../../support/excel-fake.js";
import { stateOf } from "./state-of.js";

/**
 * One test per row of issue #9's table (what real Excel does that the host once assumed
 * otherwise). Each fails on the host as it was before the fix; the fake models the behaviour
 * and names its source (tests/support/excel-fake.ts).
 */

const host = (excel: FakeExcel) => new ExcelWorkbook(excel.run, excel.hostOptions);
const ledger = (rows: number, options: FakeExcelOptions = {}) => {
  const excel = new FakeExcel(options);
  excel.seed(BENCH_SHEET, "A1", benchLedgerRows(rows));
  return excel;
};
const mark = (address: string, severity: Mark["severity"], note: string): Mark => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { row: Number(m[2]), col: m[1]!.charCodeAt(0) - 64, severity, note };
};

describe("issue #9: the Excel host against real Excel's behaviour", () => {
  it("row 1: reads more than 512 merged areas, each once, whatever cell of a merge a tile holds", async () => {
    const excel = ledger(1_500);
    // 1,500 vertical merges in column B (B3:B4, B5:B6, …) and one title merge: over 512 in all.
    excel.merge(BENCH_SHEET, "A1:J1");
    for (let r = 3; r + 1 <= 1_502; r += 2) excel.merge(BENCH_SHEET, `B${r}:B${r + 1}`);
    const grid = await host(excel).readGrid(BENCH_SHEET);
    expect(grid.merges.length).toBe(1 + 750);
    expect(grid.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 10 });
    expect(grid.merges).toContainEqual({ top: 1_501, left: 2, bottom: 1_502, right: 2 });
    expect(new Set(grid.merges.map((m) => `${m.top},${m.left}`)).size).toBe(grid.merges.length);
  });

  it("row 2/12: keeps its state off the sheets, so clearing never deletes a (very hidden) sheet", async () => {
    const excel = ledger(20);
    const wb = host(excel);
    await wb.writeMarks(BENCH_SHEET, [mark("E5", "error", "甲")]);
    await wb.clearMarks(BENCH_SHEET);
    await wb.writeMarks(BENCH_SHEET, []);
    expect(excel.findSheet(STATE_SHEET)).toBeUndefined();
    expect(excel.undoWipes).toBe(0);
  });

  it("row 2: reads a state sheet the CLI left (very hidden) and clears without deleting it", async () => {
    const excel = ledger(20);
    excel.cell(BENCH_SHEET, "E5")!.fill = { color: `#${MARK_FILLS.error}`, pattern: "Solid" };
    const legacy = excel.addSheet(STATE_SHEET, "VeryHidden");
    const chunks = encodeState({
      version: 1,
      generatedSheets: [],
      marks: { [BENCH_SHEET]: { E5: { fill: null, note: null, raw: { m: MARK_FILLS.error } } } },
    });
    excel.seed(
      STATE_SHEET,
      "A1",
      chunks.map((c) => [{ value: c, numberFormat: "@" }]),
    );
    await host(excel).clearMarks(BENCH_SHEET);
    expect(excel.fillOf(BENCH_SHEET, "E5")).toBeNull();
    expect(legacy.deleted).toBe(false);
    expect(excel.undoWipes).toBe(0);
  });

  it("row 3: marks 10,000 cells with no request or response over 4 MB", async () => {
    const excel = ledger(10_000);
    await host(excel).writeMarks(BENCH_SHEET, benchMarks(10_000, 10_000));
    for (const s of excel.syncLog) {
      expect(s.requestBytes).toBeLessThan(4_000_000);
      expect(s.responseBytes).toBeLessThan(4_000_000);
    }
    expect(excel.fillOf(BENCH_SHEET, "E10002")).toBe(MARK_FILLS.error);
  });

  it("row 4: marks without notes where the JS library has no notes API, whatever isSetSupported says", async () => {
    const excel = ledger(20, { library: "npm" });
    expect(excel.isSetSupported("ExcelApi", "1.18")).toBe(true);
    const wb = host(excel);
    expect(wb.capabilities.notes).toBe(false);
    await wb.writeMarks(BENCH_SHEET, [mark("E5", "error", "甲")]);
    expect(excel.fillOf(BENCH_SHEET, "E5")).toBe(MARK_FILLS.error);
    expect(excel.sheet(BENCH_SHEET).notes.size).toBe(0);
    await wb.clearMarks(BENCH_SHEET);
    expect(excel.fillOf(BENCH_SHEET, "E5")).toBeNull();
  });

  it("row 6: clearing gives no fill back as no fill, not solid white (gridlines stay)", async () => {
    const excel = ledger(20);
    excel.cell(BENCH_SHEET, "E6")!.fill = { color: "#FFFFFF", pattern: "Solid" };
    const wb = host(excel);
    await wb.writeMarks(BENCH_SHEET, [mark("E5", "error", "甲"), mark("E6", "error", "乙")]);
    await wb.clearMarks(BENCH_SHEET);
    expect(excel.cell(BENCH_SHEET, "E5")!.fill).toBeUndefined();
    expect(excel.fillOf(BENCH_SHEET, "E6")).toBe("FFFFFF");
  });

  it("row 7: after the clerk inserts a row, clearing follows the marks and leaves the clerk's later fill", async () => {
    const excel = ledger(20);
    const wb = host(excel);
    await wb.writeMarks(BENCH_SHEET, [mark("E5", "error", "时限已过"), mark("E8", "warning", "即将到期")]);
    excel.insertRows(BENCH_SHEET, 4); // E5 → E6, E8 → E9
    excel.cell(BENCH_SHEET, "E9")!.fill = { color: "#00B050", pattern: "Solid" }; // the clerk's own green
    excel.sheet(BENCH_SHEET).notes.set("E5", "用户的批注");
    excel.cell(BENCH_SHEET, "E5")!.fill = { color: `#${MARK_FILLS.error}`, pattern: "Solid" };
    await host(excel).clearMarks(BENCH_SHEET);
    // Our mark moved with its row and is gone from there; the clerk's cells are untouched.
    expect(excel.fillOf(BENCH_SHEET, "E6")).toBeNull();
    expect(excel.sheet(BENCH_SHEET).notes.has("E6")).toBe(false);
    expect(excel.fillOf(BENCH_SHEET, "E9")).toBe("00B050");
    expect(excel.sheet(BENCH_SHEET).notes.has("E9")).toBe(false);
    expect(excel.sheet(BENCH_SHEET).notes.get("E5")).toBe("用户的批注");
    expect(excel.fillOf(BENCH_SHEET, "E5")).toBe(MARK_FILLS.error);
  });

  it("row 8: shows Office.js's short date (m/d/yyyy) as the clerk's Excel does, 2025/6/30", async () => {
    const excel = new FakeExcel();
    excel.seed("表", "A1", [["时限"], [{ value: 45838, numberFormat: "m/d/yyyy" }]]);
    const grid = await host(excel).readGrid("表");
    expect(grid.text?.[1]?.[0]).toBe("2025/6/30");
  });

  it("row 9: fits the bulletin to the page width with a scale Excel applies from an add-in", async () => {
    const excel = ledger(5);
    const doc = benchBulletin(3);
    doc.columnWidths = [30, 30, 30, 30, 30, 30]; // wider than A4 portrait
    const name = await host(excel).writeSheet(doc);
    const zoom = excel.sheet(name).pageLayout.zoom as { scale: number };
    expect(zoom.scale).toBeGreaterThanOrEqual(10);
    expect(zoom.scale).toBeLessThan(100);
    const points = doc.columnWidths.reduce((a, w) => a + (w * 7 + 5) * 0.75, 0);
    expect((points * zoom.scale) / 100).toBeLessThanOrEqual(595.28 - (0.8 + 0.8) * 72);
  });

  it("row 10: waits while the clerk edits a cell instead of failing", async () => {
    const excel = ledger(5);
    excel.cellEditMode = true;
    const reading = host(excel).readGrid(BENCH_SHEET);
    await new Promise((r) => setTimeout(r, 5));
    excel.cellEditMode = false;
    expect((await reading).values.length).toBe(7);
  });

  it("row 11: turns Excel's error codes into the clerk's messages, keeping the original as cause", async () => {
    const excel = ledger(5, { api: "1.10" }); // no delayForCellEdit: the edit mode error surfaces
    excel.cellEditMode = true;
    const e = await host(excel)
      .readGrid(BENCH_SHEET)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LedgerError);
    expect((e as LedgerError).code).toBe("excel-cell-editing");
    expect((e as LedgerError).text.zh).toMatch(/编辑/);
    expect(((e as LedgerError).cause as { code: string }).code).toBe("InvalidOperationInCellEditMode");

    const locked = ledger(5);
    locked.sheet(BENCH_SHEET).protected = true;
    const p = await host(locked)
      .writeMarks(BENCH_SHEET, [mark("E5", "error", "甲")])
      .catch((x: unknown) => x);
    expect((p as LedgerError).code).toBe("excel-protected");
    expect(locked.cell(BENCH_SHEET, "E5")!.fill).toBeUndefined();
  });

  it("row 12: rewrites its bulletin in place: no sheet deleted, renamed, moved or hidden", async () => {
    const excel = ledger(5);
    const wb = host(excel);
    const first = await wb.writeSheet(benchBulletin(3));
    excel.addSheet("后来的表");
    const again = await wb.writeSheet(benchBulletin(5));
    expect(again).toBe(first);
    expect(excel.undoWipes).toBe(0);
    expect(excel.sheets.map((s) => s.name)).toEqual([BENCH_SHEET, first, "后来的表"]);
    expect(excel.cell(first, "A6")?.value).toMatch(/5\./);
    expect((await stateOf(excel)).generatedSheets).toEqual([first]);
  });

  it("row 14: keeps the borders between merged areas and the fills of merged cells on the web", async () => {
    const excel = ledger(5, { platform: "web" });
    const doc = benchBulletin(2);
    doc.styles.body!.border = true;
    doc.styles.title!.fill = "D9D9D9";
    doc.styles.title!.border = true;
    const name = await host(excel).writeSheet(doc);
    // A1:F1 (title) over A2:F2 (paragraph 1): the line between them.
    const a1 = excel.cell(name, "A1")!.borders ?? {};
    const a2 = excel.cell(name, "A2")!.borders ?? {};
    expect(a1.bottom ?? a2.top).toBe("Continuous");
    expect(excel.fillOf(name, "A1")).toBe("D9D9D9");
  });
});
