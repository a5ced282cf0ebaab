import { z } from "zod";
import { IsoDateSchema } from "../config.js";
import { fieldText, type Ledger, type Task } from "../ledger/model.js";
import {
  overdueRows,
  statusClass,
  taskDeadline,
  unpackSnapshot,
  type Snapshot,
  type SnapshotTask,
} from "./snapshot.js";
import { taskKeys, type TaskKey } from "./task-key.js";

/**
 * What moved since the last check: the `progress` of the report. Tasks are paired across the
 * two checks by their texts (task-key.ts says how), never by row, so rows inserted or deleted
 * in between change nothing.
 */

const ProgressTaskSchema = z.object({
  /** The task's worksheet row now. */
  row: z.number().int().positive(),
  problem: z.string(),
  /** The measure itself (a task is one measure of its problem, which may have others still open). */
  measures: z.string().optional(),
  department: z.string().optional(),
});
export type ProgressTask = z.infer<typeof ProgressTaskSchema>;

export const ProgressSchema = z.object({
  /** The check date of the earlier snapshot. */
  since: IsoDateSchema,
  /** Done now, not done then. */
  newlyDone: z.array(ProgressTaskSchema),
  /**
   * Done then, not done now: marked done at the last check and no longer (a problem come back, or
   * a 销号 taken back), what inspectors look for first (有无反弹).
   */
  reopened: z.array(ProgressTaskSchema),
  /** Overdue now, not overdue then. */
  newlyOverdue: z.array(ProgressTaskSchema),
  /** Overdue then and still overdue now. */
  stillOverdue: z.array(ProgressTaskSchema),
  /** The deadline changed (a later date is the one worth a question at the meeting). */
  deadlineMoved: z.array(
    ProgressTaskSchema.extend({
      from: IsoDateSchema,
      to: IsoDateSchema,
    }),
  ),
  /** The earlier check's figures, for the change beside each figure now (已完成 12 ▲3). */
  before: z.object({
    tasks: z.number().int().nonnegative(),
    done: z.number().int().nonnegative(),
    overdue: z.number().int().nonnegative(),
  }),
  /** Tasks in this check with no counterpart in the earlier one, and the other way round. */
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
});
export type Progress = z.infer<typeof ProgressSchema>;

/** Pairs each current task with a task of the snapshot (or none). */
export function matchTasks(current: readonly TaskKey[], previous: readonly TaskKey[]): (number | undefined)[] {
  const pair: (number | undefined)[] = new Array(current.length).fill(undefined);
  const taken = new Uint8Array(previous.length);

  // Each pass pairs the still-unpaired tasks that agree on `keyOf`, in row order on both sides,
  // so among tasks with the same key the first pairs with the first.
  const pass = (keyOf: (k: TaskKey) => string, unique: boolean): void => {
    // By key, the first still-unpaired previous task with it, and `after[j]` the next one with
    // j's key (-1: none): a chain in row order, taken from its head. No queue object a key: a
    // ledger's keys are mostly its own (50,000 queues of one were 8 MB).
    const head = new Map<string, number>();
    const after = new Int32Array(previous.length);
    for (let j = previous.length - 1; j >= 0; j--) {
      if (taken[j]) continue;
      const k = keyOf(previous[j]!);
      after[j] = head.get(k) ?? -1;
      head.set(k, j);
    }
    const counts = new Map<string, number>();
    if (unique)
      for (let i = 0; i < current.length; i++) {
        if (pair[i] !== undefined) continue;
        const k = keyOf(current[i]!);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    for (let i = 0; i < current.length; i++) {
      if (pair[i] !== undefined) continue;
      const k = keyOf(current[i]!);
      const j = head.get(k) ?? -1;
      if (j < 0) continue;
      // A measures text pasted under several problems says nothing about which is which.
      if (unique && (after[j]! >= 0 || counts.get(k)! > 1)) continue;
      head.set(k, after[j]!);
      taken[j] = 1;
      pair[i] = j;
    }
  };
  pass((k) => `${k.problem}|${k.measures}`, false);
  pass((k) => k.measures, true);
  pass((k) => k.problem, false);
  return pair;
}

const SNIPPET = 40;

function snippet(text: string): string {
  return text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text;
}

function progressTask(task: Task): ProgressTask {
  const measures = fieldText(task, "measures");
  const department = fieldText(task, "department");
  return {
    row: task.row,
    problem: snippet(fieldText(task, "problem")),
    ...(measures ? { measures: snippet(measures) } : {}),
    ...(department ? { department } : {}),
  };
}

export function compareWithSnapshot(
  ledger: Ledger,
  findings: Parameters<typeof overdueRows>[0],
  previous: Snapshot,
  /** The current tasks' keys when already computed (this check's snapshot: snapshotKeys). */
  keys: readonly TaskKey[] = taskKeys(ledger.tasks),
): Progress {
  const before: SnapshotTask[] = unpackSnapshot(previous);
  const tasks = ledger.tasks;
  const pair = matchTasks(keys, before);
  const overdue = overdueRows(findings);
  const progress: Progress = {
    since: previous.date,
    newlyDone: [],
    reopened: [],
    newlyOverdue: [],
    stillOverdue: [],
    deadlineMoved: [],
    before: {
      tasks: before.length,
      done: before.filter((t) => t.status === "done").length,
      overdue: before.filter((t) => t.overdue).length,
    },
    added: 0,
    removed: before.length,
  };
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    const j = pair[i];
    if (j === undefined) {
      progress.added++;
      continue;
    }
    progress.removed--;
    const then = before[j]!;
    const late = overdue.has(task.row);
    const done = statusClass(task.status.kind) === "done";
    if (done && then.status !== "done") progress.newlyDone.push(progressTask(task));
    if (!done && then.status === "done") progress.reopened.push(progressTask(task));
    if (late && !then.overdue) progress.newlyOverdue.push(progressTask(task));
    if (late && then.overdue) progress.stillOverdue.push(progressTask(task));
    const to = taskDeadline(task);
    if (to !== null && then.deadline !== null && to !== then.deadline) {
      progress.deadlineMoved.push({ ...progressTask(task), from: then.deadline, to });
    }
  }
  return progress;
}
