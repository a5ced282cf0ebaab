import ExcelJS from "exceljs";
import "./exceljs-patches.js";
import type { CellStyle, DocCell, SheetDocument } from "../../core/sheet-document.js";

/**
 * Writes a SheetDocument (the laid-out bulletin) onto an exceljs worksheet. Pure translation:
 * every layout decision was made by the engine, so the .xlsx matches what Office.js writes.
 */
export function renderSheetDocument(ws: ExcelJS.Worksheet, doc: SheetDocument): void {
  doc.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const [row, height] of Object.entries(doc.rowHeights)) {
    ws.getRow(Number(row)).height = height;
  }

  for (const cell of doc.cells) {
    const style = doc.styles[cell.style];
    if (!style) throw new Error(`SheetDocument cell ${cell.row},${cell.col} names unknown style "${cell.style}"`);
    const rowSpan = Math.max(1, cell.rowSpan ?? 1);
    const colSpan = Math.max(1, cell.colSpan ?? 1);
    const bottom = cell.row + rowSpan - 1;
    const right = cell.col + colSpan - 1;

    if (rowSpan > 1 || colSpan > 1) ws.mergeCells(cell.row, cell.col, bottom, right);
    const master = ws.getCell(cell.row, cell.col);
    master.value = cellValue(cell);
    // A merged area is styled cell by cell: Excel draws each cell's own border, so a bordered
    // merge needs the border on every cell it covers, not only on the master.
    const xlStyle = toExcelStyle(style, typeof cell.value === "string");
    for (let r = cell.row; r <= bottom; r++) {
      for (let c = cell.col; c <= right; c++) {
        ws.getCell(r, c).style = xlStyle;
      }
    }
  }

  const m = doc.page.margins;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: doc.page.orientation,
    fitToPage: doc.page.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as the text needs
    margins: { top: m.top, bottom: m.bottom, left: m.left, right: m.right, header: m.header, footer: m.footer },
    horizontalCentered: doc.page.horizontallyCentered ?? false,
    verticalCentered: false,
  };
  if (doc.page.footer) {
    // A footer without a section code would land on the left in some readers; centre it.
    const footer = /&[LCR]/.test(doc.page.footer) ? doc.page.footer : `&C${doc.page.footer}`;
    const even = doc.page.evenFooter ?? footer;
    ws.headerFooter = {
      ...ws.headerFooter,
      differentOddEven: even !== footer,
      oddFooter: footer,
      evenFooter: even,
    };
  }
  // A manual break above each row that starts a page (exceljs breaks below the row it is given).
  for (const row of doc.rowBreaks ?? []) if (row > 1) ws.getRow(row - 1).addPageBreak();
  ws.views = [{ showGridLines: doc.showGridLines }];
}

/** Strings go in as plain strings (shared strings in the file): exceljs never reads `=…` as a formula. */
function cellValue(cell: DocCell): string | number {
  return cell.value;
}

function toExcelStyle(style: CellStyle, isText: boolean): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = { name: style.font.name, size: style.font.size };
  if (style.font.bold) font.bold = true;
  if (style.font.color) font.color = { argb: `FF${style.font.color}` };
  // GB2312 charset tells Excel to map a missing Chinese font to an installed Chinese one.
  if (/[^\x00-\x7f]/.test(style.font.name)) font.charset = 134;

  const out: Partial<ExcelJS.Style> = { font };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.horizontal) alignment.horizontal = style.horizontal;
  if (style.vertical) alignment.vertical = style.vertical;
  if (style.wrap) alignment.wrapText = true;
  if (style.indent) alignment.indent = style.indent;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
    out.border = { top: thin, bottom: thin, left: thin, right: thin };
  }
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
  const numFmt = style.numberFormat ?? (isText ? "@" : undefined);
  if (numFmt) out.numFmt = numFmt;
  return out;
}
