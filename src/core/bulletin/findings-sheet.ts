import { fill, type Catalogue, type Lang } from "../i18n.js";
import type { Report, Severity } from "../report.js";
import { ruleTitle } from "../rules/index.js";
import type { CellStyle, DocCell, SheetDocument } from "../sheet-document.js";
import { MARGINS_IN } from "./layout.js";

/**
 * 校验明细: every finding with its cell, for the clerk who fixes the ledger. It is the
 * bulletin's appendix that is never handed out: the bulletin itself names no cell.
 * Plain unmerged cells without fixed row heights, so Excel and WPS fit each row to its
 * wrapped text when the file opens, and the clerk can sort and filter it.
 */
export interface FindingsWords {
  sheetName: string;
  headers: {
    no: string;
    cell: string;
    rule: string;
    severity: string;
    department: string;
    problem: string;
    message: string;
  };
  severity: Record<Severity, string>;
  none: string;
  /** The closing row when the list is cut. */
  more: string;
  font: { name: string; fallbacks: string[] };
}

export const FINDINGS_WORDS = {
  zh: {
    sheetName: "校验明细",
    headers: {
      no: "序号",
      cell: "单元格",
      rule: "问题类型",
      severity: "级别",
      department: "责任部门",
      problem: "反馈问题",
      message: "说明",
    },
    severity: { error: "错误", warning: "提醒", info: "提示" },
    none: "未发现问题。",
    more: "以上列出前{{shown}}条，其余{{rest}}条见台账中的单元格标注。",
    font: { name: "宋体", fallbacks: ["SimSun"] },
  },
  en: {
    sheetName: "Findings",
    headers: {
      no: "No.",
      cell: "Cell",
      rule: "Finding",
      severity: "Severity",
      department: "Department",
      problem: "Problem",
      message: "Details",
    },
    severity: { error: "Error", warning: "Warning", info: "Info" },
    none: "No findings.",
    more: "The first {{shown}} are listed; the other {{rest}} are in the notes on the ledger's cells.",
    font: { name: "Calibri", fallbacks: ["Liberation Sans", "Arial"] },
  },
} satisfies Catalogue<FindingsWords>;

/**
 * Rows listed at most. Every finding is also a note on its own cell of the ledger; a list of
 * 30,000 findings would be one request of 7 MB to Excel (its limit is 5 MB) and no use to a clerk.
 */
export const FINDINGS_LIMIT = 5_000;

/** Widths in Excel characters: 序号, 单元格, 问题类型, 级别, 部门, 问题, 说明. */
const WIDTHS = [6, 8, 20, 7, 12, 36, 56];

export function layoutFindingsSheet(report: Report, lang: Lang): SheetDocument {
  const w: FindingsWords = FINDINGS_WORDS[lang];
  const font = { ...w.font, size: 10.5 };
  const styles: Record<string, CellStyle> = {
    th: {
      font: { ...font, bold: true },
      horizontal: "center",
      vertical: "middle",
      wrap: true,
      border: true,
      fill: "D9D9D9",
    },
    center: { font, horizontal: "center", vertical: "top", wrap: true, border: true },
    left: { font, horizontal: "left", vertical: "top", wrap: true, border: true },
  };
  const h = w.headers;
  const cells: DocCell[] = [h.no, h.cell, h.rule, h.severity, h.department, h.problem, h.message].map((value, i) => ({
    row: 1,
    col: i + 1,
    value,
    style: "th",
  }));
  const findings = [...report.findings].sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  findings.slice(0, FINDINGS_LIMIT).forEach((f, i) => {
    const row = i + 2;
    const values: [string | number, string][] = [
      [i + 1, "center"],
      [f.cell, "center"],
      [ruleTitle(f.rule, f.reason, lang), "left"],
      [w.severity[f.severity], "center"],
      [f.department ?? "", "center"],
      [f.problem ?? "", "left"],
      [f.message, "left"],
    ];
    values.forEach(([value, style], c) => cells.push({ row, col: c + 1, value, style }));
  });
  if (findings.length === 0) cells.push({ row: 2, col: 1, value: w.none, style: "left", colSpan: WIDTHS.length });
  if (findings.length > FINDINGS_LIMIT) {
    const value = fill(w.more, { shown: FINDINGS_LIMIT, rest: findings.length - FINDINGS_LIMIT });
    cells.push({ row: FINDINGS_LIMIT + 2, col: 1, value, style: "left", colSpan: WIDTHS.length });
  }
  return {
    name: w.sheetName,
    columnWidths: WIDTHS,
    // No heights: unmerged wrapped cells are fitted by the spreadsheet itself.
    rowHeights: { 1: 20 },
    styles,
    cells,
    page: {
      paperSize: "A4",
      orientation: "landscape",
      fitToWidth: true,
      margins: {
        top: MARGINS_IN.left,
        bottom: MARGINS_IN.left,
        left: MARGINS_IN.left,
        right: MARGINS_IN.left,
        header: MARGINS_IN.header,
        footer: MARGINS_IN.header,
      },
      footer: "&C&P",
    },
    showGridLines: true,
  };
}
