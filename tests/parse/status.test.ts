import { describe, expect, it } from "vitest";
import type { StatusKind } from "../../src/core/parse/meaning.js";
import { parseStatus } from "../../src/core/parse/status.js";

function table(kind: StatusKind, inputs: string[]): void {
  it.each(inputs)(`%j → ${kind}`, (input) => {
    expect(parseStatus(input)).toEqual({ kind, text: input.trim() });
  });
}

describe("parseStatus: done", () => {
  table("done", [
    "已完成",
    "完成",
    "已整改",
    "整改完成",
    "已销号",
    "已办结",
    "办结",
    "已落实",
    "已完成整改",
    "已完成（6月已通过验收）",
    "已完成(6月已通过验收)",
    "已完成。召开专题会议研究部署，印发《整改方案》。",
    "已整改到位",
    "目前已完成",
    "经核查，已整改到位",
    "已完成100%",
    "完成率100%",
    " 已 完 成 ",
    "Done",
    "done",
    "Completed",
    "Complete",
    "Closed",
    "DONE",
    "Completed on 30 June",
    // Found by the reading sweep of 2026-12-02: read as unknown, so a done task was called overdue.
    "已全面完成",
    "已完结",
    "已闭环",
    "闭环销号",
    "整改已到位",
  ]);
});

describe("parseStatus: in progress", () => {
  table("in-progress", [
    "基本完成",
    "基本完成，长效机制正在建立",
    "正在推进",
    "推进中",
    "正在整改",
    "整改中",
    "进行中",
    "持续推进",
    "持续整改",
    "部分完成",
    "阶段性完成",
    "正在推进，已完成方案制定",
    "整改中（已完成80%）",
    "已完成80%",
    "已完成 60%",
    "完成率60%",
    "完成率达到95.5%",
    "目前基本完成",
    "In progress",
    "in-progress",
    "Ongoing",
    "Partially done",
    "partially completed",
    // Work going on after a "not done": started, not "not started" (the bulletin counts them apart).
    "未完成，正在推进",
    "未完成（已核查100笔，剩余28笔）",
    "未能如期完成，正在推进",
    "未全面完成",
    "Not fully done",
    "not all completed",
    // A done phrase for one stage is not the task done.
    "已完成阶段性任务，长期坚持",
    // Nor for part of it, or its plan (the reading sweep of 2026-12-03 found each counted done).
    "已完成部分",
    "已完成部分整改",
    "部分已完成",
    "大部分已整改",
    "已完成一半",
    "已完成大部分",
    "已完成前期工作",
    "已完成方案",
    "已完成整改方案制定",
    "已完成第一阶段",
    "已完成初步整改",
    "完成部分",
    "已完成（部分）",
  ]);
});

describe("parseStatus: not started", () => {
  table("not-started", ["未启动", "未开始", "尚未启动", "未整改", "尚未整改", "待启动", "Not started", "To do"]);
});

describe("parseStatus: not finished, which says nothing of a start", () => {
  // Counted with the work under way: the bulletin's 未启动 for these was the sentence a department
  // objected to (the bulletin sweep of 2026-12-03). Never done.
  table("in-progress", [
    "未完成",
    "尚未完成",
    "目前尚未完成",
    "未办结",
    // A done phrase denied (the sweep of 2026-12-02: each of these was read as done, hiding an overdue task).
    "未按期完成",
    "未能按期完成",
    "未如期完成",
    "无法按时完成",
    "没有按期完成",
    "未完成，已逾期30天",
    "Not yet completed",
    "never completed",
    "Open",
    "Not completed",
    "Incomplete",
  ]);
});

describe("parseStatus: unknown", () => {
  table("unknown", ["见附件", "计划6月底前整改完成", "好", "reopened", "2025年6月30日"]);
});

describe("parseStatus: empty and non-text cells", () => {
  it("calls null and blank text empty, with empty text", () => {
    expect(parseStatus(null)).toEqual({ kind: "empty", text: "" });
    expect(parseStatus("")).toEqual({ kind: "empty", text: "" });
    expect(parseStatus("  \n ")).toEqual({ kind: "empty", text: "" });
    expect(parseStatus("\u3000")).toEqual({ kind: "empty", text: "" });
    expect(parseStatus(null, "")).toEqual({ kind: "empty", text: "" });
  });
  // DOMAIN.md: a placeholder says nothing about progress.
  it.each(["无", "暂无", "/", "／", "—", "——", "-", "待补充", "n/a", "（无）"])(
    "calls the placeholder %j empty",
    (text) => {
      expect(parseStatus(text)).toEqual({ kind: "empty", text: "" });
    },
  );
  it("reads the display text of a null value", () => {
    expect(parseStatus(null, "已完成")).toEqual({
      kind: "done",
      text: "已完成",
    });
  });
  it("calls error cells, numbers, booleans and dates unknown", () => {
    expect(parseStatus({ error: "#N/A" })).toEqual({
      kind: "unknown",
      text: "#N/A",
    });
    expect(parseStatus(1)).toEqual({ kind: "unknown", text: "1" });
    // (A share shown as a percentage is read as shown: see the percentage block below.)
    expect(parseStatus(true)).toEqual({ kind: "unknown", text: "true" });
    expect(parseStatus(true, "TRUE")).toEqual({
      kind: "unknown",
      text: "TRUE",
    });
    expect(parseStatus(new Date(Date.UTC(2025, 5, 30)))).toEqual({
      kind: "unknown",
      text: "2025-06-30",
    });
    expect(parseStatus(new Date(Number.NaN))).toEqual({
      kind: "unknown",
      text: "Invalid Date",
    });
  });
});

describe("parseStatus: the forms clerks write beyond the vocabulary", () => {
  // Checklist-style ledgers tick the 完成情况 column, or answer a 是否完成 column with 是/否.
  table("done", ["√", "✓", "✔", "☑", "是", "整改完毕", "按期完成", "已按时完成", "如期完成"]);
  table("in-progress", ["×", "✗", "否"]);
  // A long 整改进展 text that opens with a done phrase but says work is still going is not done.
  table("in-progress", [
    "已完成（80%）",
    "已完成(80%)",
    "完成进度80%",
    "已完成3项，剩余2项正在推进",
    "已完成方案制定，整改措施正在落实",
    "已完成阶段性任务，尚未全部完成",
    "Completed phase 1; phase 2 in progress",
  ]);
  // …while the ongoing upkeep of a finished task keeps it done (long-term-closed judges that).
  table("done", ["已完成整改，长期坚持", "已完成，下一步将持续推进成果巩固", "已完成（6月已通过验收，未发现问题）"]);
});

describe("parseStatus: a result with its date inside", () => {
  table("done", ["已于6月完成", "已于2025年5月底前整改到位", "已经完成", "已在3月办结"]);
  table("in-progress", ["已于6月完成方案制定，整改正在推进"]);
});

describe("parseStatus: progress as a percentage (the reading sweep of 2026-12-03 read none)", () => {
  table("done", ["100%", "100％", "完成率100%", "进度100%"]);
  table("in-progress", ["80%", "进度50%", "完成80%", "12.5%"]);
  table("not-started", ["0%", "进度0%"]);
  it("reads a number cell shown as a percentage as it is shown", () => {
    expect(parseStatus(1, "100%")).toEqual({ kind: "done", text: "100%" });
    expect(parseStatus(0.8, "80%")).toEqual({ kind: "in-progress", text: "80%" });
    // A bare number says nothing of progress.
    expect(parseStatus(1, "1").kind).toBe("unknown");
  });
});
