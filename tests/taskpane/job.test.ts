import { describe, expect, it } from "vitest";
import { noLedgerError } from "../../src/core/errors.js";
import { WorkbookOpenError } from "../../src/hosts/xlsx/open.js";
import { STRINGS } from "../../src/taskpane/i18n.js";
import { errorMessage } from "../../src/taskpane/job.js";

describe("errorMessage", () => {
  it("shows a LedgerError's text in the pane's language, naming the headers looked for", () => {
    const e = noLedgerError(["Sheet1"]);
    expect(errorMessage(e, "zh", STRINGS.zh, true)).toBe(e.text.zh);
    expect(errorMessage(e, "zh", STRINGS.zh, true)).toContain("反馈问题、整改措施");
    expect(errorMessage(e, "en", STRINGS.en, true)).toBe(e.text.en);
  });

  it("shows a WorkbookOpenError (a LedgerError) in the pane's language", () => {
    expect(errorMessage(new WorkbookOpenError("xls"), "zh", STRINGS.zh, true)).toBe(
      "这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再校验。",
    );
    expect(errorMessage(new WorkbookOpenError("empty-file"), "en", STRINGS.en, true)).toBe(
      "The file is empty (0 bytes). Check that you picked the right file.",
    );
  });

  it("frames anything else as read failed (nothing changed) or not done", () => {
    expect(errorMessage(new Error("RichApi.Error: busy"), "zh", STRINGS.zh, true)).toBe(
      "读取失败，工作簿未作任何修改。RichApi.Error: busy",
    );
    expect(errorMessage("boom", "en", STRINGS.en, false)).toBe("Not done: boom");
  });
});
