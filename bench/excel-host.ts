import { dateToIso, formatChineseDate, serialToDate } from "../src/core/dates.js";
import type { Severity } from "../src/core/report.js";
import type { SheetDocument } from "../src/core/sheet-document.js";
import type { Mark } from "../src/hosts/workbook.js";
import { ExcelWorkbook } from "../src/hosts/excel/excel-workbook.js";
import { FakeExcel, useOfficeSerializer, type CellSeed } from "../tests/support/excel-fake.js";
import { officeSerializer } from "../tests/support/office-serializer.js";

// Requests measured as Office.js's own serializer builds them.
useOfficeSerializer(officeSerializer);

/**
 * Measures the Office.js host on the fake Excel (testing/excel-fake.ts): round trips and the
 * largest request/response of one sync for reading a generated ledger, marking it and writing
 * a bulletin. The figures come from the fake's own record of each sync, not the host's estimate.
 */

export interface HostFigures {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

export const BENCH_SHEET = "整改台账";

const DEPARTMENTS = ["办公室", "组织人事科", "财务审计科", "基础教育科", "安全稳定科", "督导室"];
const LEADERS = ["张明", "李华", "王强", "赵敏", "陈刚"];
const STATUSES = ["已完成", "正在推进", "基本完成", "未启动", ""];

/** A ledger of `rows` tasks under a title and a header: 10 columns, Chinese text, date deadlines. */
export function benchLedgerRows(rows: number): CellSeed[][] {
  const out: CellSeed[][] = [
    ["区委第二巡察组反馈意见整改落实台账", null, null, null, null, null, null, null, null, null],
    ["序号", "问题类别", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "佐证材料", "备注"],
  ];
  for (let i = 1; i <= rows; i++) {
    const serial = 45_658 + (i % 365);
    out.push([
      i,
      `类别${(i % 7) + 1}`,
      `问题${i}：落实全面从严治党主体责任不够到位，制度执行有偏差`,
      `措施${i}：召开专题会议研究部署，修订完善相关制度并开展专项检查`,
      LEADERS[i % LEADERS.length]!,
      DEPARTMENTS[i % DEPARTMENTS.length]!,
      { value: serial, numberFormat: 'yyyy"年"m"月"d"日"', text: formatChineseDate(dateToIso(serialToDate(serial))) },
      STATUSES[i % STATUSES.length]!,
      i % 3 === 0 ? "" : `会议纪要${i}.pdf`,
      null,
    ]);
  }
  return out.map((r) => r.map((c) => (c === "" ? null : c)));
}

export function benchMarks(rows: number, count: number): Mark[] {
  const severities: Severity[] = ["error", "warning", "info"];
  const marks: Mark[] = [];
  for (let i = 0; i < count; i++) {
    marks.push({
      row: 3 + (i % rows),
      col: 5 + Math.floor(i / rows),
      severity: severities[i % 3]!,
      note: `第${i + 1}项：整改时限已过，仍未完成`,
    });
  }
  return marks;
}

export function benchBulletin(paragraphs: number): SheetDocument {
  const cells: SheetDocument["cells"] = [
    { row: 1, col: 1, value: "关于整改进展情况的通报", style: "title", colSpan: 6 },
  ];
  for (let i = 0; i < paragraphs; i++)
    cells.push({
      row: i + 2,
      col: 1,
      value: `　　${i + 1}. 整改任务推进情况说明，已完成${i}项。`,
      style: "body",
      colSpan: 6,
    });
  return {
    name: "整改通报",
    columnWidths: [14, 14, 14, 14, 14, 14],
    rowHeights: { 1: 40 },
    styles: {
      title: { font: { name: "方正小标宋简体", size: 22 }, horizontal: "center", vertical: "middle" },
      body: { font: { name: "仿宋_GB2312", size: 16 }, wrap: true, vertical: "top" },
    },
    cells,
    page: {
      paperSize: "A4",
      orientation: "portrait",
      fitToWidth: true,
      margins: { top: 1, bottom: 1, left: 0.8, right: 0.8, header: 0.3, footer: 0.3 },
      horizontallyCentered: true,
      footer: "&C第 &P 页",
    },
    showGridLines: false,
  };
}

/** Read, mark (5,000 marks or one per row, whichever is fewer) and bulletin figures on a `rows`-task ledger. */
export async function benchExcelHost(
  rows: number,
): Promise<{ read: HostFigures; mark: HostFigures; bulletin: HostFigures }> {
  const excel = new FakeExcel();
  excel.seed(BENCH_SHEET, "A1", benchLedgerRows(rows));
  excel.merge(BENCH_SHEET, "A1:J1");
  const host = new ExcelWorkbook(excel.run, excel.hostOptions);

  let from = excel.syncCount;
  await host.readGrid(BENCH_SHEET);
  const read = excel.since(from);

  from = excel.syncCount;
  await host.writeMarks(BENCH_SHEET, benchMarks(rows, Math.min(5_000, rows)));
  const mark = excel.since(from);

  from = excel.syncCount;
  await host.writeSheet(benchBulletin(40));
  const bulletin = excel.since(from);
  return { read, mark, bulletin };
}

export interface FlowFigures {
  findings: number;
  markedCells: number;
  detectAndRead: HostFigures;
  mark: HostFigures;
  bulletin: HostFigures;
  total: HostFigures;
  /** Every sync of the job: request and response bytes. */
  log: { requestBytes: number; responseBytes: number }[];
}

/**
 * The real one-click job on the fake Excel: find the ledger, read it, check it, mark every
 * flagged cell and write the bulletin (src/app/check-workbook.ts), as the task pane runs it.
 */
export async function benchExcelFlow(rows: number): Promise<FlowFigures> {
  const { checkWorkbook, markWorkbook, writeBulletin } = await import("../src/app/check-workbook.js");
  const { makeConfig } = await import("../src/core/config.js");
  const excel = new FakeExcel();
  excel.seed(BENCH_SHEET, "A1", benchLedgerRows(rows));
  excel.merge(BENCH_SHEET, "A1:J1");
  const host = new ExcelWorkbook(excel.run, excel.hostOptions);

  const start = excel.syncCount;
  const check = await checkWorkbook(host, makeConfig({ today: "2025-07-01" }));
  const detectAndRead = excel.since(start);
  let from = excel.syncCount;
  const markedCells = await markWorkbook(host, check);
  const mark = excel.since(from);
  from = excel.syncCount;
  await writeBulletin(host, check);
  const bulletin = excel.since(from);
  return {
    findings: check.report.findings.length,
    markedCells,
    detectAndRead,
    mark,
    bulletin,
    total: excel.since(start),
    log: excel.syncLog.slice(start),
  };
}
