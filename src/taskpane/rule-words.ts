import type { Lang } from "../core/i18n.js";
import type { PaperOnlyReason, RuleId } from "../core/report.js";
import { ruleTitle } from "../core/rules/index.js";
import { words } from "./i18n.js";

/**
 * Rule titles come from the rule catalogue (core/rules: 逾期未完成, 疑似纸面整改·只有会议和文件);
 * the pane adds only its one grouping of its own, `incomplete` (the tile's filter). Ids stay for
 * engineers (tooltips, data attributes, the JSON).
 */
export { ruleTitle, reasonTitle } from "../core/rules/index.js";

/** The title of a filter key: a rule key (`paper-only/no-evidence`), a bare rule, or `incomplete`. */
export function filterTitle(key: string, lang: Lang): string {
  if (key === "incomplete") return words(lang).tiles.incomplete;
  const [rule, reason] = key.split("/") as [RuleId, PaperOnlyReason | undefined];
  return ruleTitle(rule, reason, lang);
}
