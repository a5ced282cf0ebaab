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

/** Every code with the data its template is filled with: a missing or misspelt datum fails the build. */
export interface ErrorDataByCode {
  "no-ledger": { fields: LocalText; sheets: readonly string[] };
  "empty-sheet": { sheet: string };
  "empty-workbook": NoData;
  "sheet-not-found": { sheet: string; sheets: readonly string[] };
  "file-not-found": { path: string };
  "not-a-file": { path: string };
  unreadable: { path: string; reason?: string };
  "same-file": NoData;
  "previous-without-snapshot": { path: string };
  "unknown-rule": { name: string };
  "bad-option": { option: string; value: string };
  "check-failed": { detail: string };
  // The file itself could not be opened (hosts/xlsx's WorkbookOpenError).
  xls: NoData;
  encrypted: NoData;
  corrupt: NoData;
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

export type LedgerErrorCode = keyof ErrorDataByCode;

export type ErrorData = Readonly<Record<string, string | number | readonly string[] | LocalText | undefined>>;

/** The constructor's arguments after the code: data only where the code's template needs some. */
export type ErrorArgs<C extends LedgerErrorCode> = [ErrorDataByCode[C]] extends [NoData]
  ? [data?: NoData, options?: ErrorOptions]
  : [data: ErrorDataByCode[C], options?: ErrorOptions];

export const ERRORS = {
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
    "file-not-found": {
      title: "找不到文件",
      template: "找不到文件：{{path}}",
      action: "检查文件路径和文件名。",
    },
    "not-a-file": {
      title: "不是文件",
      template: "这是一个文件夹，不是台账文件：{{path}}",
      action: "指定文件夹中的台账文件（.xlsx 或 .csv）。",
    },
    unreadable: {
      title: "无法读取文件",
      template: "无法读取文件{{reason}}：{{path}}",
      action: "确认有读取该文件的权限，且文件未被其他程序独占。",
      optional: { reason: "（{{reason}}）" },
    },
    "same-file": {
      title: "输出文件与输入相同",
      template: "输出文件不能与输入文件相同：原台账不得改动。",
      action: "为带标记的副本另取一个文件名。",
    },
    "previous-without-snapshot": {
      title: "上次校验结果中没有可比较的记录",
      template: "“{{path}}”中没有 ledger-check 的校验记录，无法比较进展。",
      action: "--previous 请指定 ledger-check 写出的带标记副本（--out），或其 --json 报告。",
    },
    "unknown-rule": {
      title: "没有这条规则",
      template: "没有名为“{{name}}”的规则。",
      action: "使用 docs/rules.md 中列出的规则编号或纸面整改原因编号。",
    },
    "bad-option": {
      title: "选项值无效",
      template: "选项 {{option}} 的值“{{value}}”无效。",
      action: "运行 ledger-check --help 查看各选项的写法。",
    },
    "check-failed": {
      title: "校验失败",
      template: "校验失败，台账未改动：{{detail}}",
      action: "重试一次；如仍失败，请把这行提示和台账（可去掉敏感内容）发给维护人员。",
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
    "file-not-found": {
      title: "File not found",
      template: "File not found: {{path}}",
      action: "Check the path and the file name.",
    },
    "not-a-file": {
      title: "Not a file",
      template: "This is a folder, not a ledger file: {{path}}",
      action: "Name the ledger file (.xlsx or .csv) inside the folder.",
    },
    unreadable: {
      title: "Cannot read the file",
      template: "Cannot read the file{{reason}}: {{path}}",
      action: "Check that you may read the file and that no other program holds it open exclusively.",
      optional: { reason: " ({{reason}})" },
    },
    "same-file": {
      title: "Output is the input",
      template: "The output file must differ from the input: the ledger itself is never modified.",
      action: "Give the marked copy a name of its own.",
    },
    "previous-without-snapshot": {
      title: "No earlier check to compare with",
      template: "“{{path}}” holds no ledger-check record, so progress cannot be compared.",
      action: "Give --previous a marked copy written by ledger-check (--out) or its --json report.",
    },
    "unknown-rule": {
      title: "No such rule",
      template: "No rule named “{{name}}”.",
      action: "Use a rule id or paper-only reason listed in docs/rules.md.",
    },
    "bad-option": {
      title: "Bad option value",
      template: "Option {{option}} has an invalid value “{{value}}”.",
      action: "Run ledger-check --help to see how each option is written.",
    },
    "check-failed": {
      title: "Check failed",
      template: "Check failed; nothing was changed: {{detail}}",
      action:
        "Try again; if it fails again, send this line and the ledger (sensitive text removed) to the maintainers.",
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
} as const satisfies Catalogue<Record<LedgerErrorCode, ErrorWords>>;

/** Every code, in the catalogue's order (docs/errors.md). */
export const ERROR_CODES = Object.keys(ERRORS.zh) as LedgerErrorCode[];

/** Between the items of a list datum. */
const LIST_SEP: Catalogue<string> = { zh: "、", en: ", " };

/** An error's one line in `lang`, from its catalogue entry and data. */
export function renderError(code: LedgerErrorCode, data: ErrorData, lang: Lang): string {
  const words: ErrorWords = ERRORS[lang][code];
  const flat: Record<string, string | number | undefined> = { action: words.action };
  for (const [key, value] of Object.entries(data)) flat[key] = datum(value, lang);
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
