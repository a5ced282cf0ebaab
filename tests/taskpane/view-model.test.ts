import { describe, expect, it } from "vitest";
import type { Ledger } from "../../src/core/ledger/model.js";
import type { Finding, Summary } from "../../src/core/report.js";
import { langFromLocale } from "../../src/taskpane/i18n.js";
import {
  bulletinFileName,
  checkedFileName,
  departmentOptions,
  filterCounts,
  filterFindings,
  formatRate,
  listRows,
  normalizeColumn,
  previewParams,
  ruleKey,
  ruleOptions,
  summaryTiles,
  formatChange,
  taskDetail,
  themeFromBackground,
} from "../../src/taskpane/view-model.js";

function finding(cell: string, rule: Finding["rule"], extra: Partial<Finding> = {}): Finding {
  const row = Number(cell.replace(/^[A-Z]+/, ""));
  const severity = rule === "paper-only" ? "warning" : rule === "due-soon" ? "info" : "error";
  return { rule, severity, row, column: cell.replace(/\d+$/, ""), cell, message: `${rule} at ${cell}`, ...extra };
}

const cells = (fs: Finding[]) => fs.map((f) => f.cell);

const FINDINGS: Finding[] = [
  finding("H4", "paper-only", { reason: "no-evidence", department: "办公室" }),
  finding("F5", "missing-department"),
  finding("G6", "overdue", { department: "组织科", days: 3 }),
  finding("G7", "due-soon", { department: "办公室", days: 2 }),
  finding("D8", "paper-only", { reason: "documents-only", department: "办公室" }),
  finding("G9", "overdue", { department: "办公室", days: 1 }),
];

const SUMMARY: Summary = {
  tasks: 9,
  problems: 9,
  done: 3,
  inProgress: 5,
  notStarted: 1,
  overdue: 1,
  dueSoon: 0,
  paperOnly: 5,
  incomplete: 3,
  statusUnknown: 0,
  completionRate: 0.3333,
  errors: 4,
  warnings: 6,
  infos: 0,
};

describe("summaryTiles", () => {
  it("gives the six figures as exact numbers, the rate on the done tile, tones like the marks, and what each filters", () => {
    expect(summaryTiles(SUMMARY)).toEqual([
      { key: "tasks", value: "9", tone: "neutral" },
      { key: "done", value: "3", rate: "33.3%", tone: "success" },
      { key: "overdue", value: "1", tone: "error", filter: "overdue" },
      { key: "dueSoon", value: "0", tone: "info", filter: "due-soon" },
      { key: "paperOnly", value: "5", tone: "warning", filter: "paper-only" },
      { key: "incomplete", value: "3", tone: "error", filter: "incomplete" },
    ]);
  });

  it("shows the change since the last check on the figures the snapshot keeps (tasks, done, overdue), and only there", () => {
    const tiles = summaryTiles(SUMMARY, { tasks: 8, done: 0, overdue: 1 });
    expect(tiles.map((t) => [t.key, t.change])).toEqual([
      ["tasks", 1],
      ["done", 3],
      ["overdue", 0],
      ["dueSoon", undefined],
      ["paperOnly", undefined],
      ["incomplete", undefined],
    ]);
    expect([3, -2, 0].map(formatChange)).toEqual(["▲3", "▼2", "±0"]);
    // No snapshot, no change: the tiles are as before.
    expect(summaryTiles(SUMMARY).some((t) => "change" in t)).toBe(false);
  });

  it("formats rates with one decimal, whole percentages without, from the counts as the bulletin does", () => {
    const counts: [number, number][] = [
      [0, 7],
      [1, 3],
      [1, 2],
      [2, 3],
      [7, 7],
      [1, 2000],
      [1999, 2000],
      [14, 27],
    ];
    expect(counts.map(([done, tasks]) => formatRate(done, tasks))).toEqual([
      "0%",
      "33.3%",
      "50%",
      "66.7%",
      "100%",
      "0.1%",
      "99.9%",
      "51.9%",
    ]);
  });
});

describe("rule and department filters", () => {
  it("keys paper-only findings by reason", () => {
    expect(ruleKey(FINDINGS[0]!)).toBe("paper-only/no-evidence");
    expect(ruleKey(FINDINGS[2]!)).toBe("overdue");
  });

  it("lists rules in the engine's order with counts", () => {
    expect(ruleOptions(FINDINGS)).toEqual([
      { key: "missing-department", count: 1 },
      { key: "overdue", count: 2 },
      { key: "due-soon", count: 1 },
      { key: "paper-only/no-evidence", count: 1 },
      { key: "paper-only/documents-only", count: 1 },
    ]);
  });

  it("lists departments by count, findings without one last", () => {
    expect(departmentOptions(FINDINGS)).toEqual([
      { key: "办公室", count: 4 },
      { key: "组织科", count: 1 },
      { key: "", count: 1 },
    ]);
  });

  it("filters by rule key, by bare rule and by department together", () => {
    expect(cells(filterFindings(FINDINGS, { rule: "overdue", department: null }))).toEqual(["G6", "G9"]);
    expect(cells(filterFindings(FINDINGS, { rule: "paper-only", department: null }))).toEqual(["H4", "D8"]);
    expect(cells(filterFindings(FINDINGS, { rule: "paper-only/documents-only", department: null }))).toEqual(["D8"]);
    expect(cells(filterFindings(FINDINGS, { rule: "overdue", department: "办公室" }))).toEqual(["G9"]);
    expect(cells(filterFindings(FINDINGS, { rule: null, department: "" }))).toEqual(["F5"]);
    expect(filterFindings(FINDINGS, { rule: null, department: null })).toHaveLength(6);
  });
});

describe("filters under each other", () => {
  it("filters by a tile's rule group: incomplete is every incomplete-entry rule", () => {
    expect(cells(filterFindings(FINDINGS, { rule: "incomplete", department: null }))).toEqual(["F5"]);
    expect(cells(filterFindings(FINDINGS, { rule: "paper-only", department: null }))).toEqual(["H4", "D8"]);
  });

  it("counts each dropdown's options under the other filter, and leaves out what would show nothing", () => {
    const byRule = filterCounts(FINDINGS, { rule: "overdue", department: null });
    expect(cells(byRule.shown)).toEqual(["G6", "G9"]);
    // 办公室 has 4 findings in all, but only 1 overdue; a department with no overdue finding goes.
    expect(byRule.departments).toEqual([
      { key: "办公室", count: 1 },
      { key: "组织科", count: 1 },
    ]);
    expect([byRule.allRules, byRule.allDepartments]).toEqual([6, 2]);

    const both = filterCounts(FINDINGS, { rule: "overdue", department: "组织科" });
    expect(cells(both.shown)).toEqual(["G6"]);
    expect(both.rules).toEqual([{ key: "overdue", count: 1 }]);
    expect(both.allRules).toBe(1);
  });

  it("keeps the chosen option listed even when it leaves nothing", () => {
    const none = filterCounts(FINDINGS, { rule: "due-soon", department: "组织科" });
    expect(none.shown).toEqual([]);
    expect(none.rules).toContainEqual({ key: "due-soon", count: 0 });
    expect(none.departments).toContainEqual({ key: "组织科", count: 0 });
  });
});

describe("listRows", () => {
  const shape = (rows: ReturnType<typeof listRows>) =>
    rows.map((r) => (r.kind === "group" ? `# ${r.key} ${r.count} ${r.severity}` : `${r.index} ${r.finding.cell}`));

  it("groups by rule in the engine's order, each group headed by its count and worst severity", () => {
    expect(shape(listRows(FINDINGS, "rule"))).toEqual([
      "# missing-department 1 error",
      "1 F5",
      "# overdue 2 error",
      "2 G6",
      "3 G9",
      "# due-soon 1 info",
      "4 G7",
      "# paper-only/no-evidence 1 warning",
      "5 H4",
      "# paper-only/documents-only 1 warning",
      "6 D8",
    ]);
  });

  it("groups by department, most findings first, findings without one last", () => {
    expect(shape(listRows(FINDINGS, "department"))).toEqual([
      "# 办公室 4 error",
      "1 H4",
      "2 G7",
      "3 D8",
      "4 G9",
      "# 组织科 1 error",
      "5 G6",
      "#  1 error",
      "6 F5",
    ]);
  });

  it("makes one row per finding plus one per group for thousands of findings", () => {
    const many = Array.from({ length: 5000 }, (_, i) => finding(`G${i + 2}`, i % 2 ? "overdue" : "due-soon"));
    const rows = listRows(many, "rule");
    expect(rows).toHaveLength(5002);
    expect(rows.filter((r) => r.kind === "group").map((r) => r.kind === "group" && r.count)).toEqual([2500, 2500]);
  });
});

describe("taskDetail", () => {
  const ledger: Ledger = {
    layout: {
      sheet: "台账",
      headerRow: 3,
      headerRows: [3],
      columns: { problem: 2, measures: 3, lead: 4, deadline: 6, status: 7 },
      headers: {},
      score: 5,
    },
    tasks: [
      {
        row: 4,
        category: "一、关于政治建设方面",
        cells: {
          problem: { row: 4, col: 2, value: "学习不深入", text: "学习不深入" },
          measures: { row: 4, col: 3, value: "召开会议", text: "召开会议" },
          deadline: { row: 4, col: 6, value: "2025年6月底", text: "2025年6月底" },
          status: { row: 4, col: 7, value: "已完成", text: "已完成" },
        },
        deadline: { kind: "none" } as never,
        status: { kind: "done" } as never,
      },
    ],
    title: {},
  };

  it("lists the task's fields in ledger order, empty ones as empty, absent columns left out", () => {
    expect(taskDetail(ledger, { row: 5, taskRow: 4 })).toEqual({
      row: 4,
      rows: [
        { field: "category", text: "一、关于政治建设方面" },
        { field: "problem", text: "学习不深入" },
        { field: "measures", text: "召开会议" },
        { field: "lead", text: "" },
        { field: "deadline", text: "2025年6月底" },
        { field: "status", text: "已完成" },
      ],
    });
  });

  it("finds the task by row when there is no taskRow, and gives null for a row that is no task", () => {
    expect(taskDetail(ledger, { row: 4 })?.row).toBe(4);
    expect(taskDetail(ledger, { row: 9 })).toBeNull();
  });
});

describe("host facts", () => {
  it("speaks Chinese for any Chinese locale and English for every other (issue #9 row 15)", () => {
    expect(["en-US", "EN-gb", "zh-CN", "zh-TW", "ZH-hk", "de-DE", "fr-FR", "", undefined].map(langFromLocale)).toEqual([
      "en",
      "en",
      "zh",
      "zh",
      "zh",
      "en",
      "en",
      "zh",
      "zh",
    ]);
  });

  it("tells dark from light by the theme's background, null when unknown", () => {
    expect(
      ["#FFFFFF", "#262626", "#000000", "#E6E6E6", "#1f1f1f", "", undefined, "red"].map(themeFromBackground),
    ).toEqual(["light", "dark", "dark", "light", "dark", null, null, null]);
  });

  it("reads ?lang and ?today, ignoring malformed dates", () => {
    expect(previewParams("?lang=en&today=2025-07-01")).toEqual({ lang: "en", today: "2025-07-01" });
    expect(previewParams("?lang=zh-CN")).toEqual({ lang: "zh" });
    expect(previewParams("?today=2025-7-1")).toEqual({});
    expect(previewParams("?lang=fr")).toEqual({});
    expect(previewParams("")).toEqual({});
  });

  it("names the download after the file, always .xlsx", () => {
    expect(checkedFileName("整改台账.xlsx")).toBe("整改台账.checked.xlsx");
    expect(checkedFileName("C:\\fakepath\\ledger.v2.csv")).toBe("ledger.v2.checked.xlsx");
    expect(checkedFileName("")).toBe("ledger.checked.xlsx");
    expect(checkedFileName("整改台账.xlsx", "copy")).toBe("整改台账.copy.xlsx");
    expect(bulletinFileName("整改台账.xlsx", "docx")).toBe("整改台账.bulletin.docx");
  });

  it("accepts column letters as typed, rejects anything else", () => {
    expect(["h", " AB ", "", "A1", "ABCD", "中"].map(normalizeColumn)).toEqual(["H", "AB", "", null, null, null]);
  });
});
