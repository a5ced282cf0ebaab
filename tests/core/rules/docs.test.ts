import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { rulesMarkdown } from "../../../scripts/rules-doc.js";
import { RULES } from "../../../src/core/rules/index.js";
import { PAPER_ONLY_REASONS, RULE_IDS } from "../../../src/core/report.js";

it("docs/rules.md is up to date with the rule modules (run npm run docs:rules)", () => {
  expect(readFileSync(new URL("../../../docs/rules.md", import.meta.url), "utf8")).toBe(rulesMarkdown());
});

it("every rule id and paper-only reason has a rule module", () => {
  const ids = new Set(RULES.map((r) => r.id));
  for (const id of RULE_IDS) expect(ids.has(id)).toBe(true);
  const reasons = new Set(RULES.map((r) => r.reason).filter(Boolean));
  for (const reason of PAPER_ONLY_REASONS) expect(reasons.has(reason)).toBe(true);
});
