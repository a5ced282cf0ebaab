import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MARK_FILLS } from "../../src/core/marks.js";
import { ReportSchema, type Report } from "../../src/core/report.js";
import { buildLedger, tempDir, writeLedger, type LedgerSpec } from "../support/ledger-builder.js";
import { cellsOf, hasFormula, loadXlsx, runCli, sha256 } from "./run.js";

/** A problem text that Excel would take for a formula if it were ever written as one. */
const FORMULA_LIKE = '=HYPERLINK("http://x","点此")食堂账目未公开';

/** A messy ledger: two-row header, merges down and across, dates, an error result, an existing formula, a user's note. */
const SPEC: LedgerSpec = {
  twoRowHeader: true,
  captions: { lead: "责任\n领导", department: "责任科室" },
  sections: [
    {
      caption: "一、关于落实全面从严治党责任方面",
      problems: [
        {
          problem: "公务用车管理不规范",
          lead: "王建国",
          measures: [
            {
              measures: "开展公务用车专项检查，建立登记台账",
              department: "办公室",
              deadline: { date: "2025-06-15" },
              status: "正在推进",
            },
            {
              measures: "召开党委会研究部署，印发《公务用车管理办法》",
              department: "办公室",
              deadline: "2025年6月底",
              status: "已完成",
            },
          ],
        },
        {
          problem: FORMULA_LIKE,
          measures: [
            {
              measures: "每月公开食堂账目，接受家长监督",
              lead: "李红",
              department: "后勤科",
              deadline: "2025.6.1",
              status: "推进中",
            },
          ],
        },
        {
          problem: "干部选拔任用程序不严谨",
          measures: [
            {
              measures: "完成3个空缺岗位选拔任用",
              department: "人事科",
              deadline: { error: "#N/A" },
              status: "未启动",
              remark: { raw: { formula: "LEN(D9)", result: 12 } },
            },
          ],
        },
      ],
    },
  ],
  templateRows: 1,
  footer: ["填报人：张某某    联系电话：010-12345678"],
};

/** The value of a cell as a comparable JSON string (dates as ISO). */
function valueKey(cell: ExcelJS.Cell): string {
  return JSON.stringify({ v: cell.value, t: cell.type, f: cell.numFmt ?? null });
}

function ledgerSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.getWorksheet("整改台账");
  if (!ws) throw new Error("no ledger sheet");
  return ws;
}

function expectSameLedger(input: ExcelJS.Worksheet, output: ExcelJS.Worksheet): void {
  expect(output.rowCount).toBe(input.rowCount);
  expect(output.columnCount).toBe(input.columnCount);
  const a = cellsOf(input);
  const b = cellsOf(output);
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [address, cell] of a) expect(valueKey(b.get(address)!), address).toBe(valueKey(cell));
  expect(output.model.merges.slice().sort()).toEqual(input.model.merges.slice().sort());
}

function formulaAddresses(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets)
    for (const [address, cell] of cellsOf(ws)) if (hasFormula(cell)) out.push(`${ws.name}!${address}`);
  return out;
}

describe("ledger-check --out: the marked copy", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let input: string;
  let out: string;
  let report: Report;
  let code: number;
  let inputHash: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    const built = buildLedger(SPEC);
    // The clerk's own note and fill on a cell that will be flagged (the overdue deadline, H6).
    const deadline = built.worksheet.getCell(built.at("deadline", 0));
    deadline.note = "原定6月15日";
    input = (await writeLedger(dir, "台账.xlsx", built)).path;
    out = join(dir, "out", "台账.checked.xlsx");
    inputHash = await sha256(input);
    const r = await runCli([input, "--today", "2025-07-01", "--out", out, "--json"]);
    code = r.code;
    report = ReportSchema.parse(JSON.parse(r.stdout));
  });
  afterAll(() => cleanup());

  it("exits 1 (errors found) and leaves the input file's bytes alone", async () => {
    expect(code).toBe(1);
    expect(await sha256(input)).toBe(inputHash);
  });

  it("keeps every ledger cell's value, type and number format, and every merge", async () => {
    expectSameLedger(ledgerSheet(await loadXlsx(input)), ledgerSheet(await loadXlsx(out)));
  });

  it("adds a 整改通报 sheet with the title read from the ledger's title rows", async () => {
    const wb = await loadXlsx(out);
    const bulletin = wb.getWorksheet("整改通报");
    expect(bulletin).toBeDefined();
    const title = String(bulletin!.getCell("A1").value);
    expect(title).toContain("区教育委员会党委");
    expect(title).toContain("区委第二巡察组");
    expect(title.endsWith("通报")).toBe(true);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("整改通报"))).toEqual(["整改通报"]);
  });

  it("writes no formula the input didn't have, none in 整改通报, and copies a problem starting with = as text", async () => {
    const before = formulaAddresses(await loadXlsx(input));
    expect(before).toEqual(["整改台账!H9", "整改台账!K9"]);
    const wb = await loadXlsx(out);
    expect(formulaAddresses(wb)).toEqual(before);
    const texts = [...cellsOf(wb.getWorksheet("整改通报")!).values()]
      .map((c) => c.value)
      .filter((v) => typeof v === "string") as string[];
    expect(texts.some((t) => t.includes(FORMULA_LIKE))).toBe(true);
  });

  it("fills and notes every flagged cell, the most severe colour winning, the clerk's note kept on top", async () => {
    const ws = ledgerSheet(await loadXlsx(out));
    expect(report.findings.length).toBeGreaterThan(0);
    const rank = { error: 3, warning: 2, info: 1 } as const;
    const worst = new Map<string, keyof typeof rank>();
    for (const f of report.findings) {
      const seen = worst.get(f.cell);
      if (!seen || rank[f.severity] > rank[seen]) worst.set(f.cell, f.severity);
    }
    for (const [address, severity] of worst) {
      const cell = ws.getCell(address);
      // Our fill also carries a background colour of its own (how a recheck tells it from a clerk's same colour).
      expect(cell.fill, address).toMatchObject({
        type: "pattern",
        pattern: "solid",
        fgColor: { argb: `FF${MARK_FILLS[severity].toUpperCase()}` },
      });
      expect(noteText(cell), address).toContain("【整改台账校验】");
    }
    expect(noteText(ws.getCell("H6"))).toMatch(/^原定6月15日\n【整改台账校验】/);
    // A cell without a finding has neither.
    expect(
      ws.getCell("B6").fill?.type === "pattern" && (ws.getCell("B6").fill as ExcelJS.FillPattern).pattern === "solid",
    ).toBe(false);
    expect(ws.getCell("B6").note).toBeUndefined();
  });

  it("run again on its own output: replaces its 整改通报, no second copy, marks not doubled", async () => {
    const again = join(dir, "again.xlsx");
    const r = await runCli([out, "--today", "2025-07-01", "--out", again]);
    expect(r.code).toBe(1);
    const wb = await loadXlsx(again);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["整改台账", "整改通报", "校验明细", "督办清单", "ledger-check"]);
    expectSameLedger(ledgerSheet(await loadXlsx(input)), ledgerSheet(wb));
    const note = noteText(ledgerSheet(wb).getCell("H6"));
    expect(note.match(/【整改台账校验】/g)).toHaveLength(1);
  });

  it("never overwrites a user's own sheet named 整改通报: writes 整改通报 (2) and leaves the user's untouched", async () => {
    const built = buildLedger(SPEC);
    const mine = built.workbook.addWorksheet("整改通报");
    mine.getCell("A1").value = "我的笔记：7月例会材料";
    mine.getCell("B2").value = 42;
    const path = (await writeLedger(dir, "有通报.xlsx", built)).path;
    const target = join(dir, "有通报.checked.xlsx");
    const r = await runCli([path, "--today", "2025-07-01", "--out", target]);
    expect(r.code).toBe(1);
    const wb = await loadXlsx(target);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("整改通报"))).toEqual([
      "整改通报",
      "整改通报 (2)",
    ]);
    const user = wb.getWorksheet("整改通报")!;
    expect([...cellsOf(user).entries()].filter(([, c]) => c.value !== null).map(([a, c]) => [a, c.value])).toEqual([
      ["A1", "我的笔记：7月例会材料"],
      ["B2", 42],
    ]);
    expect(String(wb.getWorksheet("整改通报 (2)")!.getCell("A1").value)).toContain("区委第二巡察组");
  });
});

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (n === undefined) return "";
  return typeof n === "string" ? n : (n.texts ?? []).map((t) => t.text).join("");
}
