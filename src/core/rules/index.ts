import { fill, type Lang } from "../i18n.js";
import type { Severity } from "../report.js";
import { dueSoon } from "./due-soon.js";
import { invalidDeadline } from "./invalid-deadline.js";
import { missingDeadline } from "./missing-deadline.js";
import { missingDepartment } from "./missing-department.js";
import { missingLead } from "./missing-lead.js";
import { missingMeasures } from "./missing-measures.js";
import { missingStatus } from "./missing-status.js";
import { overdue } from "./overdue.js";
import { documentsOnly } from "./paper-only/documents-only.js";
import { duplicateText } from "./paper-only/duplicate-text.js";
import { PAPER_ONLY_WORDS } from "./paper-only/family.js";
import { longTermClosed } from "./paper-only/long-term-closed.js";
import { noEvidence } from "./paper-only/no-evidence.js";
import { vagueMeasures } from "./paper-only/vague-measures.js";
import type { Rule } from "./rule.js";

/**
 * The rule list: the one place a rule is registered. Rule ids, paper-only reasons, the
 * summary's incomplete rules, docs/rules.md, the pane's titles, filters and switches and the
 * bulletin's reason names all derive from it. Order is the order findings on one cell are listed.
 * (Only types flow back into report.ts and config.ts; no rule imports them at run time.)
 */
const ALL = [
  missingLead,
  missingDepartment,
  missingMeasures,
  missingDeadline,
  invalidDeadline,
  missingStatus,
  overdue,
  dueSoon,
  noEvidence,
  documentsOnly,
  longTermClosed,
  duplicateText,
  vagueMeasures,
] as const;

export type RuleId = (typeof ALL)[number]["id"];
export type PaperOnlyReason = NonNullable<(typeof ALL)[number]["reason"]>;

/** A rule of the list, its id and reason typed as the list's. */
export type ListedRule = Rule<RuleId, PaperOnlyReason | undefined>;

export const RULES: readonly ListedRule[] = ALL;

/** Rule ids in the rule list's order, each once (the paper-only rules share one id). */
export const RULE_IDS: readonly RuleId[] = [...new Set(RULES.map((r) => r.id))];

export const PAPER_ONLY_REASONS: readonly PaperOnlyReason[] = RULES.flatMap((r) => (r.reason ? [r.reason] : []));

/** Rules whose findings make a task an incomplete ledger entry (summary `incomplete`, bulletin section 四). */
export const INCOMPLETE_RULES: ReadonlySet<RuleId> = new Set(RULES.filter((r) => r.incomplete).map((r) => r.id));

/** The id a clerk filters by and an engineer greps for: `overdue`, `paper-only/no-evidence`. */
export function ruleKey(rule: RuleId, reason?: PaperOnlyReason): string {
  return reason ? `${rule}/${reason}` : rule;
}

/**
 * The title a clerk reads for a finding, a filter or a switch: 逾期未完成 for `overdue`,
 * 疑似纸面整改·只有会议和文件 for `paper-only` / `documents-only`, 疑似纸面整改 for the bare
 * paper-only family. Ids stay for the JSON and tooltips.
 */
export function ruleTitle(rule: RuleId, reason: PaperOnlyReason | undefined, lang: Lang): string {
  if (rule === "paper-only") {
    const family = PAPER_ONLY_WORDS[lang];
    if (reason === undefined) return family.title;
    return fill(family.reasonTitle, { family: family.title, reason: reasonTitle(reason, lang) });
  }
  const found = RULES.find((r) => r.id === rule);
  return found ? found.words[lang].title : rule;
}

/** A paper-only reason's own short title, without the family's (已完成但无佐证材料): for a list under the family's heading. */
export function reasonTitle(reason: PaperOnlyReason, lang: Lang): string {
  return RULES.find((r) => r.reason === reason)?.words[lang].title ?? reason;
}

/** What the pane's filters and settings and the bulletin need to know of one rule, in one language. */
export interface RuleInfo {
  /** `ruleKey(rule, reason)`. */
  key: string;
  rule: RuleId;
  reason?: PaperOnlyReason;
  severity: Severity;
  incomplete: boolean;
  /** The full title (疑似纸面整改·只有会议和文件). */
  title: string;
  /** For a paper-only reason, its own part (只有会议和文件); else the title. */
  shortTitle: string;
  description: string;
}

/** Every rule (every paper-only reason apart), in the rule list's order, with its words in `lang`. */
export function ruleList(lang: Lang): RuleInfo[] {
  return RULES.map((r) => ({
    key: ruleKey(r.id, r.reason),
    rule: r.id,
    ...(r.reason ? { reason: r.reason } : {}),
    severity: r.severity,
    incomplete: r.incomplete === true,
    title: ruleTitle(r.id, r.reason, lang),
    shortTitle: r.words[lang].title,
    description: r.words[lang].description,
  }));
}

export type { Rule, FindingDraft, RuleContext, RuleWords, MessageData } from "./rule.js";
