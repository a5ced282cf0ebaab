import { FIELD_NAMES } from "./fields.js";
import { fill, LANGS, type Catalogue, type Lang } from "./i18n.js";

/**
 * The error catalogue, in the manner of Frictionless's: every error a clerk can see (a CLI line,
 * the pane's message bar) has a stable code, a title, a message template and what to do, in
 * both languages. Code raises `new LedgerError(code, data)`; the words are rendered here, once.
 * docs/errors.md is generated from this catalogue (`npm run docs:errors`).
 */
export interface ErrorWords {
  title: string;
  /** The one line shown; `{{action}}` stands for the entry's `action`. */
  template: string;
  /** What the clerk can do about it. */
  action: string;
  /**
   * Phrases put in place of `{{name}}` only when `data.name` is given (a non-empty list or a
   * text), and left out otherwise: 已查看的工作表 when there were sheets to look at.
   */
  optional?: Readonly<Record<string, string>>;
}

/** A text given in every language (a limit's or a field's name), rendered in the error's language. */
export type LocalText = Readonly<Record<Lang, string>>;

type NoData = Readonly<Record<string, never>>;

/** An output the CLI could not write: its path as given, its option, and what it is (副本, 通报, 督办通知). */
export type OutputData = { path: string; option: string; what: LocalText };

/**
 * Every code with the data its template is filled with: a missing or misspelt datum fails the build.
 * The command line's own codes are apart (their words live in src/cli/error-words.ts, so the task
 * pane's bundle does not carry them).
 */
export interface ErrorDataByCode extends CliErrorData {
  "no-ledger": { fields: LocalText; sheets: readonly string[] };
  "empty-sheet": { sheet: string };
  "empty-workbook": NoData;
  "sheet-not-found": { sheet: string; sheets: readonly string[] };
  "no-header-row": { sheet: string; row: number; fields: LocalText };
  "generated-sheet": { sheet: string };
  // The file itself could not be opened (hosts/xlsx's WorkbookOpenError).
  xls: NoData;
  encrypted: NoData;
  corrupt: NoData;
  "disguised-file": { ext: string; kind: LocalText };
  "empty-file": NoData;
  unsupported: NoData;
  "too-large": { what: LocalText; limit: string | number };
  // Excel refused a request (hosts/excel/errors.ts maps OfficeExtension.Error codes to these).
  "excel-cell-editing": NoData;
  "excel-too-large": NoData;
  "excel-protected": NoData;
  "excel-not-found": NoData;
  "excel-failed": NoData;
}

/** The command line: its options, the input file, the output files (src/cli). */
export interface CliErrorData {
  "file-not-found": { path: string };
  "cwd-gone": { path: string };
  "is-folder": { path: string };
  "not-a-file": { path: string };
  "no-permission": { path: string };
  unreadable: { path: string; reason?: string };
  "same-file": NoData;
  "out-is-folder": OutputData;
  "out-not-a-file": OutputData;
  "out-read-only": OutputData;
  "out-not-ours": OutputData;
  "out-no-space": OutputData;
  "out-no-folder": OutputData;
  "out-failed": OutputData;
  "out-wrong-extension": OutputData & { ext: string; app: string };
  "outputs-clash": { path: string };
  "notices-not-folder": { path: string };
  "notices-folder-taken": { path: string; file: string };
  "previous-without-snapshot": { path: string };
  "previous-unreadable": { path: string; reason: LocalText };
  "unknown-rule": { name: string };
  "bad-option": { option: string; value: string };
  "unknown-option": { option: string };
  "repeated-option": { option: string; values: readonly string[] };
  "missing-value": { option: string };
  "empty-value": { option: string };
  "out-of-range": { option: string; value: string; min: number; max: number };
  "bad-date": { option: string; value: string };
  "bad-lang": { value: string };
  "no-file": NoData;
  "two-files": { n: number; files: readonly string[] };
  "check-failed": { detail: string };
}

export type LedgerErrorCode = keyof ErrorDataByCode;
export type CliErrorCode = keyof CliErrorData;
export type CoreErrorCode = Exclude<LedgerErrorCode, CliErrorCode>;

export type ErrorData = Readonly<Record<string, string | number | readonly string[] | LocalText | undefined>>;

/** The constructor's arguments after the code: data only where the code's template needs some. */
export type ErrorArgs<C extends LedgerErrorCode> = [ErrorDataByCode[C]] extends [NoData]
  ? [data?: NoData, options?: ErrorOptions]
  : [data: ErrorDataByCode[C], options?: ErrorOptions];

/** The words of every code but the command line's, which src/cli/error-words.ts adds. */
export const CORE_ERRORS = {
  zh: {
    "no-ledger": {
      title: "未找到整改台账",
      template: "未找到整改台账：前20行中没有哪一行表头包含至少三个台账栏目（{{fields}}）{{sheets}}。",
      action: "确认台账所在的工作表和表头行，或在设置中指定工作表、表头行和各栏目所在的列。",
      optional: { sheets: "（已查看：{{sheets}}）" },
    },
    "empty-sheet": {
      title: "工作表是空的",
      template: "工作表“{{sheet}}”是空的，没有可校验的内容。",
      action: "选择台账所在的工作表。",
    },
    "empty-workbook": {
      title: "工作簿是空的",
      template: "工作簿是空的，没有可校验的内容。",
      action: "确认打开的是填好的台账文件。",
    },
    "sheet-not-found": {
      title: "找不到工作表",
      template: "找不到工作表“{{sheet}}”。现有工作表：{{sheets}}。",
      action: "从现有工作表中选一个，注意名称须完全一致。",
    },
    "no-header-row": {
      title: "指定的表头行不是表头",
      template: "工作表“{{sheet}}”第{{row}}行不是台账表头：该行没有至少三个台账栏目（{{fields}}）。{{action}}",
      action: "请改正表头行号，或不指定表头行以自动识别。",
    },
    "generated-sheet": {
      title: "这是生成的工作表",
      template: "工作表“{{sheet}}”是 ledger-check 生成的，不是台账，不能作为台账校验。{{action}}",
      action: "请指定台账所在的工作表。",
    },
    xls: {
      title: "旧版 .xls 文件",
      template: "这是旧版 .xls 文件，{{action}}",
      action: "请在 Excel 中另存为 .xlsx 后再校验。",
    },
    encrypted: {
      title: "文件设有密码",
      template: "文件设有打开密码，{{action}}",
      action: "请在 Excel 中取消密码（文件→信息→保护工作簿）并保存后再校验。",
    },
    corrupt: {
      title: "文件已损坏",
      template: "文件已损坏或不是有效的 Excel 文件，{{action}}",
      action: "请在 Excel 中打开确认后另存为 .xlsx 再校验。",
    },
    "disguised-file": {
      title: "扩展名与内容不符",
      template: "这个文件的扩展名是 .{{ext}}，内容却是{{kind}}（常见于业务系统导出的“Excel”），{{action}}",
      action: "请在 Excel 或 WPS 中打开，另存为 .xlsx 后再校验。",
    },
    "empty-file": {
      title: "文件是空的",
      template: "文件是空的（0 字节），{{action}}",
      action: "请确认选择了正确的文件。",
    },
    unsupported: {
      title: "不支持的文件格式",
      template: "不支持此文件格式，{{action}}",
      action: "请使用 .xlsx 或 .csv 文件。",
    },
    "too-large": {
      title: "文件超出校验上限",
      template: "文件超出校验上限（{{what}}：{{limit}}），{{action}}",
      action: "请将台账按部门或年度拆分为几个较小的工作簿后分别校验。",
    },
    "excel-cell-editing": {
      title: "Excel 正在编辑单元格",
      template: "Excel 正在编辑单元格：{{action}}",
      action: "请按 Enter 或 Esc 结束编辑后再试。",
    },
    "excel-too-large": {
      title: "Excel 拒绝了过大的请求",
      template: "这次要交给 Excel 的数据太多，Excel 拒绝了请求：{{action}}",
      action: "请分表校验，或在桌面版 Excel 中校验。",
    },
    "excel-protected": {
      title: "工作表受保护",
      template: "工作表受保护，无法标记或写入：{{action}}",
      action: "请在“审阅”中撤销工作表保护后再试。",
    },
    "excel-not-found": {
      title: "工作表或单元格已不存在",
      template: "要处理的工作表或单元格已不存在（可能刚被删除或改名）：{{action}}",
      action: "请重新校验。",
    },
    "excel-failed": {
      title: "Excel 未能完成操作",
      template: "Excel 未能完成操作，工作簿未被改动：{{action}}",
      action: "请稍后再试；如仍失败，请保存并重新打开工作簿。",
    },
  },
  en: {
    "no-ledger": {
      title: "No ledger found",
      template:
        "No rectification ledger found: no header row in the first 20 rows names at least three ledger fields ({{fields}}){{sheets}}.",
      action: "Check the ledger's sheet and header row, or set the sheet, the header row and the fields' columns.",
      optional: { sheets: " (looked at: {{sheets}})" },
    },
    "empty-sheet": {
      title: "Empty sheet",
      template: "Sheet “{{sheet}}” is empty: nothing to check.",
      action: "Pick the sheet that holds the ledger.",
    },
    "empty-workbook": {
      title: "Empty workbook",
      template: "The workbook is empty: nothing to check.",
      action: "Check that this is the filled-in ledger.",
    },
    "sheet-not-found": {
      title: "No such sheet",
      template: "No sheet named “{{sheet}}”. Sheets: {{sheets}}.",
      action: "Pick one of the sheets there are; the name must match exactly.",
    },
    "no-header-row": {
      title: "Header row is no header",
      template:
        "No ledger header in row {{row}} of sheet “{{sheet}}”: the row names fewer than three ledger fields ({{fields}}). {{action}}",
      action: "Correct the header row, or leave it out to detect it.",
    },
    "generated-sheet": {
      title: "A generated sheet",
      template:
        "Sheet “{{sheet}}” was generated by ledger-check and is not a ledger, so it cannot be checked as one. {{action}}",
      action: "Name the sheet that holds the ledger.",
    },
    xls: {
      title: "Old .xls file",
      template: "This is an old .xls file. {{action}}",
      action: "Save it as .xlsx in Excel, then check it again.",
    },
    encrypted: {
      title: "Password-protected file",
      template: "The file is password-protected. {{action}}",
      action: "Remove the password in Excel (File → Info → Protect Workbook), save, then check it again.",
    },
    corrupt: {
      title: "Damaged file",
      template: "The file is damaged or not a valid Excel file. {{action}}",
      action: "Open it in Excel, save it as .xlsx, then check it again.",
    },
    "disguised-file": {
      title: "Extension does not match the content",
      template:
        "This file is named .{{ext}} but holds {{kind}} (as business systems' “Excel” exports often do). {{action}}",
      action: "Open it in Excel or WPS, save it as .xlsx, then check it again.",
    },
    "empty-file": {
      title: "Empty file",
      template: "The file is empty (0 bytes). {{action}}",
      action: "Check that you picked the right file.",
    },
    unsupported: {
      title: "Unsupported format",
      template: "This file format is not supported. {{action}}",
      action: "Use an .xlsx or .csv file.",
    },
    "too-large": {
      title: "File over a limit",
      template: "The file is over a limit of the check ({{what}}: {{limit}}). {{action}}",
      action: "Split the ledger into smaller workbooks (by department or year) and check each.",
    },
    "excel-cell-editing": {
      title: "Excel is editing a cell",
      template: "Excel is editing a cell: {{action}}",
      action: "press Enter or Esc to finish editing, then try again.",
    },
    "excel-too-large": {
      title: "Request too large for Excel",
      template: "Excel refused the request as too large: {{action}}",
      action: "check the ledger in parts, or in desktop Excel.",
    },
    "excel-protected": {
      title: "Protected sheet",
      template: "The sheet is protected, so nothing could be marked or written: {{action}}",
      action: "unprotect it (Review tab) and try again.",
    },
    "excel-not-found": {
      title: "Sheet or cell gone",
      template: "A sheet or cell to work on no longer exists (it may have just been deleted or renamed): {{action}}",
      action: "check again.",
    },
    "excel-failed": {
      title: "Excel could not finish",
      template: "Excel could not complete the operation and the workbook was not changed: {{action}}",
      action: "try again; if it still fails, save and reopen the workbook.",
    },
  },
} as const satisfies Catalogue<Record<CoreErrorCode, ErrorWords>>;

/** The words known to this bundle: the core's, and the command line's once its module is loaded. */
const WORDS: Record<Lang, Partial<Record<LedgerErrorCode, ErrorWords>>> = {
  zh: { ...CORE_ERRORS.zh },
  en: { ...CORE_ERRORS.en },
};

/** Adds the words of codes raised elsewhere (the command line's). */
export function addErrorWords(more: Catalogue<Partial<Record<LedgerErrorCode, ErrorWords>>>): void {
  for (const lang of LANGS) Object.assign(WORDS[lang], more[lang]);
}

/** A code's words; a code whose words were never added says so rather than render nothing. */
export function errorWords(lang: Lang, code: LedgerErrorCode): ErrorWords {
  const words = WORDS[lang][code];
  if (!words) throw new Error(`no words for error code ${code} (its catalogue module was not loaded)`);
  return words;
}

/** Between the items of a list datum. */
const LIST_SEP: Catalogue<string> = { zh: "、", en: ", " };

/** An error's one line in `lang`, from its catalogue entry and data. */
export function renderError(code: LedgerErrorCode, data: ErrorData, lang: Lang): string {
  const words = errorWords(lang, code);
  const flat: Record<string, string | number | undefined> = {};
  for (const [key, value] of Object.entries(data)) flat[key] = datum(value, lang);
  // An action may name the option or the output it is about (`{{option}}`).
  flat.action = fill(words.action, flat);
  for (const [key, phrase] of Object.entries(words.optional ?? {})) {
    const given = flat[key];
    flat[key] = given === undefined || given === "" ? "" : fill(phrase, flat);
  }
  return fill(words.template, flat);
}

function datum(value: ErrorData[string], lang: Lang): string | number | undefined {
  if (value === undefined || typeof value === "string" || typeof value === "number") return value;
  if (Array.isArray(value)) return value.join(LIST_SEP[lang]);
  return (value as LocalText)[lang];
}

/**
 * Why a workbook could not be checked, in words a clerk understands. The code is stable
 * (CLI exit code 2, the task pane's empty states); `text` is the rendered line in each language.
 */
export class LedgerError<C extends LedgerErrorCode = LedgerErrorCode> extends Error {
  readonly text: LocalText;
  readonly data: ErrorData;

  constructor(
    readonly code: C,
    ...[data = {}, options]: ErrorArgs<C>
  ) {
    const text = Object.fromEntries(LANGS.map((l) => [l, renderError(code, data, l)])) as Record<Lang, string>;
    super(`${text.zh} ${text.en}`, options);
    this.text = text;
    this.data = data;
    this.name = "LedgerError";
  }
}

/** The field names a ledger header is recognised by, in both languages: what no-ledger says it looked for. */
export const LOOKED_FOR_FIELDS: LocalText = {
  zh: Object.values(FIELD_NAMES.zh).join(LIST_SEP.zh),
  en: Object.values(FIELD_NAMES.en).join(LIST_SEP.en),
};

export function noLedgerError(sheets: readonly string[]): LedgerError {
  return new LedgerError("no-ledger", { fields: LOOKED_FOR_FIELDS, sheets });
}

/** `--header-row N` (or the pane's header-row setting) names a row that is not a ledger header. */
export function noHeaderInRowError(sheet: string, row: number): LedgerError {
  return new LedgerError("no-header-row", { sheet, row, fields: LOOKED_FOR_FIELDS });
}
