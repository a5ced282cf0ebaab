import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { INCOMPLETE_RULES, RULES, ruleKey, ruleTitle } from "../src/core/rules/index.js";

/**
 * docs/rules.md is generated from the rule modules' own docs, so the documentation and
 * the code cannot drift (a test compares them). Run `npm run docs:rules` after editing a rule.
 */
export function rulesMarkdown(): string {
  const lines = [
    "# Rules / 校验规则",
    "",
    "Generated from `src/core/rules/` by `npm run docs:rules`; do not edit by hand.",
    "Rule ids and paper-only reasons are the public contract (JSON output, task pane filters, `--disable`).",
    "本文件由规则模块自动生成。规则编号和“纸面整改”原因编号是对外约定，不会随意改动。",
    "",
    "| rule | reason | severity | 名称 | title | 说明 | description |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of RULES) {
    const { zh, en } = r.words;
    lines.push(
      `| \`${r.id}\` | ${r.reason ? `\`${r.reason}\`` : ""} | ${r.severity} | ${ruleTitle(r.id, r.reason, "zh")} | ${ruleTitle(r.id, r.reason, "en")} | ${zh.description} | ${en.description} |`,
    );
  }
  for (const r of RULES) {
    const { zh, en } = r.words;
    lines.push(
      "",
      `## \`${ruleKey(r.id, r.reason)}\` ${ruleTitle(r.id, r.reason, "zh")} / ${ruleTitle(r.id, r.reason, "en")} (${r.severity})`,
      "",
      zh.description,
      "",
      en.description,
      "",
    );
    lines.push(`- 例 / Example: ${zh.example} — ${en.example}`);
    lines.push("- Messages / 提示语:");
    for (const id of Object.keys(zh.messages)) lines.push(`  - \`${id}\`: ${zh.messages[id]} — ${en.messages[id]}`);
    lines.push(
      `- Needs the column(s): ${r.requires.join(", ")}; without one, the rule is skipped with a single notice.`,
    );
  }
  lines.push(
    "",
    "## Figures / 统计口径",
    "",
    "- `done` counts tasks whose status is done (已完成, 已销号, …); `基本完成` is in progress. An empty or unrecognised status counts in `statusUnknown`, never as done.",
    "- `overdue`, `dueSoon`, `paperOnly`, `incomplete` count tasks (a task with two paper-only signs is one task). `incomplete` = any finding of " +
      [...INCOMPLETE_RULES].map((id) => `\`${id}\``).join(", ") +
      ".",
    "- A period deadline means its last day: `2025年6月底` → 2025-06-30, `2025年第三季度` → 2025-09-30, `2025年上半年` → 2025-06-30, `上旬/中旬/下旬` → 10th/20th/last day.",
    "",
  );
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL("../docs/rules.md", import.meta.url), rulesMarkdown());
}
