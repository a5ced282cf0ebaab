import { gridColCount, textAt, type Grid } from "../grid.js";
import { normalize } from "../parse/normalize.js";
import type { LedgerLayout, Task } from "./model.js";

/** What a footer says the ledger holds: `说明：本清单共17项问题、21条整改措施`. */
export interface StatedCounts {
  /** The footer's worksheet row. */
  row: number;
  problems?: number;
  /** Measures (tasks). */
  tasks?: number;
}

/** Footers sit at the bottom: only this many non-empty rows from the end are read. */
const FOOTER_ROWS = 12;

const NUM = String.raw`(\d+|[一二两三四五六七八九十]{1,3})`;
const PROBLEMS = new RegExp(`${NUM}(?:项|个|条|类)(?:反馈)?问题|问题(?:共)?${NUM}(?:项|个|条)`);
const TASKS = new RegExp(
  `${NUM}(?:项|条|个)(?:具体)?(?:整改)?(?:措施|任务|举措)|(?:整改)?(?:措施|任务)(?:共)?${NUM}(?:项|条|个)`,
);

/**
 * The counts a footer states (DOMAIN.md: "A footer such as `本清单共17项问题、21条整改措施` states
 * both"), so the check can say when the ledger holds another number: a row lost or added
 * without the note being updated. Undefined when no footer states a count.
 */
export function readStatedCounts(grid: Grid, layout: LedgerLayout, tasks: readonly Task[]): StatedCounts | undefined {
  const width = gridColCount(grid);
  // Below the last task only: a task's own text (`共3个问题未整改`) is no footer.
  const above = Math.max(layout.headerRow, tasks.length > 0 ? tasks[tasks.length - 1]!.row : 0);
  let seen = 0;
  for (let row = grid.origin.row + grid.values.length - 1; row > above && seen < FOOTER_ROWS; row--) {
    const values = grid.values[row - grid.origin.row];
    if (!values || values.every((v) => v === null || v === "")) continue;
    seen++;
    let text = "";
    for (let col = grid.origin.col; col < grid.origin.col + width; col++) text += textAt(grid, row, col);
    const s = normalize(text);
    if (!/共|合计|总计/.test(s)) continue;
    const p = PROBLEMS.exec(s);
    const t = TASKS.exec(s);
    if (!p && !t) continue;
    const out: StatedCounts = { row };
    if (p) out.problems = toNumber(p[1] ?? p[2]!);
    if (t) out.tasks = toNumber(t[1] ?? t[2]!);
    return out;
  }
  return undefined;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `17`, `十七`, `二十一` → number. */
function toNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const ten = s.indexOf("十");
  if (ten < 0) return DIGITS[s] ?? NaN;
  const tens = ten === 0 ? 1 : (DIGITS[s.slice(0, ten)] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (DIGITS[s.slice(ten + 1)] ?? NaN);
  return tens * 10 + ones;
}
