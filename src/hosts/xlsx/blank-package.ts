import { cellAddress, isErrorValue, type Grid } from "../../core/grid.js";
import type { SheetDocument } from "../../core/sheet-document.js";
import { MINIMAL_STYLES } from "./styles-patch.js";
import { tElement, xmlAttr } from "./xml-write.js";
import { writeZipCopy } from "./zip-copy.js";
import { XlsxWriter } from "./xlsx-writer.js";

/**
 * New packages, for the two cases where there is no original to patch: a CSV that gets marked
 * (its data becomes the first sheet, every value as text, exactly as read) and a generated
 * sheet on its own (tests, dev scripts).
 */

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function blankPackage(sheets: Array<{ name: string; xml: string }>): Uint8Array {
  const enc = new TextEncoder();
  const parts = new Map<string, Uint8Array>();
  const put = (name: string, xml: string) => parts.set(name, enc.encode(xml));
  put(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      "</Types>",
  );
  put(
    "_rels/.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      "</Relationships>",
  );
  put(
    "xl/workbook.xml",
    `${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets>` +
      sheets.map((s, i) => `<sheet name="${xmlAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`).join("") +
      "</sheets></workbook>",
  );
  put(
    "xl/_rels/workbook.xml.rels",
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      "</Relationships>",
  );
  put("xl/styles.xml", MINIMAL_STYLES);
  sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, s.xml));
  return writeZipCopy(null, parts);
}

/** A worksheet holding the grid's values, every one as text (a CSV's cells are text). */
export function gridSheetXml(grid: Grid): string {
  const rows: string[] = [];
  grid.values.forEach((row, i) => {
    const r = grid.origin.row + i;
    const cells: string[] = [];
    row.forEach((v, j) => {
      if (v === null || v === undefined || v === "") return;
      const text =
        typeof v === "string" ? v : v instanceof Date ? v.toISOString() : isErrorValue(v) ? v.error : String(v);
      cells.push(`<c r="${cellAddress(r, grid.origin.col + j)}" t="inlineStr"><is>${tElement(text)}</is></c>`);
    });
    if (cells.length > 0) rows.push(`<row r="${r}">${cells.join("")}</row>`);
  });
  return `${HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

/** A workbook with only the generated sheet (what tests and the dev script look at). */
export function sheetDocumentToXlsx(doc: SheetDocument): Uint8Array {
  const placeholder = blankPackage([]);
  const writer = new XlsxWriter(placeholder);
  writer.writeSheet(doc);
  return writer.toBytes();
}
