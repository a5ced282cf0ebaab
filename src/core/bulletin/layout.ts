import type { Catalogue, Lang } from "../i18n.js";
import type { CellStyle, DocCell, FontStyle, SheetDocument } from "../sheet-document.js";
import {
  cellTextWidthPt,
  linesNeeded,
  rowHeightFor,
  textWidthEm,
  titleLines,
  wordWidthEm,
  wrapLines,
} from "./measure.js";
import type { Alignment, Bulletin, Signature, TableBlock } from "./model.js";

/**
 * Lays the bulletin out as a printable sheet: A4 portrait, GB/T 9704 margins, the text
 * width of an official document (156 mm, 28 characters of 3号 a line).
 *
 * The sheet's columns are the union of every table's column edges, so each table gets
 * exactly the widths it asked for and paragraphs simply span all columns. Excel measures
 * column widths in "characters" of the workbook's default font (Calibri 11: 7 pixels each,
 * at 96 pixels an inch when printing), which is how the widths are made to add up to the page.
 *
 * Excel does not fit row heights to merged cells, so every row's height is computed here
 * from its text; and since the heights are known, so are the pages. The layout paginates
 * itself: a heading or caption that would stand alone at the foot of a page starts the next
 * one, a table that runs over repeats its header row at the top of the next page (Excel's
 * print titles allow one range per sheet, and a bulletin has up to six tables), and the
 * breaks are written as manual page breaks.
 */

const CM = 1 / 2.54;
export const A4_WIDTH_IN = 21 * CM;
export const MARGINS_IN = {
  top: 3.7 * CM,
  bottom: 3.5 * CM,
  left: 2.8 * CM,
  right: 2.6 * CM,
  header: 1.5 * CM,
  // The page number sits in the bottom margin, 7 mm below the text as GB/T 9704 has it.
  footer: 2.5 * CM,
};
/** Pixels per Excel width unit with the default Calibri 11 (its widest digit is 7 px). */
export const PX_PER_WIDTH_UNIT = 7;
/** The printable width in pixels (96 dpi), less a hair so rounding never spills onto a second page. */
export const PRINTABLE_WIDTH_PX = Math.floor((A4_WIDTH_IN - MARGINS_IN.left - MARGINS_IN.right) * 96) - 2;
/** The text block's height in points (225 mm), less 4% for programs that lay rows out a little taller. */
export const PAGE_HEIGHT_PT = Math.floor(((29.7 - 3.7 - 3.5) / 2.54) * 72 * 0.96);

/** Excel's tallest row. Longer paragraphs are split over several rows. */
const MAX_ROW_PT = 409;
/** Column edges closer than this are merged into one, so no sliver columns appear. */
const MIN_COLUMN_PX = 14;
/** Used when there are no tables to shape the columns: an even grid the clerk can work in. */
const PLAIN_COLUMNS = 8;

interface Fonts {
  title: FontStyle;
  body: FontStyle;
  h1: FontStyle;
  h2: FontStyle;
  table: FontStyle;
  caption: FontStyle;
}

/** How a language's bulletin looks on the sheet. */
export interface SheetLook {
  sheetName: string;
  fonts: Fonts;
  /** First-line indent of body paragraphs and headings (two full-width spaces in Chinese). */
  indent: string;
  /** Spaces that stand for one character of indent in the signature block. */
  signaturePad: (em: number) => string;
  /** Excel footer codes, odd and even pages. */
  footer: string;
  evenFooter?: string;
}

/** Full-width spaces (1 em) and a half-width one for a remaining half em. */
function fullWidthSpaces(em: number): string {
  const halves = Math.max(0, Math.round(em * 2));
  return "\u3000".repeat(Math.floor(halves / 2)) + (halves % 2 ? " " : "");
}

const FANGSONG: FontStyle = { name: "仿宋_GB2312", fallbacks: ["仿宋", "FangSong"], size: 16 };
const SERIF = ["Liberation Serif", "Times"];
const SANS = ["Liberation Sans", "Helvetica"];

export const SHEET_LOOK = {
  zh: {
    sheetName: "整改通报",
    fonts: {
      title: { name: "方正小标宋简体", fallbacks: ["华文中宋", "宋体", "SimSun"], size: 22 },
      body: FANGSONG,
      h1: { name: "黑体", fallbacks: ["SimHei"], size: 16 },
      h2: { name: "楷体_GB2312", fallbacks: ["楷体", "KaiTi"], size: 16 },
      table: { ...FANGSONG, size: 10.5 },
      caption: { name: "黑体", fallbacks: ["SimHei"], size: 10.5 },
    },
    indent: "\u3000\u3000",
    signaturePad: fullWidthSpaces,
    // 4号 宋体 page numbers between em dashes, one character in from the outer edge.
    footer: '&R&"宋体,常规"&14— &P —\u3000',
    evenFooter: '&L&"宋体,常规"&14\u3000— &P —',
  },
  en: {
    sheetName: "Bulletin",
    fonts: {
      title: { name: "Times New Roman", fallbacks: SERIF, size: 18, bold: true },
      body: { name: "Times New Roman", fallbacks: SERIF, size: 12 },
      h1: { name: "Arial", fallbacks: SANS, size: 13, bold: true },
      h2: { name: "Arial", fallbacks: SANS, size: 12, bold: true },
      table: { name: "Times New Roman", fallbacks: SERIF, size: 9.5 },
      caption: { name: "Arial", fallbacks: SANS, size: 9.5, bold: true },
    },
    indent: "",
    // English letters sign flush right.
    signaturePad: () => "",
    footer: "&C&P",
  },
} satisfies Catalogue<SheetLook>;

const HEADER_FILL = "D9D9D9";

/** One row of the laid-out sheet before pagination gives it a number. */
interface LRow {
  height: number;
  /** Row 0 until paginate numbers them. */
  cells: DocCell[];
  /** Keep on the page of the next row (headings, captions, table headers). */
  keepNext?: boolean;
  /** Rows printed again above this one when it starts a page (a table's header). */
  repeat?: LRow[];
  /** Spacing only: dropped when it would start a page. */
  spacer?: boolean;
  /** Must start a new page. */
  breakBefore?: boolean;
}

export function layoutBulletin(bulletin: Bulletin, lang: Lang): SheetDocument {
  const look: SheetLook = SHEET_LOOK[lang];
  const fonts = look.fonts;
  const styles = makeStyles(fonts);
  const edges = columnEdges(bulletin.blocks.filter((b): b is TableBlock => b.kind === "table"));
  const widthsPx = edges.slice(1).map((e, i) => e - edges[i]!);
  const allPx = widthsPx.reduce((a, b) => a + b, 0);
  const ncols = widthsPx.length;
  const rows: LRow[] = [];

  /** A text merged across the whole width, split over rows only if Excel's row limit demands it. */
  const fullWidth = (text: string, style: string, font: FontStyle, extra: Partial<LRow> = {}) => {
    const widthEm = (cellTextWidthPt(allPx) * 0.95) / font.size;
    const lines = wrapLines(text, widthEm);
    const perRow = Math.max(1, Math.floor((MAX_ROW_PT - font.size) / (font.size * 1.45)));
    for (let i = 0; i < lines.length; i += perRow) {
      const chunk = lines.slice(i, i + perRow);
      rows.push({
        height: rowHeightFor(chunk.length, font.size),
        cells: [{ row: 0, col: 1, value: chunk.join(""), style, colSpan: ncols }],
        ...extra,
      });
    }
  };
  const gap = (pt: number) => rows.push({ height: pt, cells: [], spacer: true });

  // The title's own line breaks, so it breaks between words (GB/T 9704 7.3.1), not where the cell would.
  const titleWidthEm = (cellTextWidthPt(allPx) * 0.95) / fonts.title.size;
  const title = titleLines(bulletin.title, titleWidthEm);
  rows.push({
    height: rowHeightFor(title.length, fonts.title.size),
    cells: [{ row: 0, col: 1, value: title.join("\n"), style: "title", colSpan: ncols }],
    keepNext: true,
  });
  gap(fonts.body.size);
  if (bulletin.recipient) fullWidth(bulletin.recipient, "recipient", fonts.body);
  for (const block of bulletin.blocks) {
    switch (block.kind) {
      case "heading":
        fullWidth(look.indent + block.text, block.level === 1 ? "h1" : "h2", block.level === 1 ? fonts.h1 : fonts.h2, {
          keepNext: true,
        });
        break;
      case "paragraph":
        fullWidth(look.indent + (block.lead ?? "") + block.text, "body", fonts.body);
        break;
      case "table":
        if (block.caption) fullWidth(block.caption, "caption", fonts.caption, { keepNext: true });
        rows.push(...tableRows(block, edges, widthsPx, fonts.table));
        gap(Math.round(fonts.body.size * 0.6));
        break;
    }
  }
  if (bulletin.closing) fullWidth(look.indent + bulletin.closing, "body", fonts.body);
  // GB/T 9704 7.3.5.2: the signature one blank line below the text, the date on the next line.
  gap(rowHeightFor(1, fonts.body.size));
  const [issuer, date] = signatureLines(bulletin.signature, look);
  fullWidth(issuer, "signature", fonts.body, { keepNext: true });
  fullWidth(date, "signature", fonts.body);

  const { cells, rowHeights, rowBreaks } = paginate(rows);
  return {
    name: look.sheetName,
    // Excel keeps widths to 1/256 of a unit; rounding down keeps the sum inside the page.
    columnWidths: widthsPx.map((px) => Math.floor((px / PX_PER_WIDTH_UNIT) * 256) / 256),
    rowHeights,
    styles,
    cells,
    page: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      margins: round(MARGINS_IN),
      horizontallyCentered: true,
      footer: look.footer,
      ...(look.evenFooter ? { evenFooter: look.evenFooter } : {}),
    },
    showGridLines: false,
    rowBreaks,
  };
}

/**
 * Numbers the rows and decides the pages: a row that does not fit starts a new page; a row
 * that must keep with the next starts a new page unless it and the rows it keeps with fit;
 * a table row that starts a page gets its table's header above it.
 */
function paginate(rows: LRow[]): { cells: DocCell[]; rowHeights: Record<number, number>; rowBreaks: number[] } {
  const cells: DocCell[] = [];
  const rowHeights: Record<number, number> = {};
  const rowBreaks: number[] = [];
  let row = 1;
  let used = 0;
  // A row's cells are numbered where they stand (row 0 until then); only a header printed again on
  // a later page is copied. The notices of a 50,000-task ledger lay out 200,000 cells: a copy of
  // each was 20 MB.
  const place = (r: LRow) => {
    if (r.cells.length > 0 && r.cells[0]!.row !== 0) {
      for (const c of r.cells) cells.push({ ...c, row });
    } else {
      for (const c of r.cells) {
        c.row = row;
        cells.push(c);
      }
    }
    rowHeights[row] = r.height;
    used += r.height;
    row++;
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    // The row and everything it keeps with, up to the first row that keeps with nothing.
    let need = r.height;
    for (let j = i; rows[j]!.keepNext && j + 1 < rows.length; j++) need += rows[j + 1]!.height;
    if (used > 0 && (r.breakBefore || used + Math.min(need, PAGE_HEIGHT_PT) > PAGE_HEIGHT_PT)) {
      rowBreaks.push(row);
      used = 0;
      if (r.spacer) continue;
      for (const h of r.repeat ?? []) place(h);
    }
    place(r);
  }
  return { cells, rowHeights, rowBreaks };
}

/**
 * The sheet's column edges in pixels: every table's edges (its relative widths spread over the
 * printable width), with edges that nearly coincide merged so no column is a sliver.
 */
export function columnEdges(tables: TableBlock[]): number[] {
  const W = PRINTABLE_WIDTH_PX;
  const wanted: number[] = [];
  for (const t of tables) wanted.push(...tableEdges(t).slice(1, -1));
  if (wanted.length === 0) for (let i = 1; i < PLAIN_COLUMNS; i++) wanted.push((W * i) / PLAIN_COLUMNS);
  wanted.sort((a, b) => a - b);
  const kept = [0];
  for (const e of wanted.map(Math.round)) {
    if (e - kept[kept.length - 1]! >= MIN_COLUMN_PX && W - e >= MIN_COLUMN_PX) kept.push(e);
  }
  kept.push(W);
  return kept;
}

function tableEdges(t: TableBlock): number[] {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const edges = [0];
  let acc = 0;
  for (const c of t.columns) {
    acc += c.width;
    edges.push((PRINTABLE_WIDTH_PX * acc) / total);
  }
  return edges;
}

/** Index in `edges` of the sheet edge nearest to `px`. */
function nearestEdge(edges: number[], px: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i]! - px) < Math.abs(edges[best]! - px)) best = i;
  return best;
}

function tableRows(table: TableBlock, edges: number[], widthsPx: number[], font: FontStyle): LRow[] {
  // Each table column covers the sheet columns between its own edges.
  const wanted = tableEdges(table);
  const at = wanted.map((px) => nearestEdge(edges, px));
  const spans = table.columns.map((_, i) => ({ col: at[i]! + 1, span: at[i + 1]! - at[i]! }));
  const pxOf = (from: number, span: number) => widthsPx.slice(from - 1, from - 1 + span).reduce((a, b) => a + b, 0);
  const tdStyles = table.columns.map((c) => `td-${c.align ?? "left"}`);
  const tdPx = spans.map((s) => pxOf(s.col, s.span));
  // A column's texts repeat (a problem over its measures, a level, a date, a lead's name): each
  // distinct one is measured once a column.
  const tdLines = spans.map(() => new Map<string, number>());
  const linesOfTd = (i: number, text: string): number => {
    const known = tdLines[i]!.get(text);
    if (known !== undefined) return known;
    const n = linesNeeded(text, tdPx[i]!, font.size);
    tdLines[i]!.set(text, n);
    return n;
  };

  const make = (values: (string | number)[], kind: "th" | "td" | "total"): LRow => {
    let lines = 1;
    const cells: DocCell[] = [];
    for (let i = 0; i < values.length && i < spans.length; i++) {
      const value = values[i]!;
      let { col, span } = spans[i]!;
      // In the 合计 row an empty cell widens the one before it.
      if (kind === "total" && value === "" && i > 0) continue;
      if (kind === "total") {
        for (let j = i + 1; j < values.length && values[j] === ""; j++) span += spans[j]!.span;
      }
      if (span <= 0) continue;
      const align: Alignment = kind === "th" ? "center" : (table.columns[i]?.align ?? "left");
      // A body cell's style and width are its column's, made once (the notices have 200,000 cells).
      const style = kind === "th" ? "th" : kind === "total" ? `total-${align}` : tdStyles[i]!;
      const px = kind === "td" ? tdPx[i]! : pxOf(col, span);
      const text = kind === "th" ? balanceHeader(String(value), px, font.size) : String(value);
      lines = Math.max(lines, kind === "td" ? linesOfTd(i, text) : linesNeeded(text, px, font.size));
      const cell: DocCell = { row: 0, col, value: typeof value === "number" ? value : text, style };
      if (span > 1) cell.colSpan = span;
      cells.push(cell);
      col += span;
    }
    return { height: rowHeightFor(lines, font.size), cells };
  };

  const header = make(
    table.columns.map((c) => c.header),
    "th",
  );
  header.keepNext = true;
  const repeat = [header];
  const out: LRow[] = [header];
  for (const r of table.rows) {
    const row = make(r, "td");
    row.repeat = repeat;
    out.push(row);
  }
  if (table.total) {
    const row = make(table.total, "total");
    row.repeat = repeat;
    out.push(row);
  }
  return out;
}

/**
 * A Chinese header too wide for its column is broken into two even lines (正在 / 推进)
 * rather than left to wrap with one character alone on the second line.
 */
function balanceHeader(text: string, px: number, size: number): string {
  const chars = Array.from(text);
  if (text.includes("\n") || chars.length < 4 || !chars.every((c) => textWidthEm(c) === 1)) return text;
  if (linesNeeded(text, px, size) !== 2) return text;
  const half = Math.ceil(chars.length / 2);
  return `${chars.slice(0, half).join("")}\n${chars.slice(half).join("")}`;
}

/**
 * GB/T 9704 7.3.5.2 (unsealed): the issuer stands two characters in from the right; the date,
 * on the next line, starts two characters to the right of the issuer's first character;
 * when the date is the longer, the date stands two in and the issuer moves left to match.
 * Right-aligned cells cannot indent by characters, so the space is written as full-width spaces.
 * `autospace`: the text is set by Word or LibreOffice, which put a quarter of a character between
 * Chinese and figures (w:autoSpaceDN, on by default); Excel's cells do not.
 */
export function signatureIndents(issuer: string, date: string, autospace = false): { issuer: number; date: number } {
  const width = autospace ? wordWidthEm : textWidthEm;
  const wi = width(issuer);
  const wd = width(date);
  const dateRight = Math.max(2, wi - wd);
  return { issuer: dateRight + wd + 2 - wi, date: dateRight };
}

function signatureLines(s: Signature, look: SheetLook): [string, string] {
  const ind = signatureIndents(s.issuer, s.date);
  return [s.issuer + look.signaturePad(ind.issuer), s.date + look.signaturePad(ind.date)];
}

function makeStyles(f: Fonts): Record<string, CellStyle> {
  const bold = (font: FontStyle): FontStyle => ({ ...font, bold: true });
  const td = (horizontal: Alignment, font: FontStyle): CellStyle => ({
    font,
    horizontal,
    vertical: "middle",
    wrap: true,
    border: true,
  });
  return {
    title: { font: f.title, horizontal: "center", vertical: "middle", wrap: true },
    recipient: { font: f.body, horizontal: "left", vertical: "top", wrap: true },
    body: { font: f.body, horizontal: "justify", vertical: "top", wrap: true },
    h1: { font: f.h1, horizontal: "left", vertical: "middle", wrap: true },
    h2: { font: f.h2, horizontal: "left", vertical: "middle", wrap: true },
    caption: { font: f.caption, horizontal: "center", vertical: "bottom", wrap: true },
    th: { font: bold(f.table), horizontal: "center", vertical: "middle", wrap: true, border: true, fill: HEADER_FILL },
    "td-left": td("left", f.table),
    "td-center": td("center", f.table),
    "td-right": td("right", f.table),
    "total-left": td("left", bold(f.table)),
    "total-center": td("center", bold(f.table)),
    "total-right": td("right", bold(f.table)),
    signature: { font: f.body, horizontal: "right", vertical: "middle", wrap: false },
  };
}

function round<T extends Record<string, number>>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v * 1000) / 1000])) as T;
}
