import type { Bilingual } from "./i18n.js";

export type LedgerErrorCode =
  | "no-ledger"
  | "empty-sheet"
  | "empty-workbook"
  | "sheet-not-found"
  | "unreadable"
  | "bad-option"
  // The file itself could not be opened (hosts/xlsx's WorkbookOpenError).
  | "xls"
  | "encrypted"
  | "corrupt"
  | "empty-file"
  | "unsupported"
  | "too-large"
  // Excel refused a request (hosts/excel/errors.ts maps OfficeExtension.Error codes to these).
  | "excel-cell-editing"
  | "excel-too-large"
  | "excel-protected"
  | "excel-not-found"
  | "excel-failed";

/**
 * Why a workbook could not be checked, in words a clerk understands. The code is stable
 * (CLI exit code 2, the task pane's empty states); the text is bilingual, Chinese first.
 */
export class LedgerError extends Error {
  constructor(
    readonly code: LedgerErrorCode,
    readonly text: Bilingual,
    options?: ErrorOptions,
  ) {
    super(`${text.zh} ${text.en}`, options);
    this.name = "LedgerError";
  }
}

export const LOOKED_FOR_HEADERS: Bilingual = {
  zh: "反馈问题、整改措施、责任领导、责任部门、整改时限、整改进展、佐证材料",
  en: "Problem, Measures, Lead, Department, Deadline, Status, Evidence",
};

export function noLedgerError(sheets: string[]): LedgerError {
  const where = sheets.length ? `（已查看：${sheets.join("、")}）` : "";
  const whereEn = sheets.length ? ` (looked at: ${sheets.join(", ")})` : "";
  return new LedgerError("no-ledger", {
    zh: `未找到整改台账：前20行中没有哪一行表头包含至少三个台账栏目（${LOOKED_FOR_HEADERS.zh}）${where}。`,
    en: `No rectification ledger found: no header row in the first 20 rows names at least three ledger fields (${LOOKED_FOR_HEADERS.en})${whereEn}.`,
  });
}
