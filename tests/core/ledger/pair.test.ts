import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkGrid } from "../../../src/core/check.js";
import { detectLayout } from "../../../src/core/ledger/detect.js";
import { mapHeaders, pairHeader } from "../../../src/core/ledger/headers.js";
import { fieldText } from "../../../src/core/ledger/model.js";
import { splitPair } from "../../../src/core/ledger/pair.js";
import { config, grid } from "../../helpers/grid.js";
import { findings } from "../rules/run.js";

/** A school ledger with one 责任领导/责任部门 column (D), as DOMAIN.md describes it. */
function school(cells: string[], header = "责任领导/责任部门") {
  return grid([
    ["序号", "反馈问题", "整改措施", header, "整改时限", "整改进展", "佐证材料"],
    ...cells.map((c, i) => [i + 1, `问题${i + 1}`, `开展专项检查${i + 1}次`, c, "2025年12月31日", "正在推进", ""]),
  ]);
}

describe("one column, two fields: the header", () => {
  it.each([
    ["责任领导/责任部门", "lead"],
    ["责任领导／责任部门", "lead"],
    ["责任领导及部门", "lead"],
    ["责任领导及责任单位", "lead"],
    ["牵头领导/牵头单位", "lead"],
    ["牵头校领导、责任部门", "lead"],
    ["责任\n领导/部门", "lead"],
    ["责任单位/责任领导", "department"],
    ["Lead / Department", "lead"],
  ])("%j holds both, %s first", (header, first) => expect(pairHeader(header)?.first).toBe(first));

  it.each(["整改措施及要求", "责任领导", "责任领导/责任人", "牵头单位/配合单位", "问题及原因"])("%j is no pair", (h) =>
    expect(pairHeader(h)).toBeNull(),
  );

  it("maps the column to both lead and department, and the report gives both the same letter", () => {
    const g = school(["张某/总务处"]);
    expect(detectLayout(g)!.columns).toMatchObject({ lead: 4, department: 4 });
    expect(detectLayout(g)!.pair).toEqual({ col: 4, first: "lead" });
    expect(checkGrid(g, config()).report.columns).toMatchObject({ lead: "D", department: "D" });
  });

  it("leaves a column of its own to a field that has one, and splits the pair for the other", () => {
    const { columns, pair } = mapHeaders(
      new Map([
        [2, "反馈问题"],
        [3, "整改措施"],
        [4, "责任领导/责任部门"],
        [5, "责任部门"],
      ]),
    );
    expect(columns).toMatchObject({ lead: 4, department: 5 });
    expect(pair).toEqual({ col: 4, first: "lead" });
  });
});

describe("one column, two fields: the cells (DOMAIN.md's examples)", () => {
  it.each([
    ["张某/总务处", "张某", "总务处"],
    ["张某、王某/总务处、校医室", "张某、王某", "总务处、校医室"],
    ["/德育处", "", "德育处"],
    ["李某/", "李某", ""],
    ["——/教务处", "", "教务处"],
    // Beyond DOMAIN.md: full-width slash, a line break, a bracket, spaces before a unit, placeholders.
    ["张某／总务处", "张某", "总务处"],
    ["张某\n总务处", "张某", "总务处"],
    ["张某（总务处）", "张某", "总务处"],
    ["张某  总务处", "张某", "总务处"],
    ["张某，王某；李某/党政办/人事处", "张某，王某；李某", "党政办/人事处"],
    ["无/总务处", "", "总务处"],
    ["张某/暂无", "张某", ""],
    ["总务处", "", "总务处"],
    ["张某", "张某", ""],
    ["李局长", "李局长", ""],
    ["无", "", ""],
  ])("%j → lead %j, department %j", (cell, lead, department) => {
    const { report, ledger } = checkGrid(school([cell]), config());
    const task = ledger.tasks[0]!;
    expect([fieldText(task, "lead"), fieldText(task, "department")]).toEqual([lead, department]);
    // The cell keeps its whole text for whoever shows it.
    expect(task.cells.lead!.shown ?? task.cells.lead!.text).toBe(cell.trim());
    // Each missing side is flagged, at that cell.
    const expected = [
      ...(lead === "" ? ["D2 missing-lead"] : []),
      ...(department === "" ? ["D2 missing-department"] : []),
    ];
    expect(report.findings.filter((f) => f.rule.startsWith("missing")).map((f) => `${f.cell} ${f.rule}`)).toEqual(
      expected,
    );
  });

  it("keeps `总务处（牵头）` whole: a note on the unit's role is not a second field", () => {
    expect(splitPair("总务处（牵头）", "lead")).toEqual({ lead: "", department: "总务处（牵头）" });
  });

  it("reads department-first cells the other way round", () => {
    const g = school(["总务处/张某", "/李某"], "责任单位/责任领导");
    expect(findings(g, {}, "missing")).toEqual(["D3 missing-department"]);
    const { ledger } = checkGrid(g, config());
    expect(fieldText(ledger.tasks[0]!, "department")).toBe("总务处");
    expect(fieldText(ledger.tasks[0]!, "lead")).toBe("张某");
  });

  it("reports the department side on each finding of a task (the bulletin's breakdown reads it)", () => {
    const g = grid([
      ["序号", "反馈问题", "整改措施", "责任领导/责任部门", "整改时限", "整改进展", "佐证材料"],
      [1, "问题", "开展专项检查3次", "张某/总务处", "2025年6月30日", "正在推进", ""],
    ]);
    expect(checkGrid(g, config()).report.findings.map((f) => [f.cell, f.rule, f.department])).toEqual([
      ["E2", "overdue", "总务处"],
    ]);
  });

  it("makes a pair of lead and department forced onto one column", () => {
    const g = grid([
      ["序号", "反馈问题", "整改措施", "责任", "整改时限", "整改进展"],
      [1, "问题", "开展专项检查3次", "/总务处", "2025年12月31日", "正在推进"],
    ]);
    expect(findings(g, { columns: { lead: "D", department: "D" } }, "missing")).toEqual(["D2 missing-lead"]);
  });

  it("splits into two sides whose text is the cell's, for any cell with one slash", () => {
    const side = fc.stringMatching(/^[张王李某总务处校医室、]{1,6}$/);
    fc.assert(
      fc.property(side, side, (a, b) => {
        const { lead, department } = splitPair(`${a}/${b}`, "lead");
        expect([lead, department]).toEqual([a, b]);
        expect(splitPair(`${b}/${a}`, "department")).toEqual({ lead: a, department: b });
      }),
    );
  });
});
