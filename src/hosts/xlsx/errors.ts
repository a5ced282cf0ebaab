import { LedgerError, type ErrorDataByCode } from "../../core/errors.js";
import type { Bilingual, Catalogue } from "../../core/i18n.js";

/**
 * Why a file could not be opened. Lives apart from open.ts so the package and sheet readers can
 * throw it without importing the workbook class (which imports them). Its words are the core's
 * error catalogue's (core/errors.ts), by code.
 */

export type WorkbookOpenErrorCode =
  "xls" | "encrypted" | "corrupt" | "disguised-file" | "empty-file" | "unsupported" | "too-large";

/** The limits a refusal can name, in both languages. */
export const LIMIT_NAMES = {
  zh: {
    inflated: "解压后的大小",
    cells: "工作表的行数×列数",
    rows: "行数",
    columns: "列数",
    merges: "合并单元格的总面积",
    parts: "压缩包内的文件数",
  },
  en: {
    inflated: "size once unzipped",
    cells: "rows × columns of a sheet",
    rows: "rows",
    columns: "columns",
    merges: "total area of merged cells",
    parts: "files inside the package",
  },
} satisfies Catalogue<Record<"inflated" | "cells" | "rows" | "columns" | "merges" | "parts", string>>;

export type LimitName = keyof (typeof LIMIT_NAMES)["zh"];

/** A file that could not be opened: a LedgerError, so every caller shows it as any other. */
export class WorkbookOpenError extends LedgerError<WorkbookOpenErrorCode> {
  /** `data` fills the catalogue entry's placeholders (a limit is named in each language). */
  constructor(code: WorkbookOpenErrorCode, cause?: unknown, data?: ErrorDataByCode[WorkbookOpenErrorCode]) {
    super(code, data ?? {}, cause === undefined ? undefined : { cause });
    this.name = "WorkbookOpenError";
    this.message = this.text.en;
  }

  get messages(): Bilingual {
    return this.text;
  }
}

/**
 * The refusal for a package whose part the copy must edit is not what its relationship says it
 * is (an empty styles part, a comments part without <comments>): Excel repairs such a file on
 * opening, and a copy patched on top of it would be no better.
 */
export function damaged(why: string): WorkbookOpenError {
  return new WorkbookOpenError("corrupt", new Error(why));
}

/** The refusal for a file over one of the reader's limits. */
export function tooLarge(what: LimitName, limit: string | number): WorkbookOpenError {
  const shown = typeof limit === "number" ? limit.toLocaleString("en-US") : limit;
  return new WorkbookOpenError("too-large", undefined, {
    what: { zh: LIMIT_NAMES.zh[what], en: LIMIT_NAMES.en[what] },
    limit: shown,
  });
}
