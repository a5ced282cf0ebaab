import { LedgerError, type LedgerErrorCode } from "../../core/errors.js";

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

/** The catalogue's codes for Excel's refusals (core/errors.ts holds their words). */
type ExcelErrorCode = Extract<LedgerErrorCode, `excel-${string}`>;

const BY_CODE: Record<string, ExcelErrorCode> = {
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

export function excelError(code: ExcelErrorCode, cause?: unknown): LedgerError {
  return new LedgerError(code, {}, cause === undefined ? undefined : { cause });
}

/** A LedgerError for an Office error (the original kept as `cause`); anything else unchanged. */
export function toLedgerError(e: unknown): unknown {
  if (e instanceof LedgerError || !isOfficeError(e)) return e;
  return excelError(BY_CODE[e.code] ?? "excel-failed", e);
}
