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

/** Every code with the data its template is filled with: a missing or misspelt datum fails the build. */
export interface ErrorDataByCode {
  "no-ledger": { fields: LocalText; sheets: readonly string[] };
  "empty-sheet": { sheet: string };
  "empty-workbook": NoData;
  "sheet-not-found": { sheet: string; sheets: readonly string[] };
  "no-header-row": { sheet: string; row: number; fields: LocalText };
  "generated-sheet": { sheet: string };
  // The command line: its options, the input file, the output file (src/cli).
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
    "file-not-found": {
      title: "找不到文件",
      template: "找不到文件：{{path}}",
      action: "检查文件路径和文件名。",
    },
    "cwd-gone": {
      title: "当前文件夹已不存在",
      template: "命令行所在的当前文件夹已不存在（可能已被删除或移走），找不到“{{path}}”：{{action}}",
      action: "请进入一个存在的文件夹（如 cd ~）后再运行，或写出文件的完整路径。",
    },
    "is-folder": {
      title: "这是文件夹",
      template: "这是一个文件夹，不是台账文件：{{path}}",
      action: "指定文件夹中的台账文件（.xlsx 或 .csv）。",
    },
    "not-a-file": {
      title: "不是普通文件",
      template: "“{{path}}”不是普通文件（是设备、管道或套接字），无法校验：{{action}}",
      action: "请指定一个 .xlsx 或 .csv 文件。",
    },
    "no-permission": {
      title: "没有读取权限",
      template: "没有权限读取文件：{{path}}。{{action}}",
      action: "请确认文件未被加密或锁定，或复制一份到自己的文件夹后再校验。",
    },
    unreadable: {
      title: "无法读取文件",
      template: "无法读取文件{{reason}}：{{path}}",
      action: "确认有读取该文件的权限，且文件未被其他程序独占。",
      optional: { reason: "（{{reason}}）" },
    },
    "same-file": {
      title: "输出文件与输入相同",
      template: "输出文件不能与输入文件相同：原台账不得改动。{{action}}",
      action: "请给输出文件另起一个文件名。",
    },
    "out-is-folder": {
      title: "输出位置是文件夹",
      template: "“{{path}}”是一个文件夹：{{action}}",
      action: "{{option}} 需要一个文件名，而不是文件夹。",
    },
    "out-not-a-file": {
      title: "输出位置不是普通文件",
      template: "“{{path}}”不是普通文件（是设备、管道或套接字），不能写出{{what}}：{{action}}",
      action: "请给 {{option}} 指定一个普通文件的文件名。",
    },
    "out-read-only": {
      title: "输出位置只读",
      template: "没有权限写入“{{path}}”（文件或所在文件夹是只读的），原有文件未改动：{{action}}",
      action: "请换一个位置保存{{what}}。",
    },
    "out-no-space": {
      title: "磁盘空间不足",
      template: "磁盘空间不足，未能写出{{what}}“{{path}}”，原有文件未改动：{{action}}",
      action: "请腾出空间或换一个位置保存。",
    },
    "out-no-folder": {
      title: "输出路径无效",
      template: "无法在“{{path}}”写出{{what}}：路径中有一部分不是文件夹。{{action}}",
      action: "请换一个位置保存。",
    },
    "out-failed": {
      title: "未能写出副本",
      template: "未能写出{{what}}“{{path}}”，原有文件未改动：{{action}}",
      action: "请换一个位置保存。",
    },
    "out-wrong-extension": {
      title: "输出文件的扩展名不对",
      template: "“{{path}}”的扩展名不对：{{what}}须保存为 .{{ext}} 文件，否则 {{app}} 打不开。{{action}}",
      action: "请把 {{option}} 的文件名改为以 .{{ext}} 结尾。",
    },
    "outputs-clash": {
      title: "两个输出指向同一处",
      template:
        "“{{path}}”被指定了两次（副本、通报和督办通知不能写到同一个文件，副本和通报也不能写进督办通知文件夹）：{{action}}",
      action: "请分别指定不同的位置。",
    },
    "notices-not-folder": {
      title: "督办通知的位置不是文件夹",
      template: "“{{path}}”不是文件夹，不能写出督办通知：{{action}}",
      action: "--notices 请指定一个文件夹（不存在时会新建）。",
    },
    "notices-folder-taken": {
      title: "督办通知文件夹里已有别的文件",
      template: "督办通知文件夹“{{path}}”里已有别的文件（如“{{file}}”），为免覆盖，什么也没有写出：{{action}}",
      action: "请指定一个新的或空的文件夹；本工具只替换自己上次写在那里、且没有被改动过的文件。",
    },
    "previous-without-snapshot": {
      title: "上次校验结果中没有可比较的记录",
      template: "“{{path}}”中没有 ledger-check 的校验记录，无法比较进展。",
      action: "--previous 请指定 ledger-check 写出的带标记副本（--out），或其 --json 报告。",
    },
    "previous-unreadable": {
      title: "上次校验结果无法打开",
      template: "--previous 指定的上次校验结果“{{path}}”无法打开（台账本身未受影响）：{{reason}}",
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
    "unknown-option": {
      title: "没有这个选项",
      template: "没有“{{option}}”这个选项。{{action}}",
      action: "可用的选项见 ledger-check --help。",
    },
    "repeated-option": {
      title: "选项给了不止一次",
      template: "选项 {{option}} 给了不止一次，取值各不相同（{{values}}），不知以哪个为准：{{action}}",
      action: "请只写一次。",
    },
    "missing-value": {
      title: "选项缺少取值",
      template: "选项 {{option}} 后面缺少取值。{{action}}",
      action: "各选项的写法见 ledger-check --help。",
    },
    "empty-value": {
      title: "选项取值为空",
      template: "选项 {{option}} 的取值不能为空。{{action}}",
      action: "各选项的写法见 ledger-check --help。",
    },
    "out-of-range": {
      title: "数值超出范围",
      template: "{{option}} 应为 {{min}} 到 {{max}} 之间的整数，而不是“{{value}}”。",
      action: "给出范围内的整数。",
    },
    "bad-date": {
      title: "日期无效",
      template: "{{option}} 应为实际存在的日期，格式 YYYY-MM-DD（如 2025-07-01），而不是“{{value}}”。",
      action: "按 YYYY-MM-DD 写出实际存在的日期。",
    },
    "bad-lang": {
      title: "语言无效",
      template: "--lang 只能是 zh（中文）或 en（英文），而不是“{{value}}”。",
      action: "使用 zh 或 en。",
    },
    "no-file": {
      title: "没有指定文件",
      template: "请指定要校验的台账文件，例如：ledger-check 台账.xlsx",
      action: "在命令后写出台账文件名（.xlsx 或 .csv）。",
    },
    "two-files": {
      title: "文件不止一个",
      template: "一次只能校验一个台账文件，但给了{{n}}个：{{files}}。",
      action: "每次校验一个文件。",
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
    "file-not-found": {
      title: "File not found",
      template: "File not found: {{path}}",
      action: "Check the path and the file name.",
    },
    "cwd-gone": {
      title: "The current folder is gone",
      template:
        "The shell's current folder no longer exists (deleted or moved), so “{{path}}” cannot be found: {{action}}",
      action: "change to a folder that exists (such as cd ~) and run it again, or give the file's full path.",
    },
    "is-folder": {
      title: "A folder",
      template: "This is a folder, not a ledger file: {{path}}",
      action: "Name the ledger file (.xlsx or .csv) inside the folder.",
    },
    "not-a-file": {
      title: "Not a regular file",
      template: "“{{path}}” is not a regular file (a device, pipe or socket) and cannot be checked: {{action}}",
      action: "name an .xlsx or .csv file.",
    },
    "no-permission": {
      title: "No permission to read",
      template: "No permission to read the file: {{path}}. {{action}}",
      action: "Check that it is not encrypted or locked, or copy it to your own folder and check the copy.",
    },
    unreadable: {
      title: "Cannot read the file",
      template: "Cannot read the file{{reason}}: {{path}}",
      action: "Check that you may read the file and that no other program holds it open exclusively.",
      optional: { reason: " ({{reason}})" },
    },
    "same-file": {
      title: "Output is the input",
      template: "The output file must differ from the input: the ledger itself is never modified. {{action}}",
      action: "Give the output another file name.",
    },
    "out-is-folder": {
      title: "Output is a folder",
      template: "“{{path}}” is a folder: {{action}}",
      action: "{{option}} needs a file name, not a folder.",
    },
    "out-not-a-file": {
      title: "Output is not a regular file",
      template:
        "“{{path}}” is not a regular file (a device, pipe or socket), so no {{what}} can be written there: {{action}}",
      action: "give {{option}} the name of an ordinary file.",
    },
    "out-read-only": {
      title: "Output is read-only",
      template:
        "No permission to write “{{path}}” (the file or its folder is read-only); nothing there was changed: {{action}}",
      action: "save the {{what}} somewhere else.",
    },
    "out-no-space": {
      title: "Disk full",
      template: "The disk is full: the {{what}} “{{path}}” was not written and nothing there was changed: {{action}}",
      action: "free some space or save it somewhere else.",
    },
    "out-no-folder": {
      title: "Bad output path",
      template: "Cannot write the {{what}} at “{{path}}”: part of the path is not a folder. {{action}}",
      action: "Save it somewhere else.",
    },
    "out-failed": {
      title: "Copy not written",
      template: "The {{what}} “{{path}}” could not be written; nothing there was changed: {{action}}",
      action: "save it somewhere else.",
    },
    "out-wrong-extension": {
      title: "Wrong extension for the output",
      template:
        "“{{path}}” has the wrong extension: the {{what}} must end in .{{ext}}, or {{app}} will not open it. {{action}}",
      action: "End the {{option}} file name with .{{ext}}.",
    },
    "outputs-clash": {
      title: "Two outputs in one place",
      template:
        "“{{path}}” was named twice (the copy, the bulletin and the notices cannot share a file, and the copy and the bulletin cannot go into the notices folder): {{action}}",
      action: "give each its own place.",
    },
    "notices-not-folder": {
      title: "The notices' place is not a folder",
      template: "“{{path}}” is not a folder, so no notices can be written there: {{action}}",
      action: "give --notices a folder (it is made if missing).",
    },
    "notices-folder-taken": {
      title: "The notices folder holds other files",
      template:
        "The notices folder “{{path}}” already holds other files (such as “{{file}}”); to overwrite none of them, nothing was written: {{action}}",
      action:
        "name a new or empty folder; ledger-check replaces only the files it wrote there itself and nobody changed since.",
    },
    "previous-without-snapshot": {
      title: "No earlier check to compare with",
      template: "“{{path}}” holds no ledger-check record, so progress cannot be compared.",
      action: "Give --previous a marked copy written by ledger-check (--out) or its --json report.",
    },
    "previous-unreadable": {
      title: "The earlier check cannot be opened",
      template:
        "The earlier check named by --previous, “{{path}}”, cannot be opened (the ledger itself is fine): {{reason}}",
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
    "unknown-option": {
      title: "No such option",
      template: "There is no option “{{option}}”. {{action}}",
      action: "See ledger-check --help for the options.",
    },
    "repeated-option": {
      title: "Option given more than once",
      template:
        "The option {{option}} was given more than once, with different values ({{values}}), so which is meant is unclear: {{action}}",
      action: "give it once.",
    },
    "missing-value": {
      title: "Option without a value",
      template: "The option {{option}} needs a value. {{action}}",
      action: "See ledger-check --help for how each option is written.",
    },
    "empty-value": {
      title: "Empty option value",
      template: "The option {{option}} needs a non-empty value. {{action}}",
      action: "See ledger-check --help for how each option is written.",
    },
    "out-of-range": {
      title: "Number out of range",
      template: "{{option}} needs a whole number from {{min}} to {{max}}, not “{{value}}”.",
      action: "Give a whole number in the range.",
    },
    "bad-date": {
      title: "Bad date",
      template: "{{option}} needs a real date as YYYY-MM-DD (such as 2025-07-01), not “{{value}}”.",
      action: "Write a date that exists, as YYYY-MM-DD.",
    },
    "bad-lang": {
      title: "Bad language",
      template: "--lang is zh (Chinese) or en (English), not “{{value}}”.",
      action: "Use zh or en.",
    },
    "no-file": {
      title: "No file named",
      template: "Name the ledger file to check, for example: ledger-check ledger.xlsx",
      action: "Write the ledger's file name (.xlsx or .csv) after the command.",
    },
    "two-files": {
      title: "More than one file",
      template: "One ledger file at a time, but {{n}} were given: {{files}}.",
      action: "Check one file per run.",
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
} as const satisfies Catalogue<Record<LedgerErrorCode, ErrorWords>>;

/** Every code, in the catalogue's order (docs/errors.md). */
export const ERROR_CODES = Object.keys(ERRORS.zh) as LedgerErrorCode[];

/** Between the items of a list datum. */
const LIST_SEP: Catalogue<string> = { zh: "、", en: ", " };

/** An error's one line in `lang`, from its catalogue entry and data. */
export function renderError(code: LedgerErrorCode, data: ErrorData, lang: Lang): string {
  const words: ErrorWords = ERRORS[lang][code];
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
