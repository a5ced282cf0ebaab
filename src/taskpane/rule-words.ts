import type { Lang } from "../core/i18n.js";
import type { PaperOnlyReason, RuleId } from "../core/report.js";
import { words } from "./i18n.js";

/**
 * A rule's title as the clerk reads it (逾期未完成, 疑似纸面整改·只有会议和文件): the one place the
 * pane turns a rule id into words. Ids stay for engineers (tooltips, the JSON).
 */
export function ruleTitle(rule: RuleId, reason: PaperOnlyReason | undefined, lang: Lang): string {
  const w = words(lang);
  return reason ? `${w.rules[rule]}·${w.reasons[reason]}` : w.rules[rule];
}

/** The title of a filter key: a rule key (`paper-only/no-evidence`), a bare rule, or `incomplete`. */
export function filterTitle(key: string, lang: Lang): string {
  if (key === "incomplete") return words(lang).tiles.incomplete;
  const [rule, reason] = key.split("/") as [RuleId, PaperOnlyReason | undefined];
  return ruleTitle(rule, reason, lang);
}
