import { describe, expect, it } from "vitest";
import { checkGrid } from "../../../src/core/check.js";
import { formulaShown } from "../../../src/core/ledger/display.js";
import { fieldText } from "../../../src/core/ledger/model.js";
import { config, ledger } from "../../helpers/grid.js";
import { findings } from "../rules/run.js";

describe("placeholders mean empty (DOMAIN.md)", () => {
  const PLACEHOLDERS = ["无", "暂无", "/", "／", "—", "——", "-", "待补充"];

  it.each(PLACEHOLDERS)("%j as the lead, the department or the measures is missing", (p) => {
    const g = ledger([{ lead: p }, { department: p }, { measures: p }]);
    expect(findings(g, {}, "missing")).toEqual(["D2 missing-lead", "E3 missing-department", "C4 missing-measures"]);
  });

  it.each([...PLACEHOLDERS, "待定", "未定"])("%j as the deadline is no deadline", (p) => {
    expect(findings(ledger([{ deadline: p }]), {}, "missing-deadline")).toEqual(["F2 missing-deadline"]);
    expect(findings(ledger([{ deadline: p }]), {}, "invalid-deadline")).toEqual([]);
  });

  it("does not read 待定 as empty outside the deadline: a lead called that is a value", () => {
    expect(findings(ledger([{ lead: "待定" }]), {}, "missing")).toEqual([]);
  });

  it.each(PLACEHOLDERS)("%j as the status is no status", (p) => {
    expect(findings(ledger([{ status: p }]), {}, "missing-status")).toEqual(["G2 missing-status"]);
  });

  it.each([...PLACEHOLDERS, "暂无佐证材料", "无佐证", "（无）"])("done with %j as the evidence is no-evidence", (p) => {
    expect(findings(ledger([{ status: "已完成", evidence: p }]), {}, "paper-only")).toEqual([
      "H2 paper-only/no-evidence",
    ]);
  });

  it.each(["见附件", "见附件3", "√", "会议纪要", "检查记录、照片"])("done with %j as the evidence is fine", (e) => {
    expect(findings(ledger([{ status: "已完成", evidence: e }]), {}, "paper-only")).toEqual([]);
  });

  it("keeps the placeholder the cell shows, and counts the task undone", () => {
    const { ledger: l, report } = checkGrid(ledger([{ department: "——", status: "无" }]), config());
    expect(l.tasks[0]!.cells.department).toMatchObject({ text: "", shown: "——" });
    expect(fieldText(l.tasks[0]!, "department")).toBe("");
    expect(report.summary).toMatchObject({ done: 0, statusUnknown: 1 });
    expect(report.findings[0]!.department).toBeUndefined();
  });

  it("leaves content that merely contains a placeholder word alone", () => {
    const g = ledger([{ measures: "无证经营场所全部清理，共关停3家", department: "无线电管理处" }]);
    expect(findings(g, {}, "missing")).toEqual([]);
  });
});

describe("displayed values: a formula cell stands for what it shows", () => {
  it.each([
    ['=HYPERLINK("http://x/1.docx","招投标管理不规范")', "招投标管理不规范"],
    ['=HYPERLINK("#Sheet2!A1", "招投标管理不规范")', "招投标管理不规范"],
    ['=hyperlink("http://x/1.docx")', "http://x/1.docx"],
    ['="整改"&"完成"', "整改完成"],
    ['=CONCATENATE("已", "完成")', "已完成"],
    ['="他说""好"""', '他说"好"'],
    ["=2025", "2025"],
  ])("%s shows %j", (formula, shown) => expect(formulaShown(formula)).toBe(shown));

  it.each(["=A1&B1", "=VLOOKUP(B2,表!A:B,2,FALSE)", '=HYPERLINK("a"', "=", "not a formula"])(
    "%s is not made of literals",
    (f) => expect(formulaShown(f)).toBeNull(),
  );

  it("checks the problem, status and evidence a formula shows, never the formula text (a CSV keeps it)", () => {
    const g = ledger([
      {
        problem: '=HYPERLINK("http://oa/a.docx","招投标管理不规范")',
        status: '=HYPERLINK("http://oa/b.docx","已完成")',
        evidence: '=HYPERLINK("http://oa/c.pdf","")',
      },
    ]);
    const { ledger: l, report } = checkGrid(g, config());
    expect(fieldText(l.tasks[0]!, "problem")).toBe("招投标管理不规范");
    expect(l.tasks[0]!.status.kind).toBe("done");
    expect(report.findings.map((f) => [f.cell, f.reason, f.problem])).toEqual([
      ["H2", "no-evidence", "招投标管理不规范"],
    ]);
  });

  it("reads a formula cell by its cached value, as the hosts hand it over (exceljs: `result`)", () => {
    // The Grid never carries formulas: the value is the cached result.
    const g = ledger([{ problem: "招投标管理不规范", status: "已完成", evidence: "合同台账" }]);
    expect(checkGrid(g, config()).report.findings).toEqual([]);
  });
});

describe("hidden rows, filtered-out rows and hidden columns are part of the ledger", () => {
  it("checks every task the grid holds, hidden or filtered out, in hidden columns too", () => {
    const g = {
      ...ledger([{}, { lead: "" }, { status: "已完成" }, {}]),
      // Rows 3–4 hidden (a filter on 整改进展), column H (佐证材料) hidden for printing.
      hiddenRows: [3, 4],
      hiddenColumns: [8],
    };
    expect(findings(g)).toEqual(["D3 missing-lead", "H4 paper-only/no-evidence"]);
    expect(checkGrid(g, config()).report.summary.tasks).toBe(4);
  });
});
