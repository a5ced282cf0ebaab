import { describe, expect, it } from "vitest";
import { normalize, normalizeSpaced } from "../../src/core/parse/normalize.js";

describe("normalize", () => {
  it.each([
    ["责任\n领导", "责任领导"],
    ["整改 时限", "整改时限"],
    ["完成时限（年月日）", "完成时限(年月日)"],
    ["２０２５年６月３０日", "2025年6月30日"],
    ["ＡＢＣ　ｄｅｆ", "ABCdef"],
    ["已完成，正在推进；", "已完成,正在推进;"],
    ["2025—06－30", "2025-06-30"],
    ["2025〜2026", "2025~2026"],
    ["“佐证材料”", '"佐证材料"'],
    ["【备注】", "[备注]"],
    ["①2025年", "(1)2025年"],
    ["\uFEFF序号\u200b", "序号"],
    ["⽉", "月"],
    ["*责任部门", "*责任部门"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe("normalizeSpaced", () => {
  it.each([
    ["  30   June\n2025 ", "30 June 2025"],
    ["End\u3000of　June", "End of June"],
    ["Ｑ３ ２０２５", "Q3 2025"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeSpaced(input)).toBe(expected);
  });
});
