/**
 * The bulletin (整改通报) as a document: what it says, not how it looks. build.ts writes it
 * from a report and a ledger; layout.ts turns it into a sheet. Keeping the two apart lets the
 * wording be tested without cell coordinates, and the layout be tested without a ledger.
 */

export type Alignment = "left" | "center" | "right";

export interface HeadingBlock {
  kind: "heading";
  /** 1: `一、总体进展` (黑体); 2: `（一）……` (楷体). The number is part of the text. */
  level: 1 | 2;
  text: string;
}

export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
}

export interface TableColumn {
  header: string;
  /** Relative width: columns share the text width in proportion to these. */
  width: number;
  align: Alignment;
}

export type TableCell = string | number;

export interface TableBlock {
  kind: "table";
  /** `表1　各责任部门整改进展情况`, printed above the table. */
  caption?: string;
  columns: TableColumn[];
  rows: TableCell[][];
  /** A closing row (合计) printed in bold; an empty string widens the cell before it (合计 over 序号 and 部门). */
  total?: TableCell[];
}

export interface SignatureBlock {
  kind: "signature";
  issuer: string;
  /** As printed: `2025年7月1日`. */
  date: string;
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock | SignatureBlock;

export interface Bulletin {
  title: string;
  blocks: Block[];
}
