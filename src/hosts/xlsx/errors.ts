import { LedgerError } from "../../core/errors.js";
import { fill, type Bilingual, type Catalogue, type TemplateData } from "../../core/i18n.js";

/**
 * Why a file could not be opened. Lives apart from open.ts so the package and sheet readers can
 * throw it without importing the workbook class (which imports them).
 */

export type WorkbookOpenErrorCode = "xls" | "encrypted" | "corrupt" | "empty-file" | "unsupported" | "too-large";

interface OpenWords {
  xls: string;
  encrypted: string;
  corrupt: string;
  "empty-file": string;
  unsupported: string;
  /** `{{what}}` names the limit, `{{limit}}` its size. */
  "too-large": string;
}

const WORDS = {
  zh: {
    xls: "这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再校验。",
    encrypted: "文件设有打开密码，请在 Excel 中取消密码（文件→信息→保护工作簿）并保存后再校验。",
    corrupt: "文件已损坏或不是有效的 Excel 文件，请在 Excel 中打开确认后另存为 .xlsx 再校验。",
    "empty-file": "文件是空的（0 字节），请确认选择了正确的文件。",
    unsupported: "不支持此文件格式，请使用 .xlsx 或 .csv 文件。",
    "too-large": "文件超出校验上限（{{what}}：{{limit}}），请将台账按部门或年度拆分为几个较小的工作簿后分别校验。",
  },
  en: {
    xls: "This is an old .xls file. Save it as .xlsx in Excel, then check it again.",
    encrypted:
      "The file is password-protected. Remove the password in Excel (File → Info → Protect Workbook), save, then check it again.",
    corrupt: "The file is damaged or not a valid Excel file. Open it in Excel, save it as .xlsx, then check it again.",
    "empty-file": "The file is empty (0 bytes). Check that you picked the right file.",
    unsupported: "This file format is not supported. Use an .xlsx or .csv file.",
    "too-large":
      "The file is over a limit of the check ({{what}}: {{limit}}). Split the ledger into smaller workbooks (by department or year) and check each.",
  },
} satisfies Catalogue<OpenWords>;

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
export class WorkbookOpenError extends LedgerError {
  declare readonly code: WorkbookOpenErrorCode;

  /** `data` fills the message's placeholders, per language (limits are named in each language). */
  constructor(code: WorkbookOpenErrorCode, cause?: unknown, data?: Catalogue<TemplateData>) {
    const text: Bilingual = { zh: fill(WORDS.zh[code], data?.zh), en: fill(WORDS.en[code], data?.en) };
    super(code, text, cause === undefined ? undefined : { cause });
    this.name = "WorkbookOpenError";
    this.message = text.en;
  }

  get messages(): Bilingual {
    return this.text;
  }
}

/** The refusal for a file over one of the reader's limits. */
export function tooLarge(what: LimitName, limit: string | number): WorkbookOpenError {
  const shown = typeof limit === "number" ? limit.toLocaleString("en-US") : limit;
  return new WorkbookOpenError("too-large", undefined, {
    zh: { what: LIMIT_NAMES.zh[what], limit: shown },
    en: { what: LIMIT_NAMES.en[what], limit: shown },
  });
}
