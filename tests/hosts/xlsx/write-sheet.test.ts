import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { STATE_SHEET } from "../../../src/core/marks-state.js";
import type { SheetDocument } from "../../../src/core/sheet-document.js";
import { openWorkbookFile } from "../../../src/hosts/xlsx/open.js";
import { load, toBytes } from "./helpers.js";

function bulletin(text: string, name = "整改通报"): SheetDocument {
  return {
    name,
    columnWidths: [80],
    rowHeights: {},
    styles: { body: { font: { name: "仿宋_GB2312", size: 16 } } },
    cells: [{ row: 1, col: 1, value: text, style: "body" }],
    page: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      margins: { top: 1, bottom: 1, left: 1, right: 1, header: 0.5, footer: 0.5 },
    },
    showGridLines: false,
  };
}

async function workbook(sheets: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const name of sheets) wb.addWorksheet(name).getCell("A1").value = `用户的${name}`;
  return toBytes(wb);
}

describe("writeSheet", () => {
  it("never replaces the user's 整改通报 and does replace its own", async () => {
    const book = await openWorkbookFile(await workbook(["台账", "整改通报"]), "a.xlsx");
    expect(await book.writeSheet(bulletin("第一版"))).toBe("整改通报 (2)");
    expect(await book.writeSheet(bulletin("第二版"))).toBe("整改通报 (2)");

    const saved = await load(await book.toBuffer());
    expect(saved.worksheets.map((ws) => ws.name)).toEqual(
      ["台账", "整改通报", "整改通报 (2)", STATE_SHEET].sort(byOrder(saved)),
    );
    expect(saved.getWorksheet("整改通报")!.getCell("A1").value).toBe("用户的整改通报");
    expect(saved.getWorksheet("整改通报 (2)")!.getCell("A1").value).toBe("第二版");
    expect(await book.listSheets()).toEqual([
      { name: "台账", rowCount: 1, generated: false, visible: true },
      { name: "整改通报", rowCount: 1, generated: false, visible: true },
      { name: "整改通报 (2)", rowCount: 1, generated: true, visible: true },
    ]);

    // A later session knows the sheet is ours from the state saved in the file.
    const later = await openWorkbookFile(await book.toBuffer(), "a.xlsx");
    expect(await later.writeSheet(bulletin("第三版"))).toBe("整改通报 (2)");
    const again = await load(await later.toBuffer());
    expect(again.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name)).toEqual([
      "台账",
      "整改通报",
      "整改通报 (2)",
    ]);
    expect(again.getWorksheet("整改通报 (2)")!.getCell("A1").value).toBe("第三版");
  });

  it("skips every user sheet in the way, case-insensitively", async () => {
    const book = await openWorkbookFile(await workbook(["Report", "report (2)"]), "a.xlsx");
    expect(await book.writeSheet(bulletin("x", "REPORT"))).toBe("REPORT (3)");
  });

  it("keeps a replaced sheet where it was in the tab order", async () => {
    const book = await openWorkbookFile(await workbook(["台账"]), "a.xlsx");
    expect(await book.writeSheet(bulletin("旧"))).toBe("整改通报");
    book.workbook.addWorksheet("附表");
    expect(await book.writeSheet(bulletin("新"))).toBe("整改通报");
    const saved = await load(await book.toBuffer());
    expect(saved.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name)).toEqual([
      "台账",
      "整改通报",
      "附表",
    ]);
    expect(saved.getWorksheet("整改通报")!.getCell("A1").value).toBe("新");
    expect(saved.getWorksheet(STATE_SHEET)!.state).toBe("veryHidden");
  });

  it("forgets a generated sheet the clerk deleted, and never names one after the state sheet", async () => {
    const book = await openWorkbookFile(await workbook(["台账"]), "a.xlsx");
    await book.writeSheet(bulletin("x"));
    book.workbook.removeWorksheet("整改通报");
    await book.writeSheet(bulletin("y", "附表"));
    expect(book.marksState.generatedSheets).toEqual(["附表"]);
    expect(await book.writeSheet(bulletin("z", STATE_SHEET))).toBe(`${STATE_SHEET} (2)`);
  });

  it("turns a CSV into an xlsx with the data and the bulletin", async () => {
    const book = await openWorkbookFile(new TextEncoder().encode("序号,问题\n1,问题一\n"), "台账.csv");
    expect(await book.writeSheet(bulletin("通报"))).toBe("整改通报");
    const saved = await load(await book.toBuffer());
    expect(saved.getWorksheet("台账")!.getCell("B2").value).toBe("问题一");
    expect(saved.getWorksheet("整改通报")!.getCell("A1").value).toBe("通报");
  });
});

describe("select", () => {
  it("makes the sheet the active tab, the only selected one, with the cell selected", async () => {
    const book = await openWorkbookFile(await workbook(["台账", "附表"]), "a.xlsx");
    await book.select("附表", "H12");
    const saved = await load(await book.toBuffer());
    expect(saved.views[0]!.activeTab).toBe(1);
    expect(saved.getWorksheet("附表")!.views[0]!.activeCell).toBe("H12");
    // exceljs doesn't read tabSelected back from a file, so look at what it is about to write.
    const view = (ws: string) =>
      book.workbook.getWorksheet(ws)!.views[0] as ExcelJS.WorksheetView & { tabSelected?: boolean };
    expect(view("附表").tabSelected).toBe(true);
    expect(view("台账").tabSelected).toBe(false);
  });

  it("is a no-op for a missing or hidden sheet", async () => {
    const book = await openWorkbookFile(await workbook(["台账"]), "a.xlsx");
    await book.select("没有", "A1");
    await book.writeMarks("台账", [{ row: 1, col: 1, severity: "info", note: "n" }]);
    await book.select(STATE_SHEET, "A1");
    expect(book.workbook.views?.[0]?.activeTab ?? 0).toBe(0);
  });
});

function byOrder(wb: ExcelJS.Workbook) {
  const order = wb.worksheets.map((ws) => ws.name);
  return (a: string, b: string) => order.indexOf(a) - order.indexOf(b);
}

describe("removing the state sheet", () => {
  it("keeps the active tab on the same sheet", async () => {
    const book = await openWorkbookFile(await workbook(["台账"]), "a.xlsx");
    await book.writeMarks("台账", [{ row: 1, col: 1, severity: "error", note: "n" }]);
    // The clerk adds a sheet after ours in Excel and leaves it active.
    const saved = await load(await book.toBuffer());
    saved.addWorksheet("附表");
    saved.views = [{ x: 0, y: 0, width: 10000, height: 20000, visibility: "visible", activeTab: 2, firstSheet: 0 }];
    const later = await openWorkbookFile(await toBytes(saved), "a.xlsx");
    await later.clearMarks("台账");
    const cleared = await load(await later.toBuffer());
    expect(cleared.worksheets.map((ws) => ws.name)).toEqual(["台账", "附表"]);
    expect(cleared.views[0]!.activeTab).toBe(1);
  });
});
