/**
 * A generated sheet (the bulletin) described as data: cells with styles, merges, column
 * widths, row heights and print setup. The engine lays it out; each host only translates
 * it to its own API, so the .xlsx file and the sheet in Excel look the same.
 */

export interface FontStyle {
  /** First choice; hosts that can't name fallbacks use this. */
  name: string;
  /** Names to try when `name` is missing on the PC (documented for the clerk, used by renderers that can). */
  fallbacks?: string[];
  /** Points. */
  size: number;
  bold?: boolean;
  color?: string; // "RRGGBB"
}

export interface CellStyle {
  font: FontStyle;
  horizontal?: "left" | "center" | "right" | "justify";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Background fill "RRGGBB". */
  fill?: string;
  /** Number format; text cells get "@". */
  numberFormat?: string;
  /** Indent level (first-line indents are written as leading full-width spaces instead). */
  indent?: number;
}

export interface DocCell {
  /** 1-based row and column in the generated sheet. */
  row: number;
  col: number;
  /** Strings are always written as text, never as formulas, whatever they start with. */
  value: string | number;
  style: string;
  /** Merge this cell across `cols` columns and `rows` rows (1 = no merge). */
  colSpan?: number;
  rowSpan?: number;
}

export interface PageSetup {
  paperSize: "A4";
  orientation: "portrait" | "landscape";
  /** Scale to one page wide, as many pages tall as needed. */
  fitToWidth: boolean;
  /** Margins in inches. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  horizontallyCentered?: boolean;
  /** Footer text with Excel's codes (&P page number); on odd pages when `evenFooter` is set. */
  footer?: string;
  /** Footer of even pages (GB/T 9704 puts odd page numbers right, even ones left). */
  evenFooter?: string;
}

export interface SheetDocument {
  /** The sheet's name as the engine would like it; hosts apply the naming rule. */
  name: string;
  /** Column widths in Excel character units. */
  columnWidths: number[];
  /** Row heights in points, by 1-based row; rows not listed keep the default. */
  rowHeights: Record<number, number>;
  styles: Record<string, CellStyle>;
  cells: DocCell[];
  page: PageSetup;
  /** Hide gridlines: the sheet should read as a document. */
  showGridLines: boolean;
  /** Rows that start a new printed page (manual page breaks above them). */
  rowBreaks?: number[];
}
