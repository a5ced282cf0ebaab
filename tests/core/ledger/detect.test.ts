import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectLayout } from "../../../src/core/ledger/detect.js";
import { headerScore, mapHeaders, normalizeHeader } from "../../../src/core/ledger/headers.js";
import { grid, HEADER_COLUMNS } from "../../helpers/grid.js";

describe("normalizeHeader", () => {
  it.each([
    ["责任\n领导", "责任领导"],
    ["*整改时限", "整改时限"],
    ["完成时限（年月日）", "完成时限"],
    [" 整改 措施 ", "整改措施"],
    ["佐证材料(附件)", "佐证材料"],
    ["Ｄｅａｄｌｉｎｅ", "deadline"],
    ["责任部门：", "责任部门"],
  ])("%j → %j", (input, expected) => expect(normalizeHeader(input)).toBe(expected));
});

describe("headerScore", () => {
  it("prefers the responsible unit over co-units and measures over goals", () => {
    expect(headerScore("牵头单位", "department")).toBe(3);
    expect(headerScore("配合单位", "department")).toBe(0);
    expect(headerScore("配合部门", "department")).toBe(0);
    expect(headerScore("整改措施", "measures")).toBe(3);
    expect(headerScore("整改目标", "measures")).toBe(0);
    expect(headerScore("问题类别", "problem")).toBe(0);
  });
  it("matches English names as whole words", () => {
    expect(headerScore("Responsible unit", "department")).toBe(3);
    expect(headerScore("Community", "department")).toBe(0);
    expect(headerScore("Due date", "deadline")).toBe(3);
  });
});

describe("headerScore: headers of checklist-style ledgers", () => {
  it.each(["是否完成", "是否办结", "完成状态", "整改落实情况", "落实情况"])("%j names the status", (h) =>
    expect(headerScore(h, "status")).toBe(3),
  );
  it("takes 是否销号 (the inspectors' sign-off) for the status only where no other column says it", () => {
    // The reading sweep of 2026-12-03: 是否销号 won over 整改进展, and a task 已完成 there was late.
    expect(headerScore("是否销号", "status")).toBeGreaterThan(0);
    expect(headerScore("是否销号", "status")).toBeLessThan(headerScore("整改进展", "status"));
    const cols = (h: string[]) => detectLayout(grid([h, h.map(() => "x")]))?.columns;
    expect(
      cols(["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "是否销号"])?.status,
    ).toBe(7);
    expect(cols(["序号", "反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "是否销号"])?.status).toBe(7);
  });
});

describe("headerScore: headers the reading sweep of 2026-12-03 found unread", () => {
  it.each([
    ["牵头县领导", "lead"],
    ["分管区领导", "lead"],
    ["责任市领导", "lead"],
    ["责任股室", "department"],
    ["牵头股室", "department"],
    ["牵头科室", "department"],
  ] as const)("%j names the %s", (h, field) => expect(headerScore(h, field)).toBeGreaterThanOrEqual(2));
  it("takes 承办科室 for the department where no column names the responsible one", () => {
    const h = ["序号", "反馈问题", "整改措施", "责任领导", "承办科室", "整改时限", "整改进展"];
    expect(detectLayout(grid([h, h.map(() => "x")]))?.columns.department).toBe(5);
  });
});

describe("headerScore: headers the reading sweep of 2026-12-02 found unread", () => {
  it.each([
    ["整改目标和措施", "measures"],
    ["整改措施及目标", "measures"],
    ["整改目标及措施", "measures"],
    ["分管校领导", "lead"],
    ["时间节点", "deadline"],
    ["推进情况", "status"],
  ] as const)("%j names the %s", (h, field) => expect(headerScore(h, field)).toBeGreaterThanOrEqual(2));
  it("still takes 整改目标 alone for a goal, and a column of measures over one of goals and measures", () => {
    expect(headerScore("整改目标", "measures")).toBe(0);
    expect(
      mapHeaders(
        new Map([
          [1, "反馈问题"],
          [2, "整改目标和措施"],
          [3, "整改措施"],
          [4, "责任部门"],
        ]),
      ).columns.measures,
    ).toBe(3);
  });
});

describe("mapHeaders: headers the reading sweep of 2026-12-03 misread", () => {
  const map = (...texts: string[]) => mapHeaders(new Map(texts.map((t, i) => [i + 1, t])));
  it("takes 整改措施/整改举措 for the measures over a 整改任务 column beside it, whichever stands first", () => {
    expect(map("反馈问题", "整改任务", "整改举措", "责任领导").columns.measures).toBe(3);
    expect(map("反馈问题", "整改任务", "整改措施", "责任领导").columns.measures).toBe(3);
    expect(map("反馈问题", "整改措施", "整改任务", "责任领导").columns.measures).toBe(2);
    // Alone, 整改任务 is the measures.
    expect(map("反馈问题", "整改任务", "责任领导").columns.measures).toBe(2);
  });
  it.each(["是否整改到位", "整改是否到位", "是否到位", "是否整改"])("%j names the status (是/否)", (h) =>
    expect(map("反馈问题", "整改措施", "责任部门", h).columns.status).toBe(4),
  );
  it.each(["包保领导", "包联领导"])("%j names the lead", (h) =>
    expect(map("反馈问题", "整改措施", h, "责任部门").columns.lead).toBe(3),
  );
});

describe("mapHeaders: headers the second reading sweep of 2026-12-02 misread", () => {
  const map = (...texts: string[]) => mapHeaders(new Map(texts.map((t, i) => [i + 1, t])));
  it.each([["问题来源"], ["问题领域"], ["问题数量"]])("%j is not the problem column, whichever stands first", (h) => {
    expect(map("序号", h, "存在的问题", "整改措施", "责任部门").columns.problem).toBe(3);
    expect(map("序号", h, "具体问题描述", "整改措施", "责任部门").columns.problem).toBe(3);
  });
  it("takes a yes/no or state column for the status over a narrative progress column", () => {
    expect(map("反馈问题", "整改措施", "责任部门", "整改进展", "是否完成").columns.status).toBe(5);
    expect(map("反馈问题", "整改措施", "责任部门", "整改进展", "整改状态").columns.status).toBe(5);
    // Alone, the narrative column is the status.
    expect(map("反馈问题", "整改措施", "责任部门", "整改进展").columns.status).toBe(4);
  });
  it.each([["牵头单位及配合单位"], ["牵头/配合单位"], ["牵头和配合单位"], ["主责单位和协办单位"]])(
    "%j names the responsible department (配合单位 alone does not)",
    (h) => {
      expect(map("反馈问题", "整改措施", "责任领导", h).columns.department).toBe(4);
      expect(map("反馈问题", "整改措施", "责任领导", "配合单位").columns.department).toBeUndefined();
    },
  );
  it("reads an adjusted deadline column beside the original, whichever header says which", () => {
    const a = map("反馈问题", "整改措施", "责任部门", "整改时限", "调整后时限");
    expect([a.columns.deadline, a.adjustedDeadline]).toEqual([4, 5]);
    const b = map("反馈问题", "整改措施", "责任部门", "原定时限", "整改时限（调整后）");
    expect([b.columns.deadline, b.adjustedDeadline]).toEqual([4, 5]);
    expect(map("反馈问题", "整改措施", "责任部门", "整改时限").adjustedDeadline).toBeUndefined();
  });
});

describe("mapHeaders: monthly progress columns", () => {
  it.each([
    ["整改进展（5月）", "整改进展（6月）"],
    ["整改进展（截至2025年5月底）", "整改进展（截至2025年6月底）"],
  ])("takes the latest month's column for the status (%s | %s)", (may, june) => {
    const headers = new Map([
      [1, "反馈问题"],
      [2, "整改措施"],
      [3, "责任部门"],
      [4, may],
      [5, june],
    ]);
    expect(mapHeaders(headers).columns.status).toBe(5);
    // Whatever their order on the sheet.
    expect(
      mapHeaders(new Map([...headers].map(([c, h]) => [c, c === 4 ? june : c === 5 ? may : h]))).columns.status,
    ).toBe(4);
  });
});

describe("mapHeaders", () => {
  it("gives each field its best column and each column one field", () => {
    const { columns } = mapHeaders(
      new Map([
        [1, "问题类别"],
        [2, "反馈问题"],
        [3, "整改目标"],
        [4, "整改措施"],
        [5, "配合单位"],
        [6, "牵头单位"],
        [7, "责任人"],
        [8, "牵头\n校领导"],
      ]),
    );
    expect(columns).toEqual({ problem: 2, measures: 4, department: 6, lead: 8 });
  });
  it("takes a weak name when nothing strong names the field", () => {
    expect(
      mapHeaders(
        new Map([
          [1, "问题"],
          [2, "措施"],
          [3, "责任人"],
        ]),
      ).columns.lead,
    ).toBe(3);
  });
  it("never throws on arbitrary header text", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 12 }), (texts) => {
        const result = mapHeaders(new Map(texts.map((t, i) => [i + 1, t])));
        expect(new Set(Object.values(result.columns)).size).toBe(Object.keys(result.columns).length);
      }),
    );
  });
});

describe("detectLayout", () => {
  it("skips merged title rows and finds the header below them", () => {
    const g = grid(
      [
        ["区委第二巡察组反馈意见整改落实台账", null, null, null, null, null],
        ["填报单位：区教育委员会党委    填报时间：2025年6月30日", null, null, null, null, null],
        ["序号", "存在问题", "整改措施", "责任\n领导", "责任部门", "完成时限（年月日）"],
        [1, "问题", "措施", "张某", "办公室", "2025年6月底"],
      ],
      ["A1:F1", "A2:F2"],
    );
    const layout = detectLayout(g)!;
    expect(layout.headerRow).toBe(3);
    expect(layout.headerRows).toEqual([3]);
    expect(layout.columns).toEqual({ problem: 2, measures: 3, lead: 4, department: 5, deadline: 6 });
    expect(layout.headers.lead).toBe("责任\n领导");
  });

  it("reads a two-row header (group caption over sub-headers, others merged down)", () => {
    const g = grid(
      [
        ["序号", "反馈问题", "整改措施", "责任主体", null, "整改时限", "整改进展"],
        [null, null, null, "责任领导", "责任科室", null, null],
        [1, "问题", "措施", "张某", "办公室", "2025年6月底", "已完成"],
      ],
      ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2", "G1:G2"],
    );
    const layout = detectLayout(g)!;
    expect(layout.headerRow).toBe(2);
    expect(layout.headerRows).toEqual([1, 2]);
    expect(layout.columns).toEqual({ problem: 2, measures: 3, lead: 4, department: 5, deadline: 6, status: 7 });
  });

  it("reads a sub-header that names nothing alone with the caption over it (责任 over 领导 | 部门)", () => {
    const g = grid(
      [
        ["序号", "反馈问题", "整改措施", "责任", null, "整改时限", "整改进展"],
        [null, null, null, "领导", "部门", null, null],
        [1, "问题", "措施", "张某", "办公室", "2025年6月底", "已完成"],
      ],
      ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2", "G1:G2"],
    );
    const layout = detectLayout(g)!;
    expect(layout.headerRow).toBe(2);
    expect(layout.columns).toEqual({ problem: 2, measures: 3, lead: 4, department: 5, deadline: 6, status: 7 });
    expect(layout.headers.lead).toBe("责任领导");
    expect(layout.headers.department).toBe("部门");
  });

  it("reads English headers", () => {
    const g = grid([
      ["No.", "Problem", "Measures", "Responsible leader", "Department", "Deadline", "Status", "Evidence"],
    ]);
    expect(detectLayout(g)!.columns).toEqual(HEADER_COLUMNS);
  });

  it("returns null for a sheet that is not a ledger", () => {
    expect(
      detectLayout(
        grid([
          ["姓名", "部门", "电话"],
          ["张三", "办公室", "123"],
        ]),
      ),
    ).toBeNull();
    expect(detectLayout(grid([["title spanning", null, null, null]], ["A1:D1"]))).toBeNull();
  });

  it("lets the clerk force the header row and columns", () => {
    const g = grid([
      ["a", "b", "c"],
      ["问题", "措施", "时间"],
      ["x", "y", "2025年6月30日"],
    ]);
    const layout = detectLayout(g, { headerRow: 2, columns: { deadline: "C" } })!;
    expect(layout.headerRow).toBe(2);
    expect(layout.columns.deadline).toBe(3);
  });

  it("picks the best of several candidate rows", () => {
    const g = grid([
      ["问题", "措施", "说明"],
      ["反馈问题", "整改措施", "责任领导", "责任部门", "整改时限"],
    ]);
    expect(detectLayout(g)!.headerRow).toBe(2);
  });
});

describe("detectLayout: a two-row header typed without merges", () => {
  // The reading sweep of 2026-12-03: row 1 was taken as the header, row 2 as a task with three findings.
  const rows = [
    ["序号", "反馈问题", "整改措施", "责任主体", null, "整改时限", "完成情况", null],
    [null, null, null, "责任领导", "责任部门", null, "整改进展", "佐证材料"],
    [1, "问题甲", "措施甲", "王某", "办公室", "2025年6月30日", "已完成", ""],
  ];

  it("reads the lower row's blanks from the captions above it, both rows the header", () => {
    const layout = detectLayout(grid(rows))!;
    expect(layout.headerRow).toBe(2);
    expect(layout.headerRows).toEqual([1, 2]);
    expect(layout.columns).toEqual(HEADER_COLUMNS);
    expect(detectLayout(grid(rows), { headerRow: 2 })?.columns.problem).toBe(2);
  });

  it("leaves a one-row header and the task under it as they are", () => {
    const one = detectLayout(
      grid([rows[0]!.map((c, i) => c ?? ["", "", "", "", "责任部门", "", "", "佐证材料"][i]!), rows[2]!]),
    )!;
    expect(one.headerRow).toBe(1);
    expect(one.headerRows).toEqual([1]);
  });
});
