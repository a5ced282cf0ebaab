import { strToU8, zipSync } from "fflate";

/**
 * Hand-built .xlsx packages for reader tests: the parts a writer would make, with exactly the
 * XML a test needs to pin (ECMA-376 Part 1 §18.3 worksheets, §18.4 shared strings, §18.8 styles).
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface HandSheet {
  name: string;
  /** The `<sheetData>` body, or a whole worksheet document when it starts with `<?xml` or `<worksheet`/`<x:`. */
  rows: string;
  /** XML after </sheetData> (mergeCells …). */
  after?: string;
  /** XML before <sheetData> (dimension, cols …). */
  before?: string;
  state?: "hidden" | "veryHidden";
  kind?: "worksheet" | "chartsheet";
}

export interface HandBook {
  sheets: HandSheet[];
  /** Shared strings as plain texts, or the `<sst>` body as raw XML. */
  strings?: string[] | { xml: string };
  /** Number formats of cellXfs, by index: a built-in id or a custom format code. */
  xfs?: (number | string)[];
  date1904?: boolean;
  /** Relationship targets written absolute (`/xl/worksheets/sheet1.xml`), as openpyxl does. */
  absolute?: boolean;
  /** Extra parts, by name. */
  parts?: Record<string, string>;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function handXlsx(book: HandBook): Uint8Array {
  const files: Record<string, string> = {};
  const sheetTarget = (i: number): string =>
    book.absolute ? `/xl/worksheets/sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml`;
  files["[Content_Types].xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    book.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("") +
    `</Types>`;
  files["_rels/.rels"] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="${book.absolute ? "/xl/workbook.xml" : "xl/workbook.xml"}"/></Relationships>`;
  files["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    (book.date1904 ? `<workbookPr date1904="1"/>` : `<workbookPr/>`) +
    `<sheets>` +
    book.sheets
      .map(
        (s, i) =>
          `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
      )
      .join("") +
    `</sheets></workbook>`;
  const n = book.sheets.length;
  files["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    book.sheets
      .map(
        (s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${s.kind ?? "worksheet"}" Target="${sheetTarget(i)}"/>`,
      )
      .join("") +
    `<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="${book.absolute ? "/xl/sharedStrings.xml" : "sharedStrings.xml"}"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="${book.absolute ? "/xl/styles.xml" : "styles.xml"}"/>` +
    `</Relationships>`;
  book.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = /^\s*<(\?xml|worksheet|\w+:worksheet|chartsheet)/.test(s.rows)
      ? s.rows
      : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}">${s.before ?? ""}<sheetData>${s.rows}</sheetData>${s.after ?? ""}</worksheet>`;
  });
  const strings = book.strings ?? [];
  files["xl/sharedStrings.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">` +
    (Array.isArray(strings)
      ? strings.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join("")
      : strings.xml) +
    `</sst>`;
  const xfs = book.xfs ?? [0];
  const custom = xfs
    .map((f, i) => (typeof f === "string" ? { id: 164 + i, code: f } : null))
    .filter((x): x is { id: number; code: string } => x !== null);
  files["xl/styles.xml"] =
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">` +
    (custom.length
      ? `<numFmts count="${custom.length}">${custom.map((c) => `<numFmt numFmtId="${c.id}" formatCode="${escapeXml(c.code)}"/>`).join("")}</numFmts>`
      : "") +
    `<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.map((f, i) => `<xf numFmtId="${typeof f === "string" ? 164 + i : f}" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`).join("")}</cellXfs>` +
    `</styleSheet>`;
  Object.assign(files, book.parts ?? {});
  const zipped: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) zipped[k] = strToU8(v);
  return zipSync(zipped);
}
