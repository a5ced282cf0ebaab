import { describe, expect, it } from "vitest";
import { LANGS } from "../../../src/core/i18n.js";
import {
  PAPER_ONLY_REASONS,
  RULES,
  RULE_IDS,
  reasonTitle,
  ruleKey,
  ruleList,
  ruleTitle,
} from "../../../src/core/rules/index.js";

/** A template's placeholders, each once; counts are phrased apart (等3处 / and 2 more), so left out. */
const placeholders = (template: string): string[] =>
  [...new Set([...template.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!))]
    .filter((p) => p !== "rest" && p !== "copies")
    .sort();

describe("the rule catalogue", () => {
  it("gives every rule a title, description, example and the same message ids in both languages", () => {
    for (const r of RULES) {
      const [zh, en] = [r.words.zh, r.words.en];
      for (const w of [zh, en]) {
        expect(w.title.trim(), ruleKey(r.id, r.reason)).not.toBe("");
        expect(w.description.trim()).not.toBe("");
        expect(w.example.trim()).not.toBe("");
      }
      expect(Object.keys(en.messages).sort()).toEqual(Object.keys(zh.messages).sort());
    }
  });

  it("fills the same placeholders in both languages of a message", () => {
    for (const r of RULES)
      for (const [id, zh] of Object.entries(r.words.zh.messages))
        expect(placeholders(zh), `${r.id} ${id}`).toEqual(placeholders(r.words.en.messages[id]!));
  });

  it("titles a finding by its rule, and a paper-only finding by family and reason", () => {
    expect(ruleTitle("overdue", undefined, "zh")).toBe("逾期未完成");
    expect(ruleTitle("overdue", undefined, "en")).toBe("Overdue");
    expect(ruleTitle("paper-only", "documents-only", "zh")).toBe("疑似纸面整改·只有会议和文件");
    expect(ruleTitle("paper-only", undefined, "zh")).toBe("疑似纸面整改");
    expect(reasonTitle("documents-only", "zh")).toBe("只有会议和文件");
  });

  it("never titles two rules alike, in either language", () => {
    for (const lang of LANGS) {
      const titles = ruleList(lang).map((r) => r.title);
      expect(new Set(titles).size).toBe(titles.length);
    }
  });

  it("derives the ids and reasons from the rule list, each once, in its order", () => {
    expect(RULE_IDS).toEqual([...new Set(RULES.map((r) => r.id))]);
    expect(PAPER_ONLY_REASONS).toEqual(RULES.flatMap((r) => (r.reason ? [r.reason] : [])));
    expect(ruleList("zh").map((r) => r.key)).toContain("paper-only/no-evidence");
  });
});
