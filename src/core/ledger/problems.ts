import { sameNormalized } from "../parse/normalize.js";
import type { Task } from "./model.js";

/**
 * Which problem (反馈问题) each task belongs to: one problem often spans several measure rows.
 * Rows of one problem are told by
 * - one merged problem cell over them (they share its TaskCell),
 * - the same problem text written again on each row (clerks who fill down instead of merging),
 * - an empty problem cell right under a problem (a measure row the clerk did not merge).
 * Returns, per task index, the problem's ordinal (0-based) and the count. A ledger with no
 * problem column counts every task as its own problem.
 */
export function problemGroups(tasks: readonly Task[]): { of: Int32Array; count: number } {
  const of = new Int32Array(tasks.length);
  let count = 0;
  let lastCell: Task["cells"]["problem"];
  // The text of the problem the last row belongs to, undefined after a row of no problem.
  let lastText: string | undefined;
  let lastCategory: string | undefined;
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    const cell = task.cells.problem;
    const sameCategory = i > 0 && task.category === lastCategory;
    let same = false;
    if (cell !== undefined && i > 0 && sameCategory) {
      if (cell === lastCell) same = true;
      else if (cell.text === "") same = lastText !== undefined;
      else same = lastText !== undefined && sameNormalized(cell.text, lastText);
    }
    if (!same) count++;
    of[i] = count - 1;
    if (cell !== undefined && cell.text !== "") {
      if (cell !== lastCell) lastText = cell.text;
      lastCell = cell;
    } else if (!same) {
      lastText = undefined;
      lastCell = cell;
    }
    lastCategory = task.category;
  }
  return { of, count };
}
