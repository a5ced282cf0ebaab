import { describe, expect, it } from "vitest";
import { charRange, tableChars } from "../helpers/chars.js";
import fc from "fast-check";
import { normalize, normalizeSpaced, sameNormalized } from "../../src/core/parse/normalize.js";

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

describe("sameNormalized: normalize(a) === normalize(b), read through its map", () => {
  const same = (a: string, b: string) => normalize(a) === normalize(b);
  // Every character the map holds, and the neighbours that could compose with them.
  const near = tableChars(
    "问题甲一龥①⑳\u0300\u0301\u0308\u0338\u3099\u309a\u30ab\u30cf\u1100\u1161\u11a8\uac00々〇\ud83d\ude00\ud800",
  );

  it("every CJK unified ideograph is its own normal form", () => {
    for (const c of charRange(0x4e00, 0x9fff)) expect(normalize(c)).toBe(c);
  });

  it("on every pair of those characters, against its normal form, one of them, and nothing", () => {
    for (const a of near)
      for (const b of near) {
        const p = a + b;
        const n = normalize(p);
        for (const q of [n, a, b, ""]) if (sameNormalized(p, q) !== same(p, q)) expect([p, q]).toBe("");
      }
  });

  it("on texts mixing them with ideographs, alike and not", () => {
    const unit = fc.oneof(
      fc.constantFrom(...near),
      fc.constantFrom(..."问题甲乙丙整改措施，。（）“”、；：-"),
      fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)),
    );
    const text = fc.string({ unit, maxLength: 12 });
    const pair = fc.oneof(
      fc.tuple(text, text),
      fc.tuple(text, text, text).map(([a, b, c]) => [a + b, a + c] as [string, string]),
      fc
        .tuple(text, fc.constantFrom(" ", "\n", "，", ",", "\u3000", "（", "("))
        .map(([a, s]) => [a, `${s}${a}${s}`] as [string, string]),
    );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(sameNormalized(a, b)).toBe(same(a, b));
        expect(sameNormalized(b, a)).toBe(same(a, b));
      }),
      { numRuns: 5000 },
    );
  });
});
