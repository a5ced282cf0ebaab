import { describe, expect, it } from "vitest";
import type { Ledger } from "../../src/core/ledger/model.js";
import type { Finding, Summary } from "../../src/core/report.js";
import {
  checkedFileName,
  departmentOptions,
  filterFindings,
  formatRate,
  langFromDisplayLanguage,
  normalizeColumn,
  pageFindings,
  previewParams,
  ruleKey,
  ruleOptions,
  summaryTiles,
  taskDetail,
  themeFromBackground,
} from "../../src/taskpane/view-model.js";

function finding(cell: string, rule: Finding["rule"], extra: Partial<Finding> = {}): Finding {
  const row = Number(cell.replace(/^[A-Z]+/, ""));
  const severity = rule === "paper-only" ? "warning" : rule === "due-soon" ? "info" : "error";
  return { rule, severity, row, column: cell.replace(/\d+$/, ""), cell, message: `${rule} at ${cell}`, ...extra };
}

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
  it("gives the six figures as exact numbers, the rate on the done tile, tones like the marks", () => {
    expect(summaryTiles(SUMMARY)).toEqual([
      { key: "tasks", value: "9", tone: "neutral" },
      { key: "done", value: "3", rate: "33.3%", tone: "success" },
      { key: "overdue", value: "1", tone: "error" },
      { key: "dueSoon", value: "0", tone: "info" },
      { key: "paperOnly", value: "5", tone: "warning" },
      { key: "incomplete", value: "3", tone: "error" },
    ]);
  });

  it("formats rates with one decimal, whole percentages without", () => {
    expect([0, 0.3333, 0.5, 0.6667, 1, 0.0005].map(formatRate)).toEqual([
      "0%",
      "33.3%",
      "50%",
      "66.7%",
      "100%",
      "0.1%",
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
    const cells = (fs: Finding[]) => fs.map((f) => f.cell);
    expect(cells(filterFindings(FINDINGS, { rule: "overdue", department: null }))).toEqual(["G6", "G9"]);
    expect(cells(filterFindings(FINDINGS, { rule: "paper-only", department: null }))).toEqual(["H4", "D8"]);
    expect(cells(filterFindings(FINDINGS, { rule: "paper-only/documents-only", department: null }))).toEqual(["D8"]);
    expect(cells(filterFindings(FINDINGS, { rule: "overdue", department: "办公室" }))).toEqual(["G9"]);
    expect(cells(filterFindings(FINDINGS, { rule: null, department: "" }))).toEqual(["F5"]);
    expect(filterFindings(FINDINGS, { rule: null, department: null })).toHaveLength(6);
  });
});

describe("pageFindings", () => {
  it("groups errors, warnings, notes in that order, keeping sheet order within a group", () => {
    const page = pageFindings(FINDINGS, 200);
    expect(page.groups.map((g) => [g.severity, g.findings.map((f) => f.cell), g.total])).toEqual([
      ["error", ["F5", "G6", "G9"], 3],
      ["warning", ["H4", "D8"], 2],
      ["info", ["G7"], 1],
    ]);
    expect([page.shown, page.total]).toEqual([6, 6]);
  });

  it("cuts at the limit across groups and drops groups with nothing shown", () => {
    const page = pageFindings(FINDINGS, 4);
    expect(page.groups.map((g) => [g.severity, g.findings.length, g.total])).toEqual([
      ["error", 3, 3],
      ["warning", 1, 2],
    ]);
    expect([page.shown, page.total]).toEqual([4, 6]);
  });

  it("pages thousands of findings without rendering them all", () => {
    const many = Array.from({ length: 5000 }, (_, i) => finding(`G${i + 2}`, "overdue"));
    const page = pageFindings(many, 200);
    expect([page.shown, page.total, page.groups[0]!.total]).toEqual([200, 5000, 5000]);
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
  it("speaks English only when Office does", () => {
    expect(["en-US", "EN-gb", "zh-CN", "zh-TW", "fr-FR", undefined].map(langFromDisplayLanguage)).toEqual([
      "en",
      "en",
      "zh",
      "zh",
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
    expect(previewParams("?today=2025-7-1")).toEqual({ lang: "zh" });
    expect(previewParams("?lang=fr")).toEqual({ lang: "zh" });
    expect(previewParams("")).toEqual({ lang: "zh" });
  });

  it("names the download after the file, always .xlsx", () => {
    expect(checkedFileName("整改台账.xlsx")).toBe("整改台账.checked.xlsx");
    expect(checkedFileName("C:\\fakepath\\ledger.v2.csv")).toBe("ledger.v2.checked.xlsx");
    expect(checkedFileName("")).toBe("ledger.checked.xlsx");
  });

  it("accepts column letters as typed, rejects anything else", () => {
    expect(["h", " AB ", "", "A1", "ABCD", "中"].map(normalizeColumn)).toEqual(["H", "AB", "", null, null, null]);
  });
});
