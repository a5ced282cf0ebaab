import { cellAddress } from "../../grid.js";
import { fieldText, type Task, type TaskCell } from "../../ledger/model.js";
import { problemGroups } from "../../ledger/problems.js";
import { defineRule } from "../rule.js";
import { measuresFingerprint, normalizeMeasures } from "./measures-text.js";

/** Shorter texts (`已整改`, `按要求落实`) repeat innocently. */
export const MIN_DUPLICATE_LENGTH = 12;

/** How many of the other copies a message names. */
const NAMED_COPIES = 3;

export const duplicateText = defineRule({
  id: "paper-only",
  reason: "duplicate-text",
  severity: "warning",
  requires: ["measures"],
  words: {
    zh: {
      title: "措施与其他问题雷同",
      description: `同一段整改措施（去掉空格标点后不少于${MIN_DUPLICATE_LENGTH}字）出现在不同问题下：疑似复制粘贴式整改。`,
      example: "第9行与第14行的措施都是“将责任清单细化到全部42个内设科室……”，问题却不同。",
      messages: {
        duplicate: "疑似纸面整改：整改措施与{{cells}}完全相同，但针对的是不同问题。请针对本问题制定具体措施。",
        duplicateMany:
          "疑似纸面整改：整改措施与{{cells}}等{{copies}}处完全相同，但针对的是不同问题。请针对本问题制定具体措施。",
      },
    },
    en: {
      title: "measures copied from another problem",
      description: `The same measures text (at least ${MIN_DUPLICATE_LENGTH} characters, ignoring spaces and punctuation) stands under different problems: copy-paste rectification.`,
      example: "Rows 9 and 14 have word-for-word the same measures for two different problems.",
      messages: {
        duplicate:
          "Possibly paper-only: the measures are word for word those in {{cells}}, for a different problem. Write measures for this problem.",
        duplicateMany:
          "Possibly paper-only: the measures are word for word those in {{cells}} and {{rest}} more, for a different problem. Write measures for this problem.",
      },
    },
  },
  *check({ ledger }) {
    // Which problem each task belongs to, worked out only when some text repeats at all.
    let problemOf: Map<Task, string> | undefined;
    for (const tasks of sameMeasures(ledger.tasks)) {
      // A measures cell merged over several rows is one text, not a copy of itself.
      const byCell = new Map<string, Task>();
      for (const t of tasks) byCell.set(cellAddress(t.cells.measures!.row, t.cells.measures!.col), t);
      if (byCell.size < 2) continue;
      // The same boilerplate under one problem (merged over its measure rows, filled down, or
      // left blank under it) is that problem's, not a copy for another.
      problemOf ??= problemIndex(ledger.tasks);
      const problems = new Set([...byCell.values()].map((t) => problemOf!.get(t)));
      if (problems.size < 2) continue;
      // Name a few of the copies under other problems (a copy under its own problem is not the
      // point: the sweep's message named the row below as "a different problem"). A text pasted a
      // thousand times must not make a thousand-cell message; the count of the rest is kept.
      const perProblem = new Map<string | undefined, number>();
      for (const t of byCell.values()) perProblem.set(problemOf.get(t), (perProblem.get(problemOf.get(t)) ?? 0) + 1);
      for (const [address, task] of byCell) {
        const own = problemOf.get(task);
        const cells: string[] = [];
        for (const [a, t] of byCell) {
          if (cells.length === NAMED_COPIES) break;
          if (a !== address && problemOf.get(t) !== own) cells.push(a);
        }
        const copies = byCell.size - perProblem.get(own)!;
        const rest = copies - cells.length;
        yield {
          task,
          field: "measures",
          messageId: rest > 0 ? "duplicateMany" : "duplicate",
          data: { cells, rest, copies },
        };
      }
    }
  },
});

/**
 * Each task's problem, as a key: the problem's text (its first row's, for rows merged or left
 * blank under it), so that one problem listed twice is still one; a problem without text is
 * told by its place.
 */
function problemIndex(tasks: readonly Task[]): Map<Task, string> {
  const { of } = problemGroups(tasks);
  const textOf: string[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const text = fieldText(tasks[i]!, "problem");
    if (text !== "" && textOf[of[i]!] === undefined) textOf[of[i]!] = normalizeMeasures(text);
  }
  const out = new Map<Task, string>();
  for (let i = 0; i < tasks.length; i++) {
    const g = of[i]!;
    out.set(tasks[i]!, textOf[g] !== undefined ? `t${textOf[g]}` : `g${g}`);
  }
  return out;
}

/** Tasks whose normalised measures texts are equal (and long enough), in groups of two or more. */
function sameMeasures(tasks: readonly Task[]): Task[][] {
  // By fingerprint first, which builds no strings: on a real ledger almost every text is unique.
  const byHash = new Map<number, Task | Task[]>();
  // Rows under one merged measures cell share its text: it is fingerprinted once.
  let lastCell: TaskCell | undefined;
  let lastHash = -1;
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    const cell = task.cells.measures;
    if (cell === undefined) continue;
    if (cell !== lastCell) {
      lastCell = cell;
      lastHash = measuresFingerprint(cell.text, MIN_DUPLICATE_LENGTH);
    }
    if (lastHash < 0) continue;
    const seen = byHash.get(lastHash);
    if (seen === undefined) byHash.set(lastHash, task);
    else if (Array.isArray(seen)) seen.push(task);
    else byHash.set(lastHash, [seen, task]);
  }
  // Then by the text itself within a shared fingerprint: different texts can share a hash.
  const groups: Task[][] = [];
  for (const seen of byHash.values()) {
    if (!Array.isArray(seen)) continue;
    const byText = new Map<string, Task[]>();
    for (const t of seen) {
      const key = normalizeMeasures(t.cells.measures!.text);
      const list = byText.get(key);
      if (list) list.push(t);
      else byText.set(key, [t]);
    }
    for (const list of byText.values()) if (list.length >= 2) groups.push(list);
  }
  return groups;
}
