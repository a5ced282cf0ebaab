import type { CellValue, Grid, MergedArea } from "../../src/core/grid.js";
import { parseAddress } from "../../src/core/grid.js";
import { makeConfig, type ConfigInput } from "../../src/core/config.js";

/** A literal grid from rows (row 1 first) and merges written as Excel ranges (`A1:J1`). */
export function grid(rows: CellValue[][], merges: string[] = [], sheet = "台账"): Grid {
  return { sheet, origin: { row: 1, col: 1 }, values: rows, merges: merges.map(area) };
}

export function area(range: string): MergedArea {
  const [a, b] = range.split(":");
  const from = parseAddress(a!);
  const to = parseAddress(b ?? a!);
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

export const HEADER = ["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "佐证材料"];

/** HEADER's fields by column (A is 序号): what a ledger laid out as HEADER maps to. */
export const HEADER_COLUMNS = {
  problem: 2,
  measures: 3,
  lead: 4,
  department: 5,
  deadline: 6,
  status: 7,
  evidence: 8,
} as const;

/**
 * A row under HEADER for a problem with its measures spread over rows: 序号 and 反馈问题 null on a
 * problem's later measure rows; the rest complete and unfinished.
 */
export function measureRow(n: number | null, problem: string | null, measures: string): CellValue[] {
  return [n, problem, measures, "张某", "办公室", "2025年12月31日", "正在推进", ""];
}

/**
 * A ledger grid: header in row 1 (columns A–H as in HEADER) and one task per given row.
 * Each task lists only what differs from a complete, clean, unfinished task.
 */
export function ledger(
  tasks: Partial<
    Record<"problem" | "measures" | "lead" | "department" | "deadline" | "status" | "evidence", CellValue>
  >[],
): Grid {
  const rows: CellValue[][] = [HEADER];
  tasks.forEach((t, i) => {
    const get = (k: keyof typeof t, d: CellValue) => (k in t ? t[k]! : d);
    rows.push([
      i + 1,
      get("problem", `问题${i + 1}：制度执行不到位`),
      get("measures", `开展专项检查${i + 1}次，建立问题台账并逐项销号`),
      get("lead", "张某"),
      get("department", "办公室"),
      get("deadline", "2025年12月31日"),
      get("status", "正在推进"),
      get("evidence", ""),
    ]);
  });
  return grid(rows);
}

export function config(input: Partial<ConfigInput> = {}) {
  return makeConfig({ today: "2025-07-01", ...input });
}
