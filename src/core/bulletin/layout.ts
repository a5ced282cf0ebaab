import type { Lang } from "../i18n.js";
import type { CellStyle, DocCell, FontStyle, SheetDocument } from "../sheet-document.js";
import { cellTextWidthPt, linesNeeded, rowHeightFor, textWidthEm, wrapLines } from "./measure.js";
import type { Alignment, Bulletin, SignatureBlock, TableBlock } from "./model.js";

/**
 * Lays the bulletin out as a printable sheet: A4 portrait, GB/T 9704 margins, the text
 * width of an official document (156 mm, 28 characters of 3号 a line).
 *
 * The sheet's columns are the union of every table's column edges, so each table gets
 * exactly the widths it asked for and paragraphs simply span all columns. Excel measures
 * column widths in "characters" of the workbook's default font (Calibri 11: 7 pixels each,
 * at 96 pixels an inch when printing), which is how the widths are made to add up to the page.
 */

const CM = 1 / 2.54;
export const A4_WIDTH_IN = 21 * CM;
export const MARGINS_IN = {
  top: 3.7 * CM,
  bottom: 3.5 * CM,
  left: 2.8 * CM,
  right: 2.6 * CM,
  header: 1.5 * CM,
  // The page number sits in the bottom margin, a little below the text as GB/T 9704 has it.
  footer: 2.5 * CM,
};
/** Pixels per Excel width unit with the default Calibri 11 (its widest digit is 7 px). */
export const PX_PER_WIDTH_UNIT = 7;
/** The printable width in pixels (96 dpi), less a hair so rounding never spills onto a second page. */
export const PRINTABLE_WIDTH_PX = Math.floor((A4_WIDTH_IN - MARGINS_IN.left - MARGINS_IN.right) * 96) - 2;

/** Excel's tallest row. Longer paragraphs are split over several rows. */
const MAX_ROW_PT = 409;
/** Column edges closer than this are merged into one, so no sliver columns appear. */
const MIN_COLUMN_PX = 14;
/** Used when there are no tables to shape the columns: an even grid the clerk can work in. */
const PLAIN_COLUMNS = 8;
const INDENT = "\u3000\u3000";

interface Fonts {
  title: FontStyle;
  body: FontStyle;
  h1: FontStyle;
  h2: FontStyle;
  table: FontStyle;
  caption: FontStyle;
}

const ZH_FONTS: Fonts = {
  title: { name: "方正小标宋简体", fallbacks: ["华文中宋", "宋体", "SimSun"], size: 22 },
  body: { name: "仿宋_GB2312", fallbacks: ["仿宋", "FangSong"], size: 16 },
  h1: { name: "黑体", fallbacks: ["SimHei"], size: 16 },
  h2: { name: "楷体_GB2312", fallbacks: ["楷体", "KaiTi"], size: 16 },
  table: { name: "仿宋_GB2312", fallbacks: ["仿宋", "FangSong"], size: 12 },
  caption: { name: "黑体", fallbacks: ["SimHei"], size: 12 },
};

const SERIF = ["Liberation Serif", "Times"];
const SANS = ["Liberation Sans", "Helvetica"];
const EN_FONTS: Fonts = {
  title: { name: "Times New Roman", fallbacks: SERIF, size: 18, bold: true },
  body: { name: "Times New Roman", fallbacks: SERIF, size: 12 },
  h1: { name: "Arial", fallbacks: SANS, size: 13, bold: true },
  h2: { name: "Arial", fallbacks: SANS, size: 12, bold: true },
  table: { name: "Times New Roman", fallbacks: SERIF, size: 10.5 },
  caption: { name: "Arial", fallbacks: SANS, size: 10.5, bold: true },
};

const HEADER_FILL = "D9D9D9";

export function layoutBulletin(bulletin: Bulletin, lang: Lang): SheetDocument {
  const fonts = lang === "en" ? EN_FONTS : ZH_FONTS;
  const styles = makeStyles(fonts);
  const edges = columnEdges(bulletin.blocks.filter((b): b is TableBlock => b.kind === "table"));
  const widthsPx = edges.slice(1).map((e, i) => e - edges[i]!);
  const allPx = widthsPx.reduce((a, b) => a + b, 0);
  const ncols = widthsPx.length;

  const cells: DocCell[] = [];
  const rowHeights: Record<number, number> = {};
  let row = 1;

  /** A text merged across the whole width, split over rows if Excel's row limit demands it. */
  const fullWidth = (text: string, style: string, font: FontStyle, minLines = 1) => {
    const widthEm = (cellTextWidthPt(allPx) * 0.95) / font.size;
    const lines = wrapLines(text, widthEm);
    const perRow = Math.max(1, Math.floor((MAX_ROW_PT - font.size) / (font.size * 1.45)));
    for (let i = 0; i < lines.length; i += perRow) {
      const chunk = lines.slice(i, i + perRow);
      cells.push({ row, col: 1, value: chunk.join(""), style, colSpan: ncols });
      rowHeights[row] = rowHeightFor(Math.max(minLines, chunk.length), font.size);
      row++;
    }
  };
  const gap = (pt: number) => {
    rowHeights[row++] = pt;
  };

  fullWidth(bulletin.title, "title", fonts.title);
  gap(fonts.body.size);
  for (const block of bulletin.blocks) {
    switch (block.kind) {
      case "heading":
        fullWidth(
          lang === "zh" ? INDENT + block.text : block.text,
          block.level === 1 ? "h1" : "h2",
          block.level === 1 ? fonts.h1 : fonts.h2,
        );
        break;
      case "paragraph":
        fullWidth(lang === "zh" ? INDENT + block.text : block.text, "body", fonts.body);
        break;
      case "table":
        if (block.caption) fullWidth(block.caption, "caption", fonts.caption);
        row = placeTable(block, edges, widthsPx, fonts.table, row, cells, rowHeights);
        gap(Math.round(fonts.body.size * 0.6));
        break;
      case "signature": {
        gap(fonts.body.size * 2);
        const [issuer, date] = signatureLines(block, lang);
        fullWidth(issuer, "signature", fonts.body);
        fullWidth(date, "signature", fonts.body);
        break;
      }
    }
  }

  return {
    name: lang === "en" ? "Bulletin" : "整改通报",
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
      footer: "- &P -",
    },
    showGridLines: false,
  };
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

function placeTable(
  table: TableBlock,
  edges: number[],
  widthsPx: number[],
  font: FontStyle,
  startRow: number,
  cells: DocCell[],
  rowHeights: Record<number, number>,
): number {
  // Each table column covers the sheet columns between its own edges.
  const wanted = tableEdges(table);
  const at = wanted.map((px) => nearestEdge(edges, px));
  const spans = table.columns.map((_, i) => ({ col: at[i]! + 1, span: at[i + 1]! - at[i]! }));
  const pxOf = (from: number, span: number) => widthsPx.slice(from - 1, from - 1 + span).reduce((a, b) => a + b, 0);

  let row = startRow;
  const emit = (values: (string | number)[], kind: "th" | "td" | "total") => {
    let lines = 1;
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
      const style = kind === "th" ? "th" : `${kind === "total" ? "total" : "td"}-${align}`;
      const px = pxOf(col, span);
      const text = kind === "th" ? balanceHeader(String(value), px, font.size) : String(value);
      lines = Math.max(lines, linesNeeded(text, px, font.size));
      cells.push({
        row,
        col,
        value: typeof value === "number" ? value : text,
        style,
        ...(span > 1 ? { colSpan: span } : {}),
      });
      col += span;
    }
    rowHeights[row] = rowHeightFor(lines, font.size);
    row++;
  };

  emit(
    table.columns.map((c) => c.header),
    "th",
  );
  for (const r of table.rows) emit(r, "td");
  if (table.total) emit(table.total, "total");
  return row;
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
 * GB/T 9704: the date stands four characters in from the right, the issuer centred over it;
 * when the issuer is the longer, it stands two in and the date is centred under it.
 * Excel has no right indent in characters, so the space is written as full-width spaces.
 */
function signatureLines(block: SignatureBlock, lang: Lang): [string, string] {
  if (lang === "en") return [block.issuer, block.date];
  const wi = textWidthEm(block.issuer);
  const wd = textWidthEm(block.date);
  const [padIssuer, padDate] = wi > wd ? [2, 2 + (wi - wd) / 2] : [4 + (wd - wi) / 2, 4];
  return [block.issuer + spaces(padIssuer), block.date + spaces(padDate)];
}

/** Full-width spaces (1 em) and a half-width one for a remaining half em. */
function spaces(em: number): string {
  const halves = Math.round(em * 2);
  return "\u3000".repeat(Math.floor(halves / 2)) + (halves % 2 ? " " : "");
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
