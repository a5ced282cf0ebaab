import { z } from "zod";
import { IsoDateSchema } from "../config.js";
import { daysBetween, type IsoDate } from "../dates.js";
import type { Ledger, Task } from "../ledger/model.js";
import type { StatusKind } from "../parse/meaning.js";
import type { Finding } from "../report.js";
import { taskKeys, type TaskKey } from "./task-key.js";

/**
 * What a check remembers for the next one: the check date and, per task, its identity
 * (task-key.ts), status class, deadline and whether it was overdue. Kept in the workbook's
 * state (both hosts) and in the `--json` report, so the next check can say what moved.
 *
 * Columnar and terse because it rides inside the workbook (Excel on the web takes at most
 * 5 MB per request): about 30 bytes a task, 1.5 MB for 50,000 tasks.
 */

/** Status classes, one character each: done, in progress, not started, empty/unknown. */
const STATUS_CODES = { done: "d", "in-progress": "p", "not-started": "n", empty: "u", unknown: "u" } as const;
export type StatusClass = "done" | "in-progress" | "not-started" | "unknown";
const STATUS_OF_CODE: Record<string, StatusClass> = { d: "done", p: "in-progress", n: "not-started", u: "unknown" };

const EPOCH: IsoDate = "1900-01-01";

export const SnapshotSchema = z
  .object({
    version: z.literal(1),
    /** The check date of the snapshot. */
    date: IsoDateSchema,
    /** Per task, in row order: hash of the normalised problem text. */
    problem: z.array(z.string()),
    /** Per task: hash of the normalised measures text. */
    measures: z.array(z.string()),
    /** One character per task: d done, p in progress, n not started, u unknown. */
    status: z.string().regex(/^[dpnu]*$/),
    /** Per task: the deadline's day as a base-36 count of days since 1900-01-01, "" when none. */
    deadline: z.array(z.string()),
    /** One character per task: 1 overdue on the snapshot's date, 0 not. */
    overdue: z.string().regex(/^[01]*$/),
  })
  .refine(
    (s) =>
      [s.measures.length, s.status.length, s.deadline.length, s.overdue.length].every((n) => n === s.problem.length),
    { message: "snapshot columns differ in length" },
  );
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** One task of a snapshot, unpacked. */
export interface SnapshotTask {
  problem: string;
  measures: string;
  status: StatusClass;
  deadline: IsoDate | null;
  overdue: boolean;
}

export function statusClass(kind: StatusKind): StatusClass {
  return STATUS_OF_CODE[STATUS_CODES[kind]]!;
}

export function taskDeadline(task: Task): IsoDate | null {
  return task.deadline.kind === "date" ? task.deadline.date : null;
}

/** The rows of the tasks the findings call overdue. */
export function overdueRows(findings: readonly Finding[]): Set<number> {
  const rows = new Set<number>();
  for (const f of findings) if (f.rule === "overdue") rows.add(f.taskRow ?? f.row);
  return rows;
}

export function takeSnapshot(ledger: Ledger, findings: readonly Finding[], date: IsoDate): Snapshot {
  const overdue = overdueRows(findings);
  const problem: string[] = [];
  const measures: string[] = [];
  const deadline: string[] = [];
  let status = "";
  let late = "";
  const keys = taskKeys(ledger.tasks);
  for (let i = 0; i < ledger.tasks.length; i++) {
    const task = ledger.tasks[i]!;
    problem.push(keys[i]!.problem);
    measures.push(keys[i]!.measures);
    status += STATUS_CODES[task.status.kind];
    const d = taskDeadline(task);
    deadline.push(d === null ? "" : daysBetween(EPOCH, d).toString(36));
    late += overdue.has(task.row) ? "1" : "0";
  }
  return { version: 1, date, problem, measures, status, deadline, overdue: late };
}

/** The task keys a snapshot holds, for comparing a check with an earlier one without hashing again. */
export function snapshotKeys(s: Snapshot): TaskKey[] {
  return s.problem.map((problem, i) => ({ problem, measures: s.measures[i]! }));
}

export function unpackSnapshot(s: Snapshot): SnapshotTask[] {
  // A ledger has a few hundred distinct deadlines over its tasks: each date is made once.
  const dates = new Map<string, IsoDate>();
  const dateOf = (packed: string): IsoDate => {
    let d = dates.get(packed);
    if (d === undefined) dates.set(packed, (d = addDays(EPOCH, parseInt(packed, 36))));
    return d;
  };
  return s.problem.map((problem, i) => ({
    problem,
    measures: s.measures[i]!,
    status: STATUS_OF_CODE[s.status[i]!]!,
    deadline: s.deadline[i] ? dateOf(s.deadline[i]!) : null,
    overdue: s.overdue[i] === "1",
  }));
}

function addDays(iso: IsoDate, days: number): IsoDate {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
