import { formatChineseDate } from "../../../src/core/dates.js";
import type { CellSeed, FakeExcel } from "../../support/excel-fake.js";

/**
 * The small ledger the harness page opens in the fake Excel, shared by the page and the test
 * (which runs the same engine in Node over the same seed to know what the pane must show).
 * Checked on 2025-07-01: one clean task, two overdue, one done without evidence, one with no
 * lead, one with no status, one with no deadline, one due at the end of the year.
 */

export const HARNESS_SHEET = "整改台账";
export const HARNESS_TODAY = "2025-07-01";
export const HARNESS_LAST_CELL = "H10";

/** Cells the clerk had filled before the check: "RRGGBB". Every other ledger cell has no fill. */
export const USER_FILLS: Record<string, string> = { A1: "DDEBF7", B3: "00B050", F4: "FFFF00", G7: "FFC000" };

const FORMAT = 'yyyy"年"m"月"d"日"';
function date(iso: string): CellSeed {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const serial = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return { value: serial, numberFormat: FORMAT, text: formatChineseDate(iso) };
}

export function harnessRows(): CellSeed[][] {
  return [
    ["区委第二巡察组反馈意见整改落实台账", null, null, null, null, null, null, null],
    ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "佐证材料"],
    [
      1,
      "公务用车管理不规范，使用登记不全",
      "开展公务用车使用情况专项检查，建立车辆使用登记台账",
      "王建国",
      "办公室",
      date("2025-06-30"),
      "已完成",
      "检查报告.pdf",
    ],
    [
      2,
      "校外培训机构监管存在盲区",
      "招聘6名专职督导人员，每月开展不少于2次巡查",
      "李红",
      "督导室",
      date("2025-05-31"),
      "正在推进",
      null,
    ],
    [
      3,
      "专项经费使用审批把关不严",
      "上线经费报销审批系统，全部报销单据线上流转",
      "张伟",
      "财务科",
      date("2025-06-15"),
      "已完成",
      null,
    ],
    [
      4,
      "干部选拔任用程序不够严谨",
      "修订《干部选拔任用工作规程》，纳入年度考核",
      null,
      "组织科",
      date("2025-09-30"),
      "推进中",
      null,
    ],
    [
      5,
      "校园食堂食品安全检查流于形式",
      "对全区42所学校食堂开展拉网式检查",
      "刘芳",
      "安全科",
      date("2025-08-31"),
      null,
      null,
    ],
    [
      6,
      "基层党支部“三会一课”记录不完整",
      "逐支部核查2024年以来会议记录，建立月度抽查机制",
      "陈明",
      "组织科",
      "2025年12月底",
      "推进中",
      null,
    ],
    [
      7,
      "理论学习中心组学习制度执行不严格",
      "制定年度学习计划，每季度开展1次专题研讨",
      "赵丽",
      "办公室",
      date("2025-06-20"),
      "未启动",
      null,
    ],
    [8, "招生考试工作流程不够规范", "对照招生工作规定梳理全部流程节点", "王建国", "基教科", null, "推进中", null],
  ];
}

export function seedHarnessLedger(excel: FakeExcel): void {
  excel.seed(HARNESS_SHEET, "A1", harnessRows());
  excel.merge(HARNESS_SHEET, "A1:H1");
  for (const [address, color] of Object.entries(USER_FILLS)) {
    const fill = { color: `#${color}`, pattern: "Solid" };
    const cell = excel.cell(HARNESS_SHEET, address);
    // An empty cell with a fill: Excel reports its value as "", as the fake does for cells it creates.
    if (cell) cell.fill = fill;
    else excel.seed(HARNESS_SHEET, address, [[{ value: "", fill: color }]]);
  }
}

export interface FakeSnapshot {
  sheets: string[];
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  /** Fill of every ledger cell A1:H10 ("RRGGBB" or null). */
  fills: Record<string, string | null>;
  /** Value of every ledger cell A1:H10 (null for an empty one). */
  values: Record<string, string | number | boolean | null>;
}

/** Plain JSON of what the test checks, so page.evaluate can hand it over. */
export function snapshot(excel: FakeExcel): FakeSnapshot {
  const fills: FakeSnapshot["fills"] = {};
  const values: FakeSnapshot["values"] = {};
  for (let row = 1; row <= 10; row++)
    for (const col of "ABCDEFGH") {
      const a = `${col}${row}`;
      fills[a] = excel.fillOf(HARNESS_SHEET, a);
      const value = excel.cell(HARNESS_SHEET, a)?.value;
      values[a] = value === undefined || value === "" ? null : value;
    }
  return {
    sheets: excel.sheets.filter((s) => !s.deleted).map((s) => s.name),
    activeSheet: excel.activeSheet,
    selection: excel.selection,
    fills,
    values,
  };
}
