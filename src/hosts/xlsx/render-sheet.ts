import { cellAddress, columnLetter, MAX_ROW } from "../../core/grid.js";
import type { CellStyle, DocCell, SheetDocument } from "../../core/sheet-document.js";
import type { StylesPatch } from "./styles-patch.js";
import { tElement, xmlAttr, xmlText } from "./xml-write.js";

/**
 * A SheetDocument (the laid-out bulletin) as worksheet XML. Pure translation: every layout
 * decision was made by the engine, so the .xlsx matches what Office.js writes. Text is always
 * an inline string (never a formula, whatever it starts with), so sharedStrings.xml is not touched;
 * its styles are appended to styles.xml. Elements follow CT_Worksheet's order (ECMA-376 Part 1 §18.3.1.99).
 */

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The built-in number format ids the bulletin can use without a numFmts entry (§18.8.30). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "@": 49 };

export interface RenderOptions {
  /** Written into `<sheetPr codeName>`: how a later run knows the sheet is ours. */
  codeName?: string;
  /** Told each cell with a value as it is written, as the reader will read it back (contentPrint). */
  onCell?: (row: number, col: number, value: string | number) => void;
}

export function renderSheetDocument(doc: SheetDocument, styles: StylesPatch, options: RenderOptions = {}): string {
  const pieces: string[] = [];
  writeSheetDocument(doc, styles, (text) => pieces.push(text), options);
  return pieces.join("");
}

/**
 * The same XML, handed to `write` a piece at a time (a row, or less), so that a big sheet can be
 * encoded as it is made instead of being held whole as a string (see byte-sink.ts).
 */
export function writeSheetDocument(
  doc: SheetDocument,
  styles: StylesPatch,
  write: (text: string) => void,
  options: RenderOptions = {},
): void {
  // By style name, the xf for a number and for a text: no key string made for each of 200,000 cells.
  const xfCache = new Map<string, [number | undefined, number | undefined]>();
  const xfOf = (name: string, isText: boolean): number => {
    let pair = xfCache.get(name);
    if (pair === undefined) xfCache.set(name, (pair = [undefined, undefined]));
    const i = isText ? 1 : 0;
    const hit = pair[i];
    if (hit !== undefined) return hit;
    const style = doc.styles[name];
    if (!style) throw new Error(`SheetDocument names unknown style "${name}"`);
    return (pair[i] = styleXf(style, isText, styles));
  };

  // Cells in reading order (the layout's own order; sorted, stably, when a document is not), so
  // that the XML is made a row at a time: a 督办清单 of 30,000 tasks has 200,000 cells, and a grid
  // of all of them (two arrays a row) was 14 MB held until the sheet was written. A later cell
  // wins a place, as it would in a grid.
  const cells = inReadingOrder(doc.cells);
  let bottom = 0;
  let right = 0;
  for (const cell of cells) {
    bottom = Math.max(bottom, Math.min(MAX_ROW, cell.row + Math.max(1, cell.rowSpan ?? 1) - 1));
    right = Math.max(right, cell.col + Math.max(1, cell.colSpan ?? 1) - 1);
  }
  const cols = doc.columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${num(w)}" customWidth="1"/>`)
    .join("");
  const p = doc.page;
  const m = p.margins;
  const sheetPr =
    `<sheetPr${options.codeName ? ` codeName="${xmlAttr(options.codeName)}"` : ""}>` +
    `${p.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`;
  // A footer without a section code would land on the left in some readers; centre it.
  const footer = p.footer ? (/&[LCR]/.test(p.footer) ? p.footer : `&C${p.footer}`) : null;
  // GB/T 9704 numbers odd pages right and even pages left: a footer of its own for even pages.
  const even = footer && p.evenFooter && p.evenFooter !== footer ? p.evenFooter : null;
  const headerFooter = footer
    ? `<headerFooter${even ? ' differentOddEven="1"' : ""}><oddFooter>${xmlText(footer)}</oddFooter>` +
      (even ? `<evenFooter>${xmlText(even)}</evenFooter>` : "") +
      "</headerFooter>"
    : "";
  // Manual page breaks above the rows that start a page: `<brk id="n">` breaks below row n (§18.3.1.7).
  const breaks = (doc.rowBreaks ?? []).filter((r) => r > 1);
  const rowBreaks =
    breaks.length > 0
      ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
        breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("") +
        "</rowBreaks>"
      : "";

  // The used range, as Excel writes it: a reader (ours among them, listing a workbook's sheets)
  // learns the sheet's size from it without reading every row.
  const dimension = bottom > 0 ? `<dimension ref="A1:${cellAddress(bottom, right)}"/>` : "";
  write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      sheetPr +
      dimension +
      `<sheetViews><sheetView${doc.showGridLines ? "" : ' showGridLines="0"'} workbookViewId="0"/></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : "") +
      "<sheetData>",
  );
  // Merged areas are styled cell by cell: Excel draws each cell's own border, so a bordered merge
  // needs the border on every cell it covers, not only on the master. The row being written: by
  // column, its cell (null where a merge covers it) and style; what a merge covers further down waits in `below`.
  const place: (DocCell | null | undefined)[] = [];
  const xfs: number[] = [];
  const below = new Map<number, { col: number; span: number; s: number }[]>();
  const merges: string[] = [];
  const letters: string[] = [];
  let last = bottom;
  for (const key of Object.keys(doc.rowHeights)) if (placedRow(Number(key))) last = Math.max(last, Number(key));
  let next = 0;
  for (let r = 1; r <= last; r++) {
    place.length = 0;
    for (const cover of below.get(r) ?? [])
      for (let c = cover.col; c < cover.col + cover.span; c++) {
        place[c] = null;
        xfs[c] = cover.s;
      }
    below.delete(r);
    for (; next < cells.length && cells[next]!.row === r; next++) {
      const cell = cells[next]!;
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      const colSpan = Math.max(1, cell.colSpan ?? 1);
      const isText = typeof cell.value === "string" || !Number.isFinite(cell.value);
      const s = xfOf(cell.style, isText);
      for (let c = cell.col; c < cell.col + colSpan; c++) {
        place[c] = c === cell.col ? cell : null;
        xfs[c] = s;
      }
      for (let down = r + 1; down < r + rowSpan && placedRow(down); down++) {
        let list = below.get(down);
        if (!list) below.set(down, (list = []));
        list.push({ col: cell.col, span: colSpan, s });
      }
      if (rowSpan > 1 || colSpan > 1) {
        merges.push(
          `<mergeCell ref="${cellAddress(cell.row, cell.col)}:${cellAddress(Math.min(MAX_ROW, cell.row + rowSpan - 1), cell.col + colSpan - 1)}"/>`,
        );
      }
    }
    const height = doc.rowHeights[r];
    if (place.length === 0 && height === undefined) continue;
    const attrs = height !== undefined ? ` ht="${num(height)}" customHeight="1"` : "";
    let body = "";
    for (let c = 1; c < place.length; c++) {
      const cell = place[c];
      if (cell === undefined) continue;
      const ref = (letters[c] ??= columnLetter(c)) + r;
      body += cell ? cellXml(cell, xfs[c]!, ref) : `<c r="${ref}" s="${xfs[c]!}"/>`;
      if (cell && options.onCell) options.onCell(r, c, isNumber(cell.value) ? cell.value : String(cell.value));
    }
    write(`<row r="${r}"${attrs}>${body}</row>`);
  }
  write(
    "</sheetData>" +
      (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : "") +
      (p.horizontallyCentered ? '<printOptions horizontalCentered="1"/>' : "") +
      `<pageMargins left="${num(m.left)}" right="${num(m.right)}" top="${num(m.top)}" bottom="${num(m.bottom)}" header="${num(m.header)}" footer="${num(m.footer)}"/>` +
      `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>` +
      headerFooter +
      rowBreaks +
      "</worksheet>",
  );
}

function placedRow(r: number): boolean {
  return Number.isInteger(r) && r >= 1 && r <= MAX_ROW;
}

/**
 * The cells that have a place on the sheet, sorted by row, then column, equal places in their
 * order (the later wins). The layout's come so: then they are not copied.
 */
function inReadingOrder(cells: DocCell[]): DocCell[] {
  const placed = (c: DocCell) => placedRow(c.row) && Number.isInteger(c.col) && c.col >= 1;
  const before = (a: DocCell, b: DocCell) => a.row - b.row || a.col - b.col;
  for (let i = 0; i < cells.length; i++)
    if (!placed(cells[i]!) || (i > 0 && before(cells[i - 1]!, cells[i]!) > 0)) return cells.filter(placed).sort(before);
  return cells;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

function cellXml(cell: DocCell, s: number, ref: string): string {
  if (isNumber(cell.value)) {
    return `<c r="${ref}" s="${s}"><v>${String(cell.value)}</v></c>`;
  }
  // Text as an inline string: never a formula, whatever it starts with.
  return `<c r="${ref}" s="${s}" t="inlineStr"><is>${tElement(String(cell.value))}</is></c>`;
}

function styleXf(style: CellStyle, isText: boolean, styles: StylesPatch): number {
  const f = style.font;
  // GB2312 charset tells Excel to map a missing Chinese font to an installed Chinese one.
  const charset = /[^\x00-\x7f]/.test(f.name) ? '<charset val="134"/>' : "";
  const font =
    `<font>${f.bold ? "<b/>" : ""}<sz val="${num(f.size)}"/>` +
    `${f.color ? `<color rgb="FF${hex(f.color)}"/>` : ""}<name val="${xmlAttr(f.name)}"/>${charset}</font>`;
  const fontId = styles.findOrAppend("fonts", font);
  const fillId = style.fill
    ? styles.findOrAppend(
        "fills",
        `<fill><patternFill patternType="solid"><fgColor rgb="FF${hex(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
      )
    : 0;
  const borderId = style.border
    ? styles.findOrAppend(
        "borders",
        `<border>${["left", "right", "top", "bottom"].map((side) => `<${side} style="thin"><color rgb="FF000000"/></${side}>`).join("")}<diagonal/></border>`,
      )
    : 0;
  const code = style.numberFormat ?? (isText ? "@" : undefined);
  const numFmtId = code === undefined ? 0 : (BUILTIN_FORMATS[code] ?? styles.numFmtId(code));

  const align: string[] = [];
  if (style.horizontal) align.push(`horizontal="${style.horizontal}"`);
  if (style.vertical) align.push(`vertical="${style.vertical === "middle" ? "center" : style.vertical}"`);
  if (style.wrap) align.push('wrapText="1"');
  if (style.indent) align.push(`indent="${Math.max(0, Math.round(style.indent))}"`);
  const attrs =
    `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
    `${numFmtId ? ' applyNumberFormat="1"' : ""} applyFont="1"${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}` +
    `${align.length ? ' applyAlignment="1"' : ""}`;
  const xf = align.length ? `<xf ${attrs}><alignment ${align.join(" ")}/></xf>` : `<xf ${attrs}/>`;
  return styles.findOrAppend("cellXfs", xf);
}

function hex(rgb: string): string {
  const h = rgb.replace(/^#/, "").toUpperCase();
  return /^[0-9A-F]{6}$/.test(h) ? h : "000000";
}

/** Numbers as xsd:double takes them (JavaScript's shortest round-trip form), never NaN. */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : "0";
}
