import type { Config } from "../config.js";
import type { IsoDate } from "../dates.js";
import type { Field } from "../fields.js";
import type { Bilingual } from "../i18n.js";
import type { Ledger, Task } from "../ledger/model.js";
import type { PaperOnlyReason, RuleId, Severity } from "../report.js";

/** What a rule reports: the task, the field whose cell it points at, and the message. */
export interface FindingDraft {
  task: Task;
  field: Field;
  message: Bilingual;
  /** Days overdue (overdue) or days left (due-soon). */
  days?: number;
}

export interface RuleContext {
  ledger: Ledger;
  today: IsoDate;
  config: Config;
}

/**
 * A rule module, in the manner of ESLint's: a stable id (and reason, for the paper-only
 * family), a severity, documentation, and a check over the whole ledger (some rules, like
 * duplicate-text, compare tasks with each other).
 */
export interface Rule {
  id: RuleId;
  reason?: PaperOnlyReason;
  severity: Severity;
  docs: {
    description: Bilingual;
    /** A ledger row that trips the rule, for docs/rules.md. */
    example: Bilingual;
  };
  /** Columns the rule cannot work without; when one is absent the rule is skipped with one notice. */
  requires: Field[];
  /**
   * Rules loop over the tasks by index, not for…of: a check runs once per ledger, mostly before
   * the JIT has optimised it, and unoptimised for…of allocates an iterator result per task
   * (2 MB and twice the time over 50,000 tasks).
   */
  check(ctx: RuleContext): Iterable<FindingDraft>;
}
