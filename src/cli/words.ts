import type { Stage } from "../app/check-workbook.js";
import type { Catalogue } from "../core/i18n.js";
import type { Severity } from "../core/report.js";

/** Every word the command line prints itself (errors come from core/errors.ts, findings from the rules). */
export interface CliWords {
  stages: Record<Stage, string>;
  /** `{{path}}`: the marked copy. */
  written: string;
  /** `{{path}}`: the Word bulletin (--docx). */
  writtenDocx: string;
  /** `--notices`: the folder line, a department notice's file name (no extension), the workbook's. */
  writtenNotices: string;
  /** Nothing for any department to act on: no notice written (and the folder not made). */
  noNotices: string;
  noticeFile: string;
  noticesWorkbook: string;
  /** The report's first line after the file name. */
  where: string;
  /** A finding on a merged cell, for one of the rows it spans: which task it is about. */
  taskCell: string;
  headings: Record<Severity, string>;
  summary: string;
  /** Put into `summary` as `{{unknown}}` only when some statuses are unknown. */
  unknown: string;
}

export const CLI_WORDS = {
  zh: {
    stages: {
      open: "打开文件",
      detect: "识别台账",
      read: "读取",
      check: "校验",
      mark: "标记单元格",
      bulletin: "生成通报",
    },
    written: "已写出带标记和通报的副本：{{path}}",
    writtenDocx: "已写出Word通报：{{path}}",
    writtenNotices: "已写出督办清单：{{count}}个部门的督办通知和汇总表，在 {{path}}",
    noNotices: "本期无需督办：没有逾期、临期、填报不完整或疑似纸面整改的整改任务，未写出督办通知。",
    noticeFile: "{{n}}_督办通知_{{department}}",
    noticesWorkbook: "督办清单",
    where: "工作表“{{sheet}}”，表头第{{headerRow}}行，校验日期{{today}}",
    taskCell: "{{cell}}（第{{row}}行）",
    headings: { error: "错误", warning: "警告", info: "提示" },
    summary:
      "任务{{tasks}}项：已完成{{done}}项（{{rate}}），正在推进{{inProgress}}项，未启动{{notStarted}}项{{unknown}}；逾期{{overdue}}项，临期{{dueSoon}}项，疑似纸面整改{{paperOnly}}项，填报不完整{{incomplete}}项。",
    unknown: "，进展不明{{statusUnknown}}项",
  },
  en: {
    stages: {
      open: "opening",
      detect: "finding the ledger",
      read: "reading",
      check: "checking",
      mark: "marking cells",
      bulletin: "writing the bulletin",
    },
    written: "Marked copy with bulletin written to {{path}}",
    writtenDocx: "Word bulletin written to {{path}}",
    writtenNotices:
      "Supervision notices for {{count}} {{count|department|departments}}, and a workbook with all, written to {{path}}",
    noNotices:
      "No department has a task that is overdue, due soon, incomplete or suspect: no supervision notice was written.",
    noticeFile: "{{n}}_notice_{{department}}",
    noticesWorkbook: "supervision-notices",
    where: "sheet “{{sheet}}”, header row {{headerRow}}, checked as of {{today}}",
    taskCell: "{{cell}} (row {{row}})",
    headings: { error: "Errors", warning: "Warnings", info: "Notes" },
    summary:
      "{{tasks}} tasks: {{done}} done ({{rate}}), {{inProgress}} in progress, {{notStarted}} not started{{unknown}}; {{overdue}} overdue, {{dueSoon}} due soon, {{paperOnly}} possibly paper-only, {{incomplete}} incomplete.",
    unknown: ", {{statusUnknown}} unknown",
  },
} as const satisfies Catalogue<CliWords>;
