/**
 * The bulletin (整改通报) as a document: what it says, not how it looks. build.ts writes it
 * from a report and a ledger; layout.ts turns it into a sheet and docx.ts into a Word file.
 * Keeping the wording apart from both lets it be tested without cell coordinates or XML,
 * and guarantees the sheet and the Word file say the same thing.
 *
 * Everything in a Bulletin is meant for the meeting: no cell addresses, row numbers or
 * internal counts. Those go to the 校验明细 sheet (findings-sheet.ts).
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
  /**
   * A lead-in printed in the heading face of level 3 (`1.` items in 仿宋, with the lead in
   * bold in English), then the text: `1.办公室：` + `对8家下属单位……`.
   */
  lead?: string;
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
  /** `表1　各责任部门整改进展情况`, printed above the table and kept with it; the bulletin's tables all have one. */
  caption?: string;
  columns: TableColumn[];
  rows: TableCell[][];
  /** A closing row (合计) printed in bold; an empty string widens the cell before it (合计 over 序号 and 部门). */
  total?: TableCell[];
}

export type Block = HeadingBlock | ParagraphBlock | TableBlock;

export interface Signature {
  /** 发文机关署名. */
  issuer: string;
  /** 成文日期 as printed: `2025年7月1日`. */
  date: string;
}

/** Names the title rows did not give and no option supplied: the caller asks the clerk for them. */
export type MissingName = "kind" | "body" | "inspection";

export interface Bulletin {
  /**
   * The title in pieces that must not be broken (`中共XX大学委员会`, `关于`, `落实`,
   * `省委第三巡视组`, `反馈意见`, `整改进展情况的通报`): a long title breaks only between them.
   */
  title: string[];
  /** 主送机关, with its closing colon; absent when the clerk wants none. */
  recipient?: string;
  blocks: Block[];
  /** `特此通报。`; other documents in this model (the 督办清单) may have none. */
  closing?: string;
  signature: Signature;
  missing: MissingName[];
}

/** The title as one string. */
export function titleText(b: Pick<Bulletin, "title">): string {
  return b.title.join("");
}
