import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileTemplate, fill, LangSchema } from "../../src/core/i18n.js";

describe("fill", () => {
  it("replaces placeholders by data", () => {
    expect(fill("已逾期{{days}}天（时限{{due}}）", { days: 3, due: "2025年6月30日" })).toBe(
      "已逾期3天（时限2025年6月30日）",
    );
  });
  it("chooses singular or plural", () => {
    expect(fill("{{n}} {{n|day|days}} overdue", { n: 1 })).toBe("1 day overdue");
    expect(fill("{{n}} {{n|day|days}} overdue", { n: 2 })).toBe("2 days overdue");
  });
  it("leaves an unknown placeholder visible", () => {
    expect(fill("due {{due}}", {})).toBe("due {{due}}");
  });
});

describe("LangSchema", () => {
  it("takes zh and en only", () => {
    expect(LangSchema.parse("zh")).toBe("zh");
    expect(() => LangSchema.parse("fr")).toThrow();
  });
});

describe("compileTemplate: fill, with the template read once", () => {
  it("gives fill's text for any template and data", () => {
    const piece = fc.oneof(
      fc.constantFrom("逾期", "第", "行 ", "{", "}", "{{", "}}", "|", " "),
      fc.constantFrom("n", "days", "cells", "x_1", " n ", "n|day|days", "n||", "n|一|", "bad-name", ""),
      fc.string({ maxLength: 4 }),
    );
    const template = fc
      .array(
        fc.oneof(
          piece,
          piece.map((p) => `{{${p}}}`),
        ),
        { maxLength: 8 },
      )
      .map((a) => a.join(""));
    const value = fc.oneof(fc.constant(undefined), fc.constantFrom(0, 1, 2, -1, 1.5), fc.string({ maxLength: 3 }));
    const data = fc.record({ n: value, days: value, cells: value, x_1: value }, { requiredKeys: [] });
    fc.assert(
      fc.property(template, fc.array(data, { minLength: 1, maxLength: 3 }), (t, datas) => {
        const filled = compileTemplate(t);
        for (const d of datas) expect(filled(d)).toBe(fill(t, d));
      }),
      { numRuns: 3000 },
    );
  });
});
