import { describe, expect, it } from "vitest";
import type { SheetDocument } from "../../../src/core/sheet-document.js";
import { ExcelWorkbook, footerSections } from "../../../src/hosts/excel/excel-workbook.js";
import { chooseSheetName } from "../../../src/core/sheet-names.js";
import { benchBulletin } from "../../../bench/excel-host.js";
import { FakeExcel } from "../../support/excel-fake.js";
import { stateOf } from "./state-of.js";
import { buildBulletin } from "../../../src/core/bulletin/build.js";
import { layoutBulletin } from "../../../src/core/bulletin/layout.js";
import { sampleLedger, sampleReport } from "../../bulletin/fixtures.js";

const host = (excel: FakeExcel) => new ExcelWorkbook(excel.run, excel.hostOptions);

function doc(): SheetDocument {
  return {
    name: "整改通报",
    columnWidths: [10, 20],
    rowHeights: { 1: 36 },
    styles: {
      title: { font: { name: "方正小标宋简体", fallbacks: ["黑体"], size: 22, bold: true }, horizontal: "center" },
      cell: { font: { name: "仿宋_GB2312", size: 16 }, border: true, wrap: true, vertical: "middle" },
      num: { font: { name: "仿宋_GB2312", size: 16 }, numberFormat: "0.0%" },
    },
    cells: [
      { row: 1, col: 1, value: "关于整改进展情况的通报", style: "title", colSpan: 2 },
      { row: 2, col: 1, value: "=SUM(A1)", style: "cell" },
      { row: 2, col: 2, value: "-5", style: "cell" },
      { row: 3, col: 1, value: "+86 10 1234", style: "cell" },
      { row: 3, col: 2, value: "@全体", style: "cell" },
      { row: 4, col: 1, value: 0.875, style: "num" },
      { row: 4, col: 2, value: 12, style: "cell" },
    ],
    page: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      margins: { top: 1, bottom: 1, left: 0.75, right: 0.75, header: 0.3, footer: 0.3 },
      horizontallyCentered: true,
      footer: "&C第 &P 页",
    },
    showGridLines: false,
  };
}

function userWorkbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.seed("台账", "A1", [
    ["序号", "问题"],
    [1, "问题一"],
  ]);
  excel.seed("整改通报", "A1", [["用户自己的通报"]]);
  return excel;
}

describe("ExcelWorkbook.writeSheet", () => {
  it("never replaces a user's sheet, and replaces its own in place", async () => {
    const excel = userWorkbook();
    const wb = host(excel);
    expect(await wb.writeSheet(doc())).toBe("整改通报 (2)");
    expect(excel.cell("整改通报", "A1")?.value).toBe("用户自己的通报");
    expect(excel.activeSheet).toBe("整改通报 (2)");

    excel.addSheet("后来的表");
    const start = excel.syncCount;
    expect(await wb.writeSheet(doc())).toBe("整改通报 (2)");
    expect(excel.syncCount - start).toBe(2); // names and state ids · everything else (the state is cached)
    expect(excel.cell("整改通报", "A1")?.value).toBe("用户自己的通报");
    const visible = excel.sheets.filter((s) => !s.deleted && s.visibility === "Visible").map((s) => s.name);
    expect(visible).toEqual(["台账", "整改通报", "整改通报 (2)", "后来的表"]);
  });

  it("keeps strings that start with = + - @ as text, numbers as numbers", async () => {
    const excel = userWorkbook();
    const name = await host(excel).writeSheet(doc());
    for (const [addr, text] of [
      ["A2", "=SUM(A1)"],
      ["B2", "-5"],
      ["A3", "+86 10 1234"],
      ["B3", "@全体"],
    ] as const) {
      expect(excel.cell(name, addr)).toMatchObject({ value: text, numberFormat: "@" });
      expect(excel.cell(name, addr)?.formula).toBeUndefined();
    }
    expect(excel.cell(name, "A4")).toMatchObject({ value: 0.875, numberFormat: "0.0%" });
    expect(excel.cell(name, "B4")).toMatchObject({ value: 12, numberFormat: "General" });
  });

  it("writes merges, styles, sizes and the page setup", async () => {
    const excel = userWorkbook();
    const name = await host(excel).writeSheet(doc());
    const s = excel.sheet(name);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
    expect(excel.cell(name, "B1")?.font).toEqual({ name: "方正小标宋简体", size: 22, bold: true });
    expect(excel.cell(name, "A1")?.horizontalAlignment).toBe("Center");
    expect(excel.cell(name, "A2")).toMatchObject({ wrapText: true, verticalAlignment: "Center" });
    expect(excel.cell(name, "A2")?.borders).toEqual({
      top: "Continuous",
      bottom: "Continuous",
      left: "Continuous",
      right: "Continuous",
    });
    expect([...s.columnWidths]).toEqual([
      [1, 56.25],
      [2, 108.75],
    ]);
    expect([...s.rowHeights]).toEqual([[1, 36]]);
    expect(s.showGridlines).toBe(false);
    expect(s.pageLayout).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      // Fit to one page wide as a scale: fit-to-pages is not applied from an add-in (office-js#1860).
      zoom: { scale: 100 },
      margins: { unit: "Inches", top: 1, bottom: 1, left: 0.75, right: 0.75, header: 0.3, footer: 0.3 },
      centerHorizontally: true,
      printArea: "A1:B4",
    });
    expect(s.footer).toEqual({ center: "第 &P 页" });
  });

  it("prints the bulletin as the .xlsx host does: its own footers on odd and even pages, and its page breaks", async () => {
    const bulletin = layoutBulletin(buildBulletin(sampleReport(), sampleLedger(), { lang: "zh", bulletin: {} }), "zh");
    // A bulletin long enough to need pages of its own: every break the layout chose is kept.
    const long = { ...bulletin, rowBreaks: [...(bulletin.rowBreaks ?? []), 30, 60] };
    expect(long.page.evenFooter).toBeDefined();
    const excel = userWorkbook();
    const name = await host(excel).writeSheet(long);
    const s = excel.sheet(name);
    expect(s.pageLayout.footerState).toBe("OddAndEven");
    expect(s.oddFooter).toEqual(footerSections(long.page.footer!));
    expect(s.evenFooter).toEqual(footerSections(long.page.evenFooter!));
    expect(s.rowBreaks).toEqual(long.rowBreaks.filter((r) => r > 1));
    // Rewritten with fewer pages: the breaks are the new ones only, none left over.
    await host(excel).writeSheet({ ...bulletin, rowBreaks: [30] });
    expect(excel.sheet(name).rowBreaks).toEqual([30]);
  });

  it("still writes the sheet where page layout (1.9) and gridlines (1.8) are missing", async () => {
    const excel = new FakeExcel({ api: "1.7" });
    excel.seed("台账", "A1", [["x"]]);
    const name = await host(excel).writeSheet(doc());
    expect(excel.cell(name, "A2")).toMatchObject({ value: "=SUM(A1)", numberFormat: "@" });
    expect(excel.sheet(name).pageLayout).toEqual({});
    expect(excel.sheet(name).showGridlines).toBe(true);
  });

  it("writes several sheets in one batch: one look at the names, one state save, the first left in front", async () => {
    const excel = userWorkbook();
    const wb = host(excel);
    const appendix = { ...doc(), name: "校验明细" };
    expect(await wb.writeSheets([doc(), appendix])).toEqual(["整改通报 (2)", "校验明细"]);
    expect(excel.syncCount).toBe(2);
    expect(excel.activeSheet).toBe("整改通报 (2)");
    expect(excel.xmlParts).toHaveLength(1);
    expect((await stateOf(excel)).generatedSheets).toEqual(["整改通报 (2)", "校验明细"]);
    // Again: both rewritten in place, the clerk's 整改通报 untouched.
    excel.cell("校验明细", "A1")!.value = "旧";
    expect(await wb.writeSheets([doc(), appendix])).toEqual(["整改通报 (2)", "校验明细"]);
    expect(excel.cell("校验明细", "A1")?.value).toBe("关于整改进展情况的通报");
    expect(excel.cell("整改通报", "A1")?.value).toBe("用户自己的通报");
    expect(excel.sheets.filter((x) => !x.deleted).map((x) => x.name)).toEqual([
      "台账",
      "整改通报",
      "整改通报 (2)",
      "校验明细",
    ]);
  });

  it("gives two documents of one name two sheets", async () => {
    const excel = userWorkbook();
    expect(await host(excel).writeSheets([doc(), doc()])).toEqual(["整改通报 (2)", "整改通报 (3)"]);
  });

  it("writes a 40-paragraph bulletin in three syncs at most", async () => {
    const excel = userWorkbook();
    await host(excel).writeSheet(benchBulletin(40));
    expect(excel.syncCount).toBeLessThanOrEqual(3);
  });
});

describe("ExcelWorkbook.listSheets and select", () => {
  it("lists sheets with their size, hides the state sheet and flags generated ones", async () => {
    const excel = userWorkbook();
    const wb = host(excel);
    const name = await wb.writeSheet(doc());
    excel.addSheet("隐藏", "Hidden");
    const start = excel.syncCount;
    expect(await wb.listSheets()).toEqual([
      { name: "台账", rowCount: 2, generated: false, visible: true },
      { name: "整改通报", rowCount: 1, generated: false, visible: true },
      { name, rowCount: 4, generated: true, visible: true },
      { name: "隐藏", rowCount: 0, generated: false, visible: false },
    ]);
    expect(excel.syncCount - start).toBe(2);
  });

  it("selects a cell in one sync", async () => {
    const excel = userWorkbook();
    await host(excel).select("整改通报", "H12");
    expect(excel.activeSheet).toBe("整改通报");
    expect(excel.selection).toEqual({ sheet: "整改通报", address: "H12" });
    expect(excel.syncCount).toBe(1);
  });
});

describe("naming and footer helpers", () => {
  it("picks name (2), (3)… past the user's sheets and reuses our own", () => {
    expect(chooseSheetName("通报", ["通报", "通报 (2)"], [])).toBe("通报 (3)");
    expect(chooseSheetName("通报", ["通报", "通报 (2)"], ["通报 (2)"])).toBe("通报 (2)");
    expect(chooseSheetName("a/b:c", [], [])).toBe("a_b_c");
    expect(chooseSheetName("x".repeat(40), ["x".repeat(31)], [])).toBe(`${"x".repeat(27)} (2)`);
  });

  it("splits footer sections", () => {
    expect(footerSections("第 &P 页")).toEqual({ center: "第 &P 页" });
    expect(footerSections("&L左&R第&P页")).toEqual({ left: "左", right: "第&P页" });
  });
});
