import { describe, expect, it } from "vitest";
import { noLedgerError } from "../../src/core/errors.js";
import { WorkbookOpenError } from "../../src/hosts/xlsx/open.js";
import { INITIAL_JOB, jobReducer, type JobState } from "../../src/taskpane/hooks/useJob.js";
import { errorMessage } from "../../src/taskpane/job.js";
import type { WorkbookCheck } from "../../src/app/check-workbook.js";

describe("errorMessage", () => {
  it("shows a LedgerError's text in the pane's language, naming the headers looked for", () => {
    const e = noLedgerError(["Sheet1"]);
    expect(errorMessage(e, "zh", true)).toBe(e.text.zh);
    expect(errorMessage(e, "zh", true)).toContain("反馈问题、整改措施");
    expect(errorMessage(e, "en", true)).toBe(e.text.en);
  });

  it("shows a WorkbookOpenError (a LedgerError) in the pane's language", () => {
    expect(errorMessage(new WorkbookOpenError("xls"), "zh", true)).toBe(
      "这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再校验。",
    );
    expect(errorMessage(new WorkbookOpenError("empty-file"), "en", true)).toBe(
      "The file is empty (0 bytes). Check that you picked the right file.",
    );
  });

  it("frames anything else as read failed (nothing changed) or not done", () => {
    expect(errorMessage(new Error("RichApi.Error: busy"), "zh", true)).toBe(
      "读取失败，工作簿未作任何修改。RichApi.Error: busy",
    );
    expect(errorMessage("boom", "en", false)).toBe("Not done: boom");
  });
});

describe("jobReducer", () => {
  const check = {
    sheets: [{ name: "台账", rowCount: 9, generated: false, visible: true }],
  } as unknown as WorkbookCheck;
  const flash = { kind: "success" as const, text: "ok" };
  const run = (...actions: Parameters<typeof jobReducer>[1][]): JobState => actions.reduce(jobReducer, INITIAL_JOB);

  it("follows the workbook: checked marks it, clearing leaves it unmarked, a bulletin is remembered", () => {
    const checked = run({ type: "checked", check, marks: "marked", flash });
    expect([checked.marks, checked.check, checked.sheets]).toEqual(["marked", check, check.sheets]);
    const cleared = jobReducer(checked, { type: "cleared", flash });
    expect(cleared.marks).toBe("cleared");
    expect(jobReducer(cleared, { type: "bulletin", name: "整改通报", flash }).bulletin).toBe("整改通报");
  });

  it("carries nothing of one file to the next, and nothing of a file that failed to open", () => {
    const file = { name: "a.xlsx", size: 10 };
    const before = run(
      { type: "opened", file, sheets: check.sheets, flash },
      { type: "checked", check, marks: "marked", flash },
      { type: "bulletin", name: "整改通报", flash },
    );
    const next = jobReducer(before, { type: "opening", file: { name: "b.xlsx", size: 20 } });
    expect(next).toEqual({ ...INITIAL_JOB, busy: { stage: "open" }, file: { name: "b.xlsx", size: 20 } });
    expect(jobReducer(next, { type: "openFailed", error: "坏了" })).toEqual({ ...INITIAL_JOB, error: "坏了" });
  });

  it("clears the last message when an action starts, and the busy bar when it ends", () => {
    const failed = run({ type: "fail", error: "x" }, { type: "flash", flash });
    const started = jobReducer(failed, { type: "start", busy: { stage: "detect" } });
    expect([started.error, started.flash, started.busy]).toEqual([null, null, { stage: "detect" }]);
    expect(jobReducer(started, { type: "end" }).busy).toBe(null);
  });
});
