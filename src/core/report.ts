import { z } from "zod";
import { ColumnLetterSchema, IsoDateSchema } from "./config.js";
import { FIELDS } from "./fields.js";
import { LangSchema } from "./i18n.js";
import { ProgressSchema } from "./progress/compare.js";
import { SnapshotSchema } from "./progress/snapshot.js";
import { PAPER_ONLY_REASONS, RULE_IDS } from "./rules/index.js";

/**
 * The report: the public JSON contract of `ledger-check --json`, the task pane and the
 * tests. Rule ids and paper-only reasons are stable; messages are presentation.
 */

// Rule ids and reasons come from the rule list (rules/index.ts): a new rule is one module there.
export { INCOMPLETE_RULES, PAPER_ONLY_REASONS, RULE_IDS, type PaperOnlyReason, type RuleId } from "./rules/index.js";
export const RuleIdSchema = z.enum(RULE_IDS);
export const PaperOnlyReasonSchema = z.enum(PAPER_ONLY_REASONS);

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.object({
  rule: RuleIdSchema,
  reason: PaperOnlyReasonSchema.optional(),
  severity: SeveritySchema,
  row: z.number().int().positive(),
  column: ColumnLetterSchema,
  cell: z.string().regex(/^[A-Z]{1,3}\d+$/),
  message: z.string().min(1),
  /** The task's problem text, shortened: lets a reader see which task without the sheet. */
  problem: z.string().optional(),
  department: z.string().optional(),
  /** The task's own worksheet row; differs from `row` when the cell is merged down from a task above. */
  taskRow: z.number().int().positive().optional(),
  /** For overdue: whole days past the deadline; for due-soon: days left. */
  days: z.number().int().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const SummarySchema = z.object({
  /** Measure rows: one task per row of measures. */
  tasks: z.number().int().nonnegative(),
  /** Feedback problems (反馈问题): a problem merged over several measure rows is one. */
  problems: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  inProgress: z.number().int().nonnegative(),
  notStarted: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  dueSoon: z.number().int().nonnegative(),
  paperOnly: z.number().int().nonnegative(),
  incomplete: z.number().int().nonnegative(),
  /** Tasks whose status is empty or not in the vocabulary. */
  statusUnknown: z.number().int().nonnegative(),
  /** done / tasks, 0–1, rounded to 4 places. */
  completionRate: z.number().min(0).max(1),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const NoticeSchema = z.object({
  code: z.string(),
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** Who inspected whom, as the ledger's title rows say it; each part absent when they do not. */
export const ReportTitleSchema = z.object({
  /** The inspected body: `区教育工作党委`. */
  body: z.string().min(1).optional(),
  /** The inspection: `区委第二巡察组`, `省委巡视`. */
  inspection: z.string().min(1).optional(),
  /** 巡视 or 巡察, the ledger's own word. */
  kind: z.enum(["巡视", "巡察"]).optional(),
});
export type ReportTitle = z.infer<typeof ReportTitleSchema>;

export const ReportSchema = z.object({
  file: z.string().optional(),
  sheet: z.string(),
  headerRow: z.number().int().positive(),
  today: IsoDateSchema,
  lang: LangSchema,
  columns: z.partialRecord(z.enum(FIELDS), ColumnLetterSchema),
  title: ReportTitleSchema,
  findings: z.array(FindingSchema),
  summary: SummarySchema,
  /** Things the clerk should know that are not findings on a cell (e.g. no evidence column). */
  notices: z.array(NoticeSchema),
  /** What moved since the last check (absent when there is no earlier snapshot). */
  progress: ProgressSchema.optional(),
  /** This check as the next one compares with it (core/progress/snapshot.ts). */
  snapshot: SnapshotSchema.optional(),
});
export type Report = z.infer<typeof ReportSchema>;

/**
 * The worksheet row of the task a finding belongs to (a merged cell's master may sit on an
 * earlier task's row), for readers of a bare report; the engine hands its own callers the
 * findings grouped by task (`CheckResult.byTask`) instead.
 */
export function taskRowOf(f: Pick<Finding, "row" | "taskRow">): number {
  return f.taskRow ?? f.row;
}
