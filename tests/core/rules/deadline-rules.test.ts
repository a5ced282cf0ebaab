import { describe, expect, it } from "vitest";
import { ledger } from "../../helpers/grid.js";
import { findings, report } from "./run.js";

describe("invalid-deadline", () => {
  it("flags text, year-less periods and error cells, but not dates, periods or accepted phrases", () => {
    const g = ledger([
      { deadline: "尽快" },
      { deadline: "6月底" },
      { deadline: { error: "#N/A" } },
      { deadline: "2025年2月30日" },
      { deadline: "2025年第四季度" },
      { deadline: "立行立改" },
      { deadline: "长期坚持" },
      { deadline: new Date(Date.UTC(2025, 11, 31)) },
      { deadline: "2025年6月底前完成，长期坚持", status: "已完成", evidence: "纪要" },
    ]);
    expect(findings(g, {}, "invalid-deadline")).toEqual([
      "F2 invalid-deadline",
      "F3 invalid-deadline",
      "F4 invalid-deadline",
      "F5 invalid-deadline",
    ]);
    expect(report(ledger([{ deadline: "尽快" }])).findings[0]!.message).toContain("尽快");
  });
});

describe("overdue", () => {
  it("counts a date cell shown as a month from the month's end (Chinese Excel keeps a typed 2025年6月 as June 1st)", () => {
    const g = ledger([
      { deadline: new Date(Date.UTC(2025, 5, 1)), status: "正在推进" },
      { deadline: new Date(Date.UTC(2025, 6, 1)), status: "正在推进" },
    ]);
    // As the hosts give it: the cells' display text beside their values.
    g.text = [[], ["", "", "", "", "", "2025年6月"], ["", "", "", "", "", "2025年7月"]];
    const r = report(g, { today: "2025-07-01" });
    expect(r.findings.map((f) => [f.cell, f.rule, f.days])).toEqual([["F2", "overdue", 1]]);
  });

  it("names a date cell's deadline as the day it is, not as its format prints it with a time", () => {
    // The bulletin sweep of 2026-12-03: 时限2025-06-20 0:00:00 in 校验明细 and the 督办清单.
    const g = ledger([{ deadline: new Date(Date.UTC(2025, 5, 20)), status: "正在推进" }]);
    g.text = [[], ["", "", "", "", "", "2025-06-20 0:00:00"]];
    const [f] = report(g, { today: "2025-07-01" }).findings.filter((x) => x.rule === "overdue");
    expect(f!.message).toContain("（时限2025-06-20）");
    // Words stay as the clerk wrote them.
    const w = ledger([{ deadline: "2025年6月20日前完成", status: "正在推进" }]);
    expect(report(w, { today: "2025-07-01" }).findings.find((x) => x.rule === "overdue")!.message).toContain(
      "（时限2025年6月20日前完成）",
    );
  });

  it("flags unfinished tasks past their deadline with the days overdue; 基本完成 is not done", () => {
    const g = ledger([
      { deadline: "2025年6月30日", status: "正在推进" },
      { deadline: "2025年6月", status: "基本完成" },
      { deadline: "2025年上半年", status: "已完成", evidence: "验收报告" },
      { deadline: "2025年7月1日", status: "未启动" },
      { deadline: "2025.5.31", status: "" },
      { deadline: "长期坚持", status: "持续推进" },
    ]);
    const r = report(g, { today: "2025-07-01" });
    const overdue = r.findings.filter((f) => f.rule === "overdue");
    expect(overdue.map((f) => [f.cell, f.days])).toEqual([
      ["F2", 1],
      ["F3", 1],
      ["F6", 31],
    ]);
    expect(overdue[0]!.severity).toBe("error");
    expect(overdue[0]!.message).toContain("已逾期1天");
    expect(r.summary.overdue).toBe(3);
  });
});

describe("due-soon", () => {
  it("flags unfinished tasks due within the configured days, today included", () => {
    const g = ledger([
      { deadline: "2025年7月1日" },
      { deadline: "2025年7月11日" },
      { deadline: "2025年7月12日" },
      { deadline: "2025年7月5日", status: "已完成", evidence: "x" },
    ]);
    expect(
      report(g)
        .findings.filter((f) => f.rule === "due-soon")
        .map((f) => [f.cell, f.days, f.severity]),
    ).toEqual([
      ["F2", 0, "info"],
      ["F3", 10, "info"],
    ]);
    expect(findings(g, { dueSoonDays: 11 }, "due-soon")).toEqual(["F2 due-soon", "F3 due-soon", "F4 due-soon"]);
    expect(findings(g, { rules: { "due-soon": false } }, "due-soon")).toEqual([]);
  });
});

describe("missing-status", () => {
  it("warns on an empty status and never counts it as done", () => {
    const r = report(ledger([{ status: "" }, { status: "已完成", evidence: "x" }]));
    expect(r.findings.filter((f) => f.rule === "missing-status").map((f) => [f.cell, f.severity])).toEqual([
      ["G2", "warning"],
    ]);
    expect(r.summary).toMatchObject({ tasks: 2, done: 1, statusUnknown: 1 });
  });

  it("warns on a status it cannot read (待报), quoting it, so every measure counted 进展待报 is listed", () => {
    // The bulletin sweep of 2026-12-03: 进展待报5条 in the opening, four entries in the table.
    const r = report(ledger([{ status: "待报" }, { status: "" }, { status: "正在推进" }]));
    const found = r.findings.filter((f) => f.rule === "missing-status");
    expect(found.map((f) => [f.cell, f.message])).toEqual([
      ["G2", "整改进展“待报”无法识别：请填写“已完成”“正在推进”或“未启动”。"],
      ["G3", "未填写整改进展：请填写“已完成”“正在推进”或“未启动”。"],
    ]);
    expect(found.length).toBe(r.summary.statusUnknown);
  });
});
