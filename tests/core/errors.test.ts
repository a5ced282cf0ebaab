import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorsMarkdown } from "../../scripts/errors-doc.js";
import { ERROR_CODES, ERRORS } from "../../src/cli/error-words.js";
import { LedgerError, noLedgerError, renderError } from "../../src/core/errors.js";
import { LANGS } from "../../src/core/i18n.js";

describe("the error catalogue", () => {
  it("docs/errors.md is up to date with it (run npm run docs:errors)", () => {
    expect(readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8")).toBe(errorsMarkdown());
  });

  it("gives every code a title, a one-line template and what to do, in both languages", () => {
    for (const lang of LANGS)
      for (const code of ERROR_CODES) {
        const w = ERRORS[lang][code];
        expect(w.title.trim(), `${lang} ${code}`).not.toBe("");
        expect(w.action.trim()).not.toBe("");
        expect(w.template).not.toContain("\n");
      }
  });

  it("uses the same placeholders in both languages of an entry", () => {
    const names = (t: string) => [...new Set([...t.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]))].sort();
    for (const code of ERROR_CODES)
      expect(names(ERRORS.en[code].template), code).toEqual(names(ERRORS.zh[code].template));
  });

  it("renders an error from its code and data, leaving no placeholder unfilled", () => {
    const e = new LedgerError("sheet-not-found", { sheet: "不存在", sheets: ["整改台账", "说明"] });
    expect(e.text.zh).toBe("找不到工作表“不存在”。现有工作表：整改台账、说明。");
    expect(e.text.en).toBe("No sheet named “不存在”. Sheets: 整改台账, 说明.");
    expect(e.code).toBe("sheet-not-found");
    expect(renderError("xls", {}, "zh")).toBe("这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再校验。");
  });

  it("leaves an optional phrase out when its datum is absent or empty", () => {
    expect(noLedgerError([]).text.zh).not.toContain("已查看");
    expect(noLedgerError(["通讯录"]).text.zh).toContain("（已查看：通讯录）");
    expect(new LedgerError("unreadable", { path: "/x.xlsx" }).text.en).toBe("Cannot read the file: /x.xlsx");
    expect(new LedgerError("unreadable", { path: "/x.xlsx", reason: "EACCES" }).text.zh).toBe(
      "无法读取文件（EACCES）：/x.xlsx",
    );
  });

  it("names a datum given in both languages in the error's language", () => {
    const e = new LedgerError("too-large", { what: { zh: "行数", en: "rows" }, limit: "1,048,576" });
    expect(e.text.zh).toContain("（行数：1,048,576）");
    expect(e.text.en).toContain("(rows: 1,048,576)");
  });
});
