import type { IsoDate } from "../dates.js";
import type { Field } from "../fields.js";
import type { Catalogue } from "../i18n.js";
import type { Ledger, Task } from "../ledger/model.js";
import type { Severity } from "../report.js";

/**
 * A rule's words in one language, ESLint-style metadata: the title a clerk reads on a finding,
 * a filter or a setting; the description and example of docs/rules.md; and the message
 * templates by message id (`{{name}}` placeholders, filled by `fill` in one place, check.ts).
 */
export interface RuleWords<M extends string = string> {
  title: string;
  description: string;
  /** A ledger row that trips the rule, for docs/rules.md. */
  example: string;
  messages: Readonly<Record<M, string>>;
}

/** Data a message template is filled with; a list is joined with the language's separator. */
export type MessageData = Readonly<Record<string, string | number | readonly string[] | undefined>>;

/** What a rule reports: the task, the field whose cell it points at, and which message with what data. */
export interface FindingDraft<M extends string = string> {
  task: Task;
  field: Field;
  messageId: M;
  data?: MessageData;
  /** Days overdue (overdue) or days left (due-soon). */
  days?: number;
}

/** The part of the configuration rules read: kept narrow so the rule list does not depend on Config. */
export interface RuleOptions {
  dueSoonDays: number;
}

export interface RuleContext {
  ledger: Ledger;
  today: IsoDate;
  config: RuleOptions;
}

/**
 * A rule module, in the manner of ESLint's: a stable id (and reason, for the paper-only
 * family), a severity, its words in both languages, and a check over the whole ledger (some
 * rules, like duplicate-text, compare tasks with each other). Rule ids and reasons are derived
 * from the list in rules/index.ts, so adding a rule is adding its module there.
 */
export interface Rule<
  Id extends string = string,
  Reason extends string | undefined = string | undefined,
  M extends string = string,
> {
  id: Id;
  reason?: Reason;
  severity: Severity;
  /** Its findings make the task an incomplete ledger entry (summary `incomplete`, bulletin section 四). */
  incomplete?: boolean;
  /** Columns the rule cannot work without; when one is absent the rule is skipped with one notice. */
  requires: readonly Field[];
  words: Catalogue<RuleWords<M>>;
  /**
   * Rules loop over the tasks by index, not for…of: a check runs once per ledger, mostly before
   * the JIT has optimised it, and unoptimised for…of allocates an iterator result per task
   * (2 MB and twice the time over 50,000 tasks).
   */
  check(ctx: RuleContext): Iterable<FindingDraft<M>>;
}

/** Keeps a rule's id, reason and message ids as literal types, so the rule list can derive them. */
export function defineRule<
  const Id extends string,
  const M extends string,
  const Reason extends string | undefined = undefined,
>(rule: Rule<Id, Reason, M>): Rule<Id, Reason, M> {
  return rule;
}

/**
 * The check of a rule that looks at each task alone, as most do: `draft` gives a task's finding,
 * or undefined. Tasks are visited by index, not for…of (see `Rule.check`).
 */
export function eachTask<M extends string>(
  draft: (task: Task, ctx: RuleContext) => FindingDraft<M> | undefined,
): (ctx: RuleContext) => Iterable<FindingDraft<M>> {
  return function* check(ctx) {
    const { tasks } = ctx.ledger;
    for (let i = 0; i < tasks.length; i++) {
      const found = draft(tasks[i]!, ctx);
      if (found !== undefined) yield found;
    }
  };
}
