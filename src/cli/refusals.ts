import { LedgerError, type LedgerErrorCode } from "../core/errors.js";
import { fill, type Catalogue, type TemplateData } from "../core/i18n.js";

/**
 * Why the command line refuses to run, in both languages: options, the input file, the output
 * file. Each becomes a LedgerError, printed as one line (exit 2) with the clerk's language first.
 */
export interface RefusalWords {
  unknownOption: string;
  missingValue: string;
  noFile: string;
  twoFiles: string;
  badLang: string;
  badDate: string;
  badInteger: string;
  emptyValue: string;
  unknownRule: string;
  badOption: string;
  fileNotFound: string;
  isFolder: string;
  notAFile: string;
  tooLarge: string;
  cannotRead: string;
  readFailed: string;
  outIsInput: string;
  outIsFolder: string;
  outNotAFile: string;
  outReadOnly: string;
  outNoSpace: string;
  outNoFolder: string;
  outFailed: string;
}

export const REFUSALS = {
  zh: {
    unknownOption: "没有“{{option}}”这个选项。可用的选项见 ledger-check --help。",
    missingValue: "选项 {{option}} 后面缺少取值。",
    noFile: "请指定要校验的台账文件，例如：ledger-check 台账.xlsx",
    twoFiles: "一次只能校验一个台账文件，但给了{{n}}个：{{files}}。",
    badLang: "--lang 只能是 zh（中文）或 en（英文），而不是“{{value}}”。",
    badDate: "--today 应为实际存在的日期，格式 YYYY-MM-DD（如 2025-07-01），而不是“{{value}}”。",
    badInteger: "{{option}} 应为 {{min}} 到 {{max}} 之间的整数，而不是“{{value}}”。",
    emptyValue: "选项 {{option}} 的取值不能为空。",
    unknownRule: "没有名为“{{name}}”的规则。",
    badOption: "选项 {{option}} 的取值无效。",
    fileNotFound: "找不到文件：{{path}}",
    isFolder: "这是一个文件夹，不是台账文件：{{path}}",
    notAFile: "“{{path}}”不是普通文件（是设备、管道或套接字），无法校验；请指定一个 .xlsx 或 .csv 文件。",
    tooLarge:
      "文件有 {{size}} MB，超过可校验的上限 {{limit}} MB：{{path}}。请把台账按部门或批次拆成几个较小的文件分别校验。",
    cannotRead: "没有权限读取文件：{{path}}。请确认文件未被加密或锁定，或复制一份到自己的文件夹后再校验。",
    readFailed: "无法读取文件：{{path}}。请确认文件完整可用，或复制一份到本机后再校验。",
    outIsInput: "输出文件不能与输入文件相同：原台账不得改动。请给 --out 另起一个文件名。",
    outIsFolder: "“{{path}}”是一个文件夹；--out 需要一个文件名，例如 {{example}}",
    outNotAFile: "“{{path}}”不是普通文件（是设备、管道或套接字），不能写出副本；请给 --out 指定一个 .xlsx 文件名。",
    outReadOnly: "没有权限写入“{{path}}”（文件或所在文件夹是只读的）；原有文件未改动。请换一个位置保存副本。",
    outNoSpace: "磁盘空间不足，未能写出副本“{{path}}”；原有文件未改动。请腾出空间或换一个位置保存。",
    outNoFolder: "无法在“{{path}}”写出副本：路径中有一部分不是文件夹。请换一个位置保存。",
    outFailed: "未能写出副本“{{path}}”；原有文件未改动。请换一个位置保存。",
  },
  en: {
    unknownOption: "There is no option “{{option}}”. See ledger-check --help for the options.",
    missingValue: "The option {{option}} needs a value.",
    noFile: "Name the ledger file to check, for example: ledger-check ledger.xlsx",
    twoFiles: "One ledger file at a time, but {{n}} were given: {{files}}.",
    badLang: "--lang is zh (Chinese) or en (English), not “{{value}}”.",
    badDate: "--today needs a real date as YYYY-MM-DD (such as 2025-07-01), not “{{value}}”.",
    badInteger: "{{option}} needs a whole number from {{min}} to {{max}}, not “{{value}}”.",
    emptyValue: "The option {{option}} needs a non-empty value.",
    unknownRule: "No rule named “{{name}}”.",
    badOption: "The value of {{option}} is not valid.",
    fileNotFound: "File not found: {{path}}",
    isFolder: "This is a folder, not a ledger file: {{path}}",
    notAFile:
      "“{{path}}” is not a regular file (a device, pipe or socket) and cannot be checked; name an .xlsx or .csv file.",
    tooLarge:
      "The file is {{size}} MB, over the {{limit}} MB that can be checked: {{path}}. Split the ledger into smaller files (by department or batch) and check each.",
    cannotRead:
      "No permission to read the file: {{path}}. Check that it is not encrypted or locked, or copy it to your own folder and check the copy.",
    readFailed:
      "Cannot read the file: {{path}}. Check that it is whole, or copy it to this computer and check the copy.",
    outIsInput:
      "The output file must differ from the input: the ledger itself is never modified. Give --out another file name.",
    outIsFolder: "“{{path}}” is a folder; --out needs a file name, such as {{example}}",
    outNotAFile:
      "“{{path}}” is not a regular file (a device, pipe or socket), so no copy can be written there; give --out an .xlsx file name.",
    outReadOnly:
      "No permission to write “{{path}}” (the file or its folder is read-only); nothing there was changed. Save the copy somewhere else.",
    outNoSpace:
      "The disk is full: the copy “{{path}}” was not written and nothing there was changed. Free some space or save it somewhere else.",
    outNoFolder: "Cannot write the copy at “{{path}}”: part of the path is not a folder. Save it somewhere else.",
    outFailed: "The copy “{{path}}” could not be written; nothing there was changed. Save it somewhere else.",
  },
} as const satisfies Catalogue<RefusalWords>;

/** A refusal of the command line: the catalogue's two texts filled with `data`. */
export function refusal(code: LedgerErrorCode, key: keyof RefusalWords, data: TemplateData = {}): LedgerError {
  return new LedgerError(code, { zh: fill(REFUSALS.zh[key], data), en: fill(REFUSALS.en[key], data) });
}
