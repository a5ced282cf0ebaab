import {
  addErrorWords,
  CORE_ERRORS,
  type CliErrorCode,
  type ErrorWords,
  type LedgerErrorCode,
} from "../core/errors.js";
import type { Catalogue } from "../core/i18n.js";

/**
 * The words of the command line's own errors (its options, the input file, the output files),
 * added to the core catalogue when this module is loaded: every CLI module that raises one imports
 * it. Apart from src/core/errors.ts so the task pane's bundle does not carry them.
 */
export const CLI_ERRORS = {
  zh: {
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
    "out-not-ours": {
      title: "输出位置已有别的文件",
      template: "“{{path}}”已经存在，且不是本工具写出的{{what}}，为免覆盖，什么也没有写出：{{action}}",
      action: "请换一个文件名；本工具只替换自己写出的副本和通报。",
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
      template: "{{option}} 应为1900年至2199年间实际存在的日期，格式 YYYY-MM-DD（如 2025-07-01），而不是“{{value}}”。",
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
  },
  en: {
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
    "out-not-ours": {
      title: "Another file is there",
      template:
        "“{{path}}” already exists and is not a {{what}} ledger-check wrote; to overwrite nothing, nothing was written: {{action}}",
      action: "give another file name; ledger-check replaces only the copies and bulletins it wrote itself.",
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
      template: "{{option}} needs a real date from 1900 to 2199 as YYYY-MM-DD (such as 2025-07-01), not “{{value}}”.",
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
  },
} as const satisfies Catalogue<Record<CliErrorCode, ErrorWords>>;

addErrorWords(CLI_ERRORS);

/** The whole catalogue, the core's then the command line's (docs/errors.md, the catalogue's tests). */
export const ERRORS = {
  zh: { ...CORE_ERRORS.zh, ...CLI_ERRORS.zh },
  en: { ...CORE_ERRORS.en, ...CLI_ERRORS.en },
} as const satisfies Catalogue<Record<LedgerErrorCode, ErrorWords>>;

/** Every code, in the catalogue's order. */
export const ERROR_CODES = Object.keys(ERRORS.zh) as LedgerErrorCode[];
