import { LedgerError, type LedgerErrorCode } from "../../core/errors.js";
import type { Bilingual } from "../../core/i18n.js";

/**
 * Excel's errors in words a clerk understands. An OfficeExtension.Error's `message` is localized
 * and "not intended for end users" (Error handling with the application-specific JavaScript
 * APIs: use `code`); so the clerk sees a catalogue message chosen by code, with what to do, and
 * the developer's details (`code`, `debugInfo`) stay on the error as its cause, for the console.
 */

interface OfficeErrorLike {
  code: string;
  message?: string;
  debugInfo?: unknown;
}

const TEXT: Record<Extract<LedgerErrorCode, `excel-${string}`>, Bilingual> = {
  "excel-cell-editing": {
    zh: "Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试。",
    en: "Excel is editing a cell: press Enter or Esc to finish editing, then try again.",
  },
  "excel-too-large": {
    zh: "这次要交给 Excel 的数据太多，Excel 拒绝了请求：请分表校验，或在桌面版 Excel 中校验。",
    en: "Excel refused the request as too large: check the ledger in parts, or in desktop Excel.",
  },
  "excel-protected": {
    zh: "工作表受保护，无法标记或写入：请在“审阅”中撤销工作表保护后再试。",
    en: "The sheet is protected, so nothing could be marked or written: unprotect it (Review tab) and try again.",
  },
  "excel-not-found": {
    zh: "要处理的工作表或单元格已不存在（可能刚被删除或改名）：请重新校验。",
    en: "A sheet or cell to work on no longer exists (it may have just been deleted or renamed): check again.",
  },
  "excel-failed": {
    zh: "Excel 未能完成操作，工作簿未被改动：请稍后再试；如仍失败，请保存并重新打开工作簿。",
    en: "Excel could not complete the operation and the workbook was not changed: try again; if it still fails, save and reopen the workbook.",
  },
};

const BY_CODE: Record<string, keyof typeof TEXT> = {
  InvalidOperationInCellEditMode: "excel-cell-editing",
  RequestPayloadSizeLimitExceeded: "excel-too-large",
  ResponsePayloadSizeLimitExceeded: "excel-too-large",
  PayloadTooLarge: "excel-too-large",
  AccessDenied: "excel-protected",
  ItemNotFound: "excel-not-found",
};

export function isOfficeError(e: unknown): e is OfficeErrorLike {
  if (!e || typeof e !== "object") return false;
  const o = e as { code?: unknown; name?: unknown };
  return typeof o.code === "string" && (o.name === "RichApi.Error" || o.name === "OfficeExtension.Error");
}

export function excelError(code: keyof typeof TEXT, cause?: unknown): LedgerError {
  return new LedgerError(code, TEXT[code], cause === undefined ? undefined : { cause });
}

/** A LedgerError for an Office error (the original kept as `cause`); anything else unchanged. */
export function toLedgerError(e: unknown): unknown {
  if (e instanceof LedgerError || !isOfficeError(e)) return e;
  return excelError(BY_CODE[e.code] ?? "excel-failed", e);
}
