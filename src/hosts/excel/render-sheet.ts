/// <reference types="office-js" />
import { cellAddress, columnLetter } from "../../core/grid.js";
import type { MarksState } from "../../core/marks-state.js";
import type { CellStyle, DocCell, SheetDocument } from "../../core/sheet-document.js";
import { chooseSheetName } from "../../core/sheet-names.js";
import { rectAddress, type Rect } from "./address.js";
import { rangesFor } from "./ranges.js";
import type { ExcelCapabilities } from "./capabilities.js";
import type { Session } from "./session.js";
import { queueStateLookup, readState, saveState, type StateCache } from "./state.js";

/**
 * Writing a generated sheet (the bulletin) through Office.js. Three things real Excel does
 * shape the order of the calls:
 * - deleting, renaming, moving or hiding a sheet clears the clerk's undo stack (Office add-ins
 *   undo support), so our old bulletin is cleared and rewritten in place, never deleted and
 *   re-added, and a new one is added once, under its final name, where Excel puts it;
 * - on the web, borders set on merged areas after merging lose the line between neighbouring
 *   areas, and a fill set before merging is lost by the merge (office-js#6405): so borders,
 *   then merges, then fills, fonts and alignment;
 * - fit-to-pages is not applied unless the Page Layout tab is active (office-js#1860), while a
 *   zoom scale is: the scale that fits the columns on the page width is computed here.
 */

/** Rows per values/numberFormat write: ≈100 kB of request each, the overshoot past REQUEST_BUDGET at most. */
const BLOCK_ROWS = 500;

/**
 * Writes generated sheets in one batch: one sync to learn the sheet names and the state, then
 * every sheet's content and one state save, sent as the request fills. Returns the names used.
 */
export async function writeSheets(
  s: Session,
  caps: ExcelCapabilities,
  cache: StateCache,
  docs: SheetDocument[],
): Promise<string[]> {
  const sheets = s.context.workbook.worksheets;
  sheets.load("items/name");
  const lookup = queueStateLookup(s.context, caps);
  await s.sync(() => sheets.items.map((x) => x.name));
  const names = sheets.items.map((x) => x.name);
  const loaded = await readState(s, lookup, cache);

  const state: MarksState = structuredClone(loaded.state);
  // Forget generated sheets the user has since deleted.
  const present = new Set(names.map((n) => n.toLowerCase()));
  state.generatedSheets = state.generatedSheets.filter((n) => present.has(n.toLowerCase()));
  const targets: { ws: Excel.Worksheet; doc: SheetDocument }[] = [];
  const used: string[] = [];
  for (const doc of docs) {
    // A sheet this batch wrote is taken: two documents of one name get two sheets.
    const fresh = (n: string) => !used.some((u) => u.toLowerCase() === n.toLowerCase());
    const name = chooseSheetName(doc.name, [...names, ...used], state.generatedSheets.filter(fresh));
    const existing = names.find((n) => n.toLowerCase() === name.toLowerCase());
    let ws: Excel.Worksheet;
    if (existing) {
      // Ours (chooseSheetName never picks a name of the clerk's): emptied and rewritten in place.
      ws = sheets.getItem(existing);
      const all = ws.getRange();
      all.unmerge();
      all.clear("All");
    } else ws = sheets.add(name);
    const final = existing ?? name;
    used.push(final);
    state.generatedSheets = [...state.generatedSheets.filter((n) => n.toLowerCase() !== final.toLowerCase()), final];
    targets.push({ ws, doc });
  }
  // The state goes first: a batch cut off later leaves sheets we know as ours, never one we
  // would take for the clerk's and write beside as "(2)".
  const saved = await saveState(s, loaded, state, cache);
  for (const { ws, doc } of targets) await queueDocument(s, caps, ws, doc);
  // The first sheet (the bulletin) is the one the clerk asked for: it is left in front.
  targets[0]?.ws.activate();
  await s.sync();
  saved();
  return used;
}

async function queueDocument(
  s: Session,
  caps: ExcelCapabilities,
  ws: Excel.Worksheet,
  doc: SheetDocument,
): Promise<void> {
  let rows = 0;
  let cols = doc.columnWidths.length;
  const areas = new Map<string, Rect[]>();
  const cellRect = (c: DocCell): Rect => ({
    top: c.row,
    left: c.col,
    bottom: c.row + Math.max(1, c.rowSpan ?? 1) - 1,
    right: c.col + Math.max(1, c.colSpan ?? 1) - 1,
  });
  for (const c of doc.cells) {
    if (!doc.styles[c.style]) throw new Error(`SheetDocument cell ${c.row},${c.col} names unknown style "${c.style}"`);
    const r = cellRect(c);
    rows = Math.max(rows, r.bottom);
    cols = Math.max(cols, r.right);
    const list = areas.get(c.style) ?? [];
    list.push(r);
    areas.set(c.style, list);
  }

  if (rows > 0 && cols > 0) {
    // Text cells get the "@" format BEFORE their values arrive, in the same batch: Excel then
    // stores `=…`, `+…`, `-…`, `@…` and `2025-7-1` as the text they are (unverified in real
    // Excel through the API: docs/requirements.md). "@" is what the .xlsx host writes too.
    const values: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
    const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
    for (const c of doc.cells) {
      const style = doc.styles[c.style]!;
      values[c.row - 1]![c.col - 1] = c.value;
      formats[c.row - 1]![c.col - 1] = style.numberFormat ?? (typeof c.value === "string" ? "@" : "General");
    }
    for (let top = 1; top <= rows; top += BLOCK_ROWS) {
      const bottom = Math.min(rows, top + BLOCK_ROWS - 1);
      const range = ws.getRange(rectAddress({ top, left: 1, bottom, right: cols }));
      range.numberFormat = formats.slice(top - 1, bottom);
      range.values = values.slice(top - 1, bottom);
      await s.flushIfFull(1, 1);
    }
  }

  // Borders before merging, everything else after (see the header).
  const styled = [...areas].map(([styleName, rects]) => ({ style: doc.styles[styleName]!, rects }));
  // The request is measured every few ranges (≈50 kB of work), so a sync overshoots the budget
  // by no more than that.
  let queued = 0;
  const every = async (n: number) => {
    if (++queued % n === 0) await s.flushIfFull(n, 200);
  };
  for (const { style, rects } of styled) {
    if (!style.border) continue;
    for (const range of rangesFor(ws, caps, rects.map(rectAddress))) {
      applyBorders(range.format);
      await every(10);
    }
  }
  for (const c of doc.cells) {
    const r = cellRect(c);
    if (r.bottom > r.top || r.right > r.left) {
      ws.getRange(rectAddress(r)).merge(false);
      await every(200);
    }
  }
  for (const { style, rects } of styled) {
    for (const range of rangesFor(ws, caps, rects.map(rectAddress))) {
      applyLook(range.format, style);
      await every(10);
    }
  }
  // Column widths come in Excel character units; Office.js wants points. A character of the
  // default font is 7 px plus 5 px of padding per column, and a pixel is 0.75 pt at 96 dpi.
  const widths = doc.columnWidths.map((w) => Math.round((w * 7 + 5) * 0.75 * 100) / 100);
  widths.forEach((points, i) => {
    const letter = columnLetter(i + 1);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = points;
  });
  for (const [row, height] of Object.entries(doc.rowHeights)) ws.getRange(`${row}:${row}`).format.rowHeight = height;

  // Page setup needs ExcelApi 1.9; older hosts print with Excel's defaults.
  if (caps.pageLayout) {
    const page = ws.pageLayout;
    const p = doc.page;
    page.paperSize = "A4";
    page.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
    if (p.fitToWidth) page.zoom = { scale: fitScale(widths, p.orientation, p.margins) };
    page.setPrintMargins("Inches", { ...p.margins });
    page.centerHorizontally = p.horizontallyCentered ?? false;
    if (rows > 0) page.setPrintArea(`A1:${cellAddress(rows, Math.max(cols, 1))}`);
    if (p.footer) {
      // GB/T 9704 numbers odd pages on the right and even pages on the left: with an even footer
      // of its own, odd and even pages get theirs (HeaderFooterGroup.state OddAndEven), as the
      // .xlsx host writes differentOddEven.
      const even = p.evenFooter && p.evenFooter !== p.footer ? p.evenFooter : null;
      const hfs = page.headersFooters;
      if (even) {
        hfs.state = "OddAndEven";
        setFooter(hfs.oddPages, p.footer);
        setFooter(hfs.evenPages, even);
      } else setFooter(hfs.defaultForAllPages, p.footer);
    }
    // The layout's page breaks (each page ends where a paragraph or a table row ends): a rewritten
    // sheet of ours first loses the breaks of its last writing, which clearing its cells keeps.
    const breaks = (doc.rowBreaks ?? []).filter((r) => r > 1);
    ws.horizontalPageBreaks.removePageBreaks();
    for (const r of breaks) {
      ws.horizontalPageBreaks.add(`A${r}`);
      await s.flushIfFull(1, 50);
    }
  }
  if (caps.gridlines) ws.showGridlines = doc.showGridLines;
}

function setFooter(hf: Excel.HeaderFooter, footer: string): void {
  const parts = footerSections(footer);
  if (parts.left) hf.leftFooter = parts.left;
  if (parts.center) hf.centerFooter = parts.center;
  if (parts.right) hf.rightFooter = parts.right;
}

/** A4 in points (210 × 297 mm). */
const A4 = { width: 595.28, height: 841.89 };

/**
 * The print zoom (10–100 %) at which the columns fit the printable width: what "fit to one page
 * wide" would do, as a scale Excel applies whatever tab is active (office-js#1860).
 */
export function fitScale(
  columnPoints: number[],
  orientation: "portrait" | "landscape",
  margins: { left: number; right: number },
): number {
  const paper = orientation === "landscape" ? A4.height : A4.width;
  const printable = paper - (margins.left + margins.right) * 72;
  const content = columnPoints.reduce((a, b) => a + b, 0);
  if (content <= 0) return 100;
  return Math.max(10, Math.min(100, Math.floor((printable / content) * 100)));
}

/** Splits Excel footer codes `&Lleft&Ccentre&Rright`; text without a section code is centred. */
export function footerSections(footer: string): { left?: string; center?: string; right?: string } {
  if (!/&[LCR]/.test(footer)) return { center: footer };
  const out: { left?: string; center?: string; right?: string } = {};
  const re = /&([LCR])((?:(?!&[LCR]).)*)/gs;
  for (const m of footer.matchAll(re)) {
    const part = m[1] === "L" ? "left" : m[1] === "C" ? "center" : "right";
    out[part] = m[2] ?? "";
  }
  return out;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right", justify: "Justify" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

function applyBorders(format: Excel.RangeFormat): void {
  for (const edge of EDGES) {
    const b = format.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = "#000000";
  }
}

function applyLook(format: Excel.RangeFormat, style: CellStyle): void {
  // Office.js names one font per cell; the fallbacks are for the clerk's documentation.
  format.font.name = style.font.name;
  format.font.size = style.font.size;
  format.font.bold = style.font.bold ?? false;
  if (style.font.color) format.font.color = `#${style.font.color}`;
  if (style.horizontal) format.horizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical) format.verticalAlignment = V_ALIGN[style.vertical];
  if (style.wrap) format.wrapText = true;
  if (style.indent) format.indentLevel = style.indent;
  if (style.fill) format.fill.color = `#${style.fill}`;
}
