import { describe, expect, it } from "vitest";
import { fill, LangSchema } from "../../src/core/i18n.js";

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
