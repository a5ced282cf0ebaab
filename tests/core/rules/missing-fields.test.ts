import { describe, expect, it } from "vitest";
import { grid, ledger } from "../../helpers/grid.js";
import { findings, report } from "./run.js";

describe("missing-lead / missing-department / missing-measures / missing-deadline", () => {
  it("flags each empty cell of a task, pointing at that cell", () => {
    const g = ledger([{}, { lead: "" }, { department: null }, { measures: "  " }, { deadline: "" }]);
    expect(findings(g, {}, "missing")).toEqual([
      "D3 missing-lead",
      "E4 missing-department",
      "C5 missing-measures",
      "F6 missing-deadline",
    ]);
  });

  it("is an error with a message that says what to do", () => {
    const f = report(ledger([{ lead: "" }])).findings[0]!;
    expect(f).toMatchObject({ rule: "missing-lead", severity: "error", row: 2, column: "D", cell: "D2" });
    expect(f.message).toContain("责任领导");
    expect(report(ledger([{ lead: "" }]), { lang: "en" }).findings[0]!.message).toMatch(/leader/);
  });

  it("does not count a co-unit as the department", () => {
    const g = grid([
      ["反馈问题", "整改措施", "责任领导", "责任部门", "配合部门", "整改时限", "整改进展"],
      ["问题", "开展检查3次", "张某", "", "团委", "2025年12月31日", "正在推进"],
    ]);
    expect(findings(g, {}, "missing-department")).toEqual(["D2 missing-department"]);
  });

  it("takes an error value for nothing: a lookup that found no leader names none (the reading sweep of 2026-12-03)", () => {
    const na = { error: "#N/A" };
    const g = ledger([{ lead: na }, { department: { error: "#REF!" } }, { measures: { error: "#VALUE!" } }]);
    expect(findings(g, {}, "missing")).toEqual(["D2 missing-lead", "E3 missing-department", "C4 missing-measures"]);
    // In a column holding both, `#N/A` is not split at its slash into a lead `#N` and a unit `A`.
    const pair = grid([
      ["反馈问题", "整改措施", "责任领导/责任部门", "整改时限", "整改进展"],
      ["问题", "开展检查3次", na, "2025年12月31日", "正在推进"],
      ["问题二", "开展检查4次", "#N/A", "2025年12月31日", "正在推进"],
    ]);
    expect(findings(pair, {}, "missing")).toEqual([
      "C2 missing-lead",
      "C2 missing-department",
      "C3 missing-lead",
      "C3 missing-department",
    ]);
  });

  it("says when two departments may be one unit typed two ways (the bulletin counts them apart)", () => {
    const g = ledger([{ department: "办公室" }, { department: "委办公室" }, { department: "财务科" }]);
    const notice = report(g).notices.find((n) => n.code === "similar-departments");
    expect(notice?.message).toBe(
      "责任部门中“办公室”与“委办公室”可能是同一部门的不同写法，通报和督办通知按不同部门统计：如是同一部门，请统一写法后再校验。",
    );
    expect(
      report(ledger([{ department: "办公室" }, { department: "财务科" }])).notices.map((n) => n.code),
    ).not.toContain("similar-departments");
  });

  it("says once that a column is absent instead of flagging every row", () => {
    const g = grid([
      ["反馈问题", "整改措施", "责任部门", "整改时限", "整改进展"],
      ["问题一", "开展检查3次", "办公室", "2025年12月31日", "已完成"],
      ["问题二", "开展检查4次", "办公室", "2025年12月31日", "已完成"],
    ]);
    const r = report(g);
    expect(r.findings.filter((f) => f.rule === "missing-lead")).toEqual([]);
    expect(r.notices.map((n) => n.code)).toContain("missing-column:missing-lead");
    expect(r.notices.map((n) => n.code)).toContain("missing-column:paper-only/no-evidence");
    expect(r.notices.filter((n) => n.code === "missing-column:paper-only/no-evidence")).toHaveLength(1);
  });
});
