import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildBulletin } from "../../src/core/bulletin/build.js";
import { layoutBulletin } from "../../src/core/bulletin/layout.js";
import { sheetDocumentToXlsx } from "../../src/hosts/xlsx/blank-package.js";
import type { SheetDocument } from "../../src/core/sheet-document.js";
import { finding, ledger, report, sampleLedger, sampleReport, task } from "./fixtures.js";

/** The sheet as the .xlsx host writes it, read back by exceljs (an independent reader, as the oracle). */
async function roundTrip(doc: SheetDocument): Promise<ExcelJS.Worksheet> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(sheetDocumentToXlsx(doc) as unknown as ExcelJS.Buffer);
  const ws = back.getWorksheet(doc.name);
  expect(ws).toBeDefined();
  return ws!;
}

/** A task whose problem text looks like a formula: it must reach the sheet as that text. */
const formulaLedger = ledger([
  task({
    row: 4,
    text: {
      problem: "=SUM(A1)",
      measures: "+1 整改",
      lead: "张明",
      department: "办公室",
      deadline: "2025年6月1日",
      status: "正在推进",
    },
    deadline: { kind: "date", date: "2025-06-01", precision: "day", ongoing: false },
    status: "in-progress",
  }),
]);
const formulaReport = report([finding("overdue", 4, "deadline", { days: 30 })], {
  tasks: 1,
  inProgress: 1,
  overdue: 1,
});

describe("renderSheetDocument", () => {
  it("writes an A4, one-page-wide, gridless sheet with the layout's widths and heights", async () => {
    const doc = layoutBulletin(buildBulletin(sampleReport(), sampleLedger(), { lang: "zh", bulletin: {} }), "zh");
    const ws = await roundTrip(doc);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("portrait");
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.horizontalCentered).toBe(true);
    expect(ws.pageSetup.margins?.left).toBeCloseTo(2.8 / 2.54, 2);
    // GB/T 9704: `— 1 —`, odd pages right, even pages left.
    expect(ws.headerFooter.differentOddEven).toBe(true);
    expect(ws.headerFooter.oddFooter).toBe('&R&"宋体,常规"&14— &P —\u3000');
    expect(ws.headerFooter.evenFooter).toBe('&L&"宋体,常规"&14\u3000— &P —');
    expect(ws.views[0]?.showGridLines).toBe(false);
    doc.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBeCloseTo(w, 5));
    for (const [r, h] of Object.entries(doc.rowHeights)) expect(ws.getRow(Number(r)).height).toBe(h);
  });

  it("merges, styles and borders the cells as laid out", async () => {
    const doc = layoutBulletin(buildBulletin(sampleReport(), sampleLedger(), { lang: "zh", bulletin: {} }), "zh");
    const ws = await roundTrip(doc);
    const title = ws.getCell(1, 1);
    expect(title.value).toBe("整改工作领导小组办公室关于落实\n反馈意见整改进展情况的通报");
    expect(title.font.name).toBe("方正小标宋简体");
    expect(title.font.size).toBe(22);
    expect(title.alignment.horizontal).toBe("center");
    expect(ws.getCell(1, doc.columnWidths.length).isMerged).toBe(true);
    expect(ws.getCell(1, doc.columnWidths.length).master.address).toBe("A1");

    // A bordered merge has its border on every cell, or Excel draws gaps in the grid lines.
    const total = doc.cells.find((c) => c.value === "合计")!;
    for (let k = total.col; k < total.col + (total.colSpan ?? 1); k++) {
      expect(ws.getCell(total.row, k).border.right?.style).toBe("thin");
    }
    const th = doc.cells.find((c) => c.style === "th")!;
    const head = ws.getCell(th.row, th.col);
    expect(head.font.bold).toBe(true);
    expect(head.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } });
    expect(head.alignment.wrapText).toBe(true);
    expect(head.numFmt).toBe("@");
  });

  it("writes the layout's page breaks above the rows that start a page", async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [i + 1, `问题${i + 1}`]);
    const b = buildBulletin(sampleReport(), sampleLedger(), { lang: "zh", bulletin: {} });
    b.blocks.push({
      kind: "table",
      caption: "表9",
      columns: [
        { header: "序号", width: 1, align: "center" },
        { header: "反馈问题", width: 4, align: "left" },
      ],
      rows,
    });
    const doc = layoutBulletin(b, "zh");
    expect(doc.rowBreaks!.length).toBeGreaterThan(1);
    const files = unzipSync(sheetDocumentToXlsx(doc));
    const sheet = Object.keys(files).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))!;
    const xml = strFromU8(files[sheet]!);
    // SpreadsheetML `<brk id="n">` breaks below row n (ECMA-376 Part 1 §18.3.1.7).
    const written = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1);
    expect(written).toEqual(doc.rowBreaks);
  });

  it("never writes a formula: a problem text like =SUM(A1) is stored as that text", async () => {
    const doc = layoutBulletin(buildBulletin(formulaReport, formulaLedger, { lang: "zh", bulletin: {} }), "zh");
    const ws = await roundTrip(doc);
    let found = 0;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
        if (cell.value === "=SUM(A1)") {
          found++;
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.numFmt).toBe("@");
        }
      }),
    );
    expect(found).toBe(1);
  });

  it("writes the English bulletin too", async () => {
    const doc = layoutBulletin(buildBulletin(sampleReport("en"), sampleLedger(), { lang: "en", bulletin: {} }), "en");
    const ws = await roundTrip(doc);
    expect(ws.name).toBe("Bulletin");
    expect(String(ws.getCell(1, 1).value).replace(/\n/g, " ")).toBe(
      "Bulletin of the Rectification Office on Progress in Acting on the Feedback of the Inspection",
    );
    expect(ws.getCell(1, 1).font.name).toBe("Times New Roman");
  });
});
