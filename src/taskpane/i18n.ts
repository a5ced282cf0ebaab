import { FIELD_NAMES, type Field } from "../core/fields.js";
import { fill, type Catalogue, type Lang, type TemplateData } from "../core/i18n.js";
import type { Severity } from "../core/report.js";

/**
 * Every word the pane shows, one catalogue per language of one typed shape (PaneWords), so a
 * word missing in either language fails the build. Templates use `{{name}}` placeholders,
 * filled by `say(template, data)`; word order is the catalogue's business, never a branch.
 */

export type TileWord = "tasks" | "done" | "overdue" | "dueSoon" | "paperOnly" | "incomplete";
export type StageWord = "open" | "detect" | "read" | "check" | "mark" | "bulletin" | "notices" | "clear" | "download";

export interface PaneWords {
  /** The page's `lang` attribute. */
  htmlLang: string;
  /** Joins a list in running text: `、` / `, `. */
  listSeparator: string;
  appTitle: string;
  previewBadge: string;
  /** The language switch: its label and each language's own name. */
  language: string;
  langNames: Record<Lang, string>;
  validate: string;
  writeBulletin: string;
  /** The 督办清单 sheet: one section per department with something to act on (issue #12). */
  writeNotices: string;
  clearMarks: string;
  openFile: string;
  /** Download choices (preview). */
  downloads: string;
  downloadMarked: string;
  downloadUnmarked: string;
  downloadBulletinXlsx: string;
  downloadBulletinWord: string;
  findings: string;
  summary: string;
  tiles: Record<TileWord, string>;
  /** Tooltip of a tile that filters the list. */
  tileFilter: string;
  /** Under the tiles when the last check's snapshot was found: what ▲▼ compare with. */
  sinceLast: string;
  /**
   * The change, spoken (screen readers do not read ▲ as "up"): in a figure tile's name, and as a
   * filter tile's description (its name is its visible text, ▲ included, as WCAG 2.5.3 asks); `join` puts it after.
   */
  changeSpoken: { up: string; down: string; same: string; join: string };
  completionRate: string;
  severity: Record<Severity, string>;
  stages: Record<StageWord, string>;
  readProgress: string;
  connecting: string;
  connectingSlow: string;
  hintExcel: string;
  hintPreview: string;
  noFile: string;
  fileOpened: string;
  /** A file whose settings were saved before: which ones are in force. */
  settingsRestored: string;
  marked: string;
  markedPreview: string;
  bulletinWritten: string;
  bulletinWrittenPreview: string;
  noticesWritten: string;
  noticesWrittenPreview: string;
  noticesNone: string;
  /** In Excel on Mac and iPad, where a task pane cannot save a file. */
  wordNotHere: string;
  marksCleared: string;
  marksClearedPreview: string;
  downloaded: string;
  langSwitched: string;
  resultCount: string;
  filteredCount: string;
  checkedOn: string;
  noFindings: string;
  noMatch: string;
  clearFilters: string;
  filterRule: string;
  allRules: string;
  filterDept: string;
  allDepts: string;
  noDept: string;
  groupBy: string;
  groupByRule: string;
  groupByDept: string;
  ledgerSection: string;
  detected: string;
  sheet: string;
  autoDetect: string;
  detectedValue: string;
  headerRow: string;
  columns: string;
  columnPlaceholder: string;
  overridesHint: string;
  settings: string;
  settingsFor: string;
  settingsNoFile: string;
  settingsScopeExcel: string;
  resetSettings: string;
  settingsReset: string;
  checkDate: string;
  checkDateHint: string;
  dueSoonDays: string;
  paperChecks: string;
  bulletinSection: string;
  bulletinTitle: string;
  issuer: string;
  body: string;
  inspection: string;
  /** 主送机关 and 成文日期 (issue #11), with what an empty field means. */
  recipient: string;
  recipientHint: string;
  issueDate: string;
  issueDateHint: string;
  feedbackDate: string;
  feedbackDateHint: string;
  fromLedger: string;
  fields: Record<Field, string>;
  category: string;
  row: string;
  taskDetails: string;
  close: string;
  emptyField: string;
  apiTooOld: string;
  readFailed: string;
  actionFailed: string;
  notices: string;
}

export const WORDS = {
  zh: {
    htmlLang: "zh-CN",
    listSeparator: "、",
    appTitle: "整改台账校验",
    previewBadge: "浏览器预览",
    language: "界面语言",
    langNames: { zh: "中文", en: "English" },
    validate: "一键校验",
    writeBulletin: "生成通报",
    writeNotices: "督办清单",
    clearMarks: "清除标记",
    openFile: "打开台账文件",
    downloads: "下载",
    downloadMarked: "下载带标记副本",
    downloadUnmarked: "下载副本（无标记）",
    downloadBulletinXlsx: "下载通报（仅通报）",
    downloadBulletinWord: "下载通报（Word）",
    findings: "校验结果",
    summary: "汇总",
    tiles: {
      tasks: "任务总数",
      done: "已完成",
      overdue: "逾期",
      dueSoon: "临期",
      paperOnly: "纸面整改",
      incomplete: "填报不完整",
    },
    tileFilter: "只看这一类结果（再点一次取消）",
    sinceLast: "▲▼ 为较上次校验（{{date}}）的变化",
    changeSpoken: { up: "较上次多 {{n}}", down: "较上次少 {{n}}", same: "与上次持平", join: "，" },
    completionRate: "完成率 {{rate}}",
    severity: { error: "错误", warning: "警告", info: "提示" },
    stages: {
      open: "打开文件…",
      detect: "查找台账…",
      read: "读取…",
      check: "校验…",
      mark: "标记…",
      bulletin: "生成通报…",
      notices: "生成督办清单…",
      clear: "清除标记…",
      download: "准备下载…",
    },
    readProgress: "读取… {{done}}/{{total}} 行",
    connecting: "正在连接 Excel…",
    connectingSlow:
      "Excel 仍在启动，或无法访问 Office.js（appsforoffice.microsoft.com）。请稍候；如果一直停在这里，请检查网络，或请管理员部署本地 Office.js 版本（OFFICE_JS=local）。",
    hintExcel:
      "点击“一键校验”检查本工作簿中的整改台账。逾期、临期、填报不完整和疑似纸面整改的单元格会标上颜色和批注；台账中的数据不会被修改，标记可随时清除。",
    hintPreview: "打开一个整改台账文件（.xlsx 或 .csv），再点击“一键校验”。文件只在本机浏览器中读取，不会上传。",
    noFile: "请先打开台账文件。",
    fileOpened: "已打开：{{name}}",
    settingsRestored: "已恢复本文件上次的设置：{{list}}。可在“设置”中修改或恢复默认。",
    marked: "已在 {{n}} 个单元格上标注。",
    markedPreview: "已在副本的 {{n}} 个单元格上标注，原文件不变。",
    bulletinWritten: "已生成“{{name}}”工作表。",
    bulletinWrittenPreview: "已在副本中生成“{{name}}”工作表，下载副本时一并包含。",
    noticesWritten: "已生成“{{name}}”工作表：每个需督办的部门一节，按逾期、临期、待完善排列。",
    noticesWrittenPreview: "已在副本中生成“{{name}}”工作表，下载副本时一并包含。",
    noticesNone: "没有需要督办的部门：没有逾期、临期、填报不完整或疑似纸面整改的任务。",
    wordNotHere:
      "Mac 和 iPad 版 Excel 的任务窗格不能保存文件。请点击“生成通报”把通报写入工作表；Word 版通报可在 Windows 版或网页版 Excel 中下载。",
    marksCleared: "已清除标记，单元格恢复原样。",
    marksClearedPreview: "已清除副本中的标记：现在下载的副本不带标记。",
    downloaded: "已下载 {{name}}",
    langSwitched: "界面已切换为中文。校验结果和批注在重新校验后使用中文。",
    resultCount: "共 {{n}} 条结果",
    filteredCount: "筛选出 {{shown}} 条，共 {{n}} 条",
    checkedOn: "校验日期 {{date}}",
    noFindings: "未发现问题：台账填报完整，没有逾期、临期或疑似纸面整改的任务。",
    noMatch: "没有符合筛选条件的结果。",
    clearFilters: "清除筛选",
    filterRule: "按规则筛选",
    allRules: "全部规则",
    filterDept: "按部门筛选",
    allDepts: "全部部门",
    noDept: "（未填部门）",
    groupBy: "分组",
    groupByRule: "按规则",
    groupByDept: "按部门",
    ledgerSection: "台账识别",
    detected: "工作表“{{sheet}}”，表头第 {{row}} 行",
    sheet: "工作表",
    autoDetect: "自动识别",
    detectedValue: "{{value}}（自动识别）",
    headerRow: "表头行",
    columns: "栏目所在列",
    columnPlaceholder: "自动",
    overridesHint: "留空即自动识别；修改后重新校验生效。",
    settings: "设置",
    settingsFor: "以下设置只用于“{{name}}”，随文件记在本浏览器中。",
    settingsNoFile: "打开台账文件后，可为该文件设置校验日期、临期天数和通报信息。",
    settingsScopeExcel: "以下设置保存在本工作簿中。",
    resetSettings: "恢复默认设置",
    settingsReset: "已恢复默认设置。",
    checkDate: "校验日期",
    checkDateHint: "留空则按今天（{{today}}）计算",
    dueSoonDays: "临期提醒天数",
    paperChecks: "纸面整改检查",
    bulletinSection: "整改通报",
    bulletinTitle: "通报标题",
    issuer: "发文单位",
    body: "被巡察单位",
    inspection: "巡察组",
    recipient: "主送机关",
    recipientHint: "如“各党支部、各部门：”；留空则按默认",
    issueDate: "成文日期",
    issueDateHint: "留空则为校验日期",
    feedbackDate: "反馈意见日期",
    feedbackDateHint: "填写后开头写明“于某年某月某日反馈意见后”",
    fromLedger: "留空则从台账标题读取",
    // The ledger's own header names, as every message and the bulletin call the fields.
    fields: FIELD_NAMES.zh,
    category: "所属类别",
    row: "第 {{row}} 行",
    taskDetails: "任务详情",
    close: "关闭",
    emptyField: "（空）",
    apiTooOld:
      "当前 Excel 版本太旧，不支持本加载项（需要 ExcelApi 1.13）。请使用 Microsoft 365、Excel 2021 或更高版本，或 Excel 网页版。",
    readFailed: "读取失败，工作簿未作任何修改。{{detail}}",
    actionFailed: "操作未完成：{{detail}}",
    notices: "注意",
  },
  en: {
    htmlLang: "en",
    listSeparator: ", ",
    appTitle: "Ledger Check",
    previewBadge: "Browser preview",
    language: "Language",
    langNames: { zh: "中文", en: "English" },
    validate: "Validate",
    writeBulletin: "Write bulletin",
    writeNotices: "Notices",
    clearMarks: "Clear marks",
    openFile: "Open ledger file",
    downloads: "Download",
    downloadMarked: "Download marked copy",
    downloadUnmarked: "Download copy (no marks)",
    downloadBulletinXlsx: "Download bulletin only",
    downloadBulletinWord: "Download bulletin (Word)",
    findings: "Findings",
    summary: "Summary",
    tiles: {
      tasks: "Tasks",
      done: "Done",
      overdue: "Overdue",
      dueSoon: "Due soon",
      paperOnly: "Paper-only",
      incomplete: "Incomplete",
    },
    tileFilter: "Show only these findings (click again to show all)",
    sinceLast: "▲▼: change since the last check ({{date}})",
    changeSpoken: {
      up: "{{n}} more than last check",
      down: "{{n}} fewer than last check",
      same: "same as last check",
      join: ", ",
    },
    completionRate: "{{rate}} done",
    severity: { error: "Errors", warning: "Warnings", info: "Notes" },
    stages: {
      open: "Opening the file…",
      detect: "Finding the ledger…",
      read: "Reading…",
      check: "Checking…",
      mark: "Marking…",
      bulletin: "Writing the bulletin…",
      notices: "Writing the notices…",
      clear: "Clearing marks…",
      download: "Preparing the download…",
    },
    readProgress: "Reading… {{done}}/{{total}} rows",
    connecting: "Connecting to Excel…",
    connectingSlow:
      "Excel is still starting, or Office.js (appsforoffice.microsoft.com) cannot be reached. Please wait; if this stays, check the network or ask your administrator for the local Office.js build (OFFICE_JS=local).",
    hintExcel:
      "Choose Validate to check the rectification ledger in this workbook. Overdue, due-soon, incomplete and suspect paper-only cells get a colour and a note; no value in the ledger changes, and the marks can be cleared at any time.",
    hintPreview:
      "Open a rectification ledger (.xlsx or .csv), then choose Validate. The file is read in this browser only, never uploaded.",
    noFile: "Open a ledger file first.",
    fileOpened: "Opened: {{name}}",
    settingsRestored: "Restored this file's saved settings: {{list}}. Change them or reset them under Settings.",
    marked: "Marked {{n}} {{n|cell|cells}}.",
    markedPreview: "Marked {{n}} {{n|cell|cells}} in the copy; the original file is unchanged.",
    bulletinWritten: "Wrote the “{{name}}” sheet.",
    bulletinWrittenPreview: "Wrote the “{{name}}” sheet into the copy; it goes with the downloaded copy.",
    noticesWritten: "Wrote the “{{name}}” sheet: a section for each department with something to act on.",
    noticesWrittenPreview: "Wrote the “{{name}}” sheet into the copy; it goes with the downloaded copy.",
    noticesNone: "No department has anything to act on: no task is overdue, due soon, incomplete or suspect.",
    wordNotHere:
      "Excel on Mac and iPad does not let a task pane save files. Use “Write bulletin” to put the bulletin in a sheet; the Word bulletin downloads in Excel for Windows or on the web.",
    marksCleared: "Marks cleared; the cells are as they were.",
    marksClearedPreview: "Marks cleared from the copy: a copy downloaded now has no marks.",
    downloaded: "Downloaded {{name}}",
    langSwitched: "The pane now speaks English. Findings and notes follow on the next validation.",
    resultCount: "{{n}} {{n|finding|findings}}",
    filteredCount: "{{shown}} of {{n}} findings",
    checkedOn: "Checked as of {{date}}",
    noFindings: "No findings: the ledger is complete, and no task is overdue, due soon or suspect.",
    noMatch: "No findings match the filters.",
    clearFilters: "Clear filters",
    filterRule: "Filter by rule",
    allRules: "All rules",
    filterDept: "Filter by department",
    allDepts: "All departments",
    noDept: "(no department)",
    groupBy: "Group",
    groupByRule: "By rule",
    groupByDept: "By department",
    ledgerSection: "Ledger",
    detected: "Sheet “{{sheet}}”, header in row {{row}}",
    sheet: "Sheet",
    autoDetect: "Auto-detect",
    detectedValue: "{{value}} (detected)",
    headerRow: "Header row",
    columns: "Columns",
    columnPlaceholder: "auto",
    overridesHint: "Leave empty to detect. Changes apply on the next validation.",
    settings: "Settings",
    settingsFor: "These settings apply to “{{name}}” only, kept for that file in this browser.",
    settingsNoFile: "Open a ledger file to set its check date, due-soon days and bulletin details.",
    settingsScopeExcel: "These settings are saved in this workbook.",
    resetSettings: "Reset to defaults",
    settingsReset: "Settings reset to defaults.",
    checkDate: "Check date",
    checkDateHint: "Empty: today ({{today}})",
    dueSoonDays: "Due-soon days",
    paperChecks: "Paper-only checks",
    bulletinSection: "Bulletin",
    bulletinTitle: "Bulletin title",
    issuer: "Issuing body",
    body: "Inspected body",
    inspection: "Inspection",
    recipient: "Addressed to",
    recipientHint: "e.g. “All departments:”; empty: the default",
    issueDate: "Date of issue",
    issueDateHint: "Empty: the check date",
    feedbackDate: "Feedback given on",
    feedbackDateHint: "The opening then says when the feedback came",
    fromLedger: "Empty: read from the ledger's title",
    fields: FIELD_NAMES.en,
    category: "Category",
    row: "Row {{row}}",
    taskDetails: "Task details",
    close: "Close",
    emptyField: "(empty)",
    apiTooOld:
      "This version of Excel is too old for this add-in (it needs ExcelApi 1.13). Use Microsoft 365, Excel 2021 or later, or Excel on the web.",
    readFailed: "Reading failed; nothing in the workbook changed. {{detail}}",
    actionFailed: "Not done: {{detail}}",
    notices: "Notes",
  },
} as const satisfies Catalogue<PaneWords>;

export function words(lang: Lang): PaneWords {
  return WORDS[lang];
}

/** Fills a pane template: `say(w.marked, { n: 3 })`. */
export function say(template: string, data: TemplateData = {}): string {
  return fill(template, data);
}

/**
 * The pane's language from a locale (`zh-CN`, `zh-TW`, `en-US`, `de-DE`): Chinese for any
 * Chinese locale, English for every other one (issue #9 row 15: `de-DE` got the Chinese UI);
 * Chinese when there is no locale at all.
 */
export function langFromLocale(locale: string | null | undefined): Lang {
  const l = locale?.trim().toLowerCase() ?? "";
  // No locale at all: the clerk's language.
  if (l === "") return "zh";
  return l.startsWith("zh") ? "zh" : "en";
}
