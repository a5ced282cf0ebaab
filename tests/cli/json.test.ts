import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportSchema, type Report } from "../../src/core/report.js";
import { buildLedger, tempDir, writeLedger, type LedgerSpec } from "../support/ledger-builder.js";
import { main } from "../../src/cli/main.js";
import { runCli } from "./run.js";

/**
 * A small literal ledger, checked on 2025-07-01. Columns (the builder's defaults): A 序号,
 * B 反馈问题, C 整改目标, D 整改措施, E 责任领导, F 责任部门, G 配合单位, H 完成时限, I 整改进展,
 * J 佐证材料, K 备注. Rows: 1 title, 2 填报单位, 3 header, 4 category, tasks on 5–9.
 */
const SMALL: LedgerSpec = {
  sections: [
    {
      caption: "一、关于作风建设方面",
      problems: [
        {
          problem: "公务用车管理不规范",
          measures: [
            {
              measures: "开展专项检查，建立车辆登记台账",
              lead: "王建国",
              department: "办公室",
              deadline: { date: "2025-06-30" },
              status: "正在推进",
            },
          ],
        },
        {
          problem: "经费报销凭证不全",
          measures: [
            {
              measures: "上线报销系统，全部单据线上流转",
              lead: "李红",
              department: "财务科",
              deadline: "2025年7月5日",
              status: "推进中",
            },
          ],
        },
        {
          problem: "学习制度执行不严",
          measures: [
            {
              measures: "召开党委会研究部署，印发《学习实施细则》",
              lead: "张伟",
              department: "办公室",
              deadline: "2025年6月底",
              status: "已完成",
            },
          ],
        },
        {
          problem: "责任分工不清",
          measures: [{ measures: "明确责任分工，对3个科室开展考核", coUnit: "团委", deadline: "尽快" }],
        },
        {
          problem: "食堂检查流于形式",
          measures: [
            {
              measures: "对42所学校食堂开展拉网式检查",
              lead: "刘芳",
              department: "安全科",
              deadline: "立行立改",
              status: "已完成",
              evidence: "检查记录",
            },
          ],
        },
      ],
    },
  ],
  footer: ["填报人：张某某"],
};

const CLEAN: LedgerSpec = {
  sections: [
    {
      problems: [
        {
          problem: "食堂检查流于形式",
          measures: [
            {
              measures: "对42所学校食堂开展拉网式检查",
              lead: "刘芳",
              department: "安全科",
              deadline: "2025年12月底",
              status: "正在推进",
            },
          ],
        },
      ],
    },
  ],
};

let dir: string;
let cleanup: () => Promise<void>;
let small: string;
let clean: string;
let twoSheets: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  small = (await writeLedger(dir, "small.xlsx", SMALL)).path;
  clean = (await writeLedger(dir, "clean.xlsx", CLEAN)).path;
  // Two ledgers in one workbook: the first is the clean one, the second the small one.
  const built = buildLedger({ ...CLEAN, sheet: "甲" });
  const other = buildLedger({ ...SMALL, sheet: "乙" }).worksheet;
  const copy = built.workbook.addWorksheet("乙");
  other.eachRow((row, r) => row.eachCell((cell, c) => (copy.getCell(r, c).value = cell.value)));
  for (const range of other.model.merges) copy.mergeCells(range);
  twoSheets = (await writeLedger(dir, "two.xlsx", built)).path;
});
afterAll(() => cleanup());

async function json(args: string[]): Promise<{ code: number; report: Report }> {
  const r = await runCli([...args, "--json"]);
  expect(r.stderr).toBe("");
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  // The CLI prints its report unchecked (the check is here): exactly the contract's keys, in its
  // order, compact into a pipe. zod's parse drops any key the schema lacks and orders the rest.
  expect(r.stdout).toBe(`${JSON.stringify(report)}\n`);
  return { code: r.code, report };
}

const brief = (report: Report) =>
  report.findings.map((f) => [f.rule, f.reason ?? "", f.cell, f.severity, f.days ?? null]);

describe("ledger-check --json", () => {
  it("reports exactly the findings of a small ledger, in row order", async () => {
    const { code, report } = await json([small, "--today", "2025-07-01"]);
    expect(code).toBe(1);
    expect(report.sheet).toBe("整改台账");
    expect(report.headerRow).toBe(3);
    expect(report.today).toBe("2025-07-01");
    expect(report.columns).toEqual({
      problem: "B",
      measures: "D",
      lead: "E",
      department: "F",
      deadline: "H",
      status: "I",
      evidence: "J",
    });
    expect(brief(report)).toEqual([
      ["overdue", "", "H5", "error", 1],
      ["due-soon", "", "H6", "info", 4],
      ["paper-only", "documents-only", "D7", "warning", null],
      ["paper-only", "no-evidence", "J7", "warning", null],
      ["missing-lead", "", "E8", "error", null],
      ["missing-department", "", "F8", "error", null],
      ["invalid-deadline", "", "H8", "error", null],
      ["missing-status", "", "I8", "warning", null],
    ]);
    expect(report.findings[0]).toMatchObject({
      problem: "公务用车管理不规范",
      department: "办公室",
      taskRow: 5,
      row: 5,
      column: "H",
    });
    expect(report.notices).toEqual([]);
  });

  it("indents the report for a person at a terminal, the same report as into a pipe", async () => {
    let tty = "";
    const code = await main([small, "--today", "2025-07-01", "--json"], {
      stdout: (t) => void (tty += t),
      stderr: () => undefined,
      stdoutIsTTY: true,
      stderrIsTTY: false,
    });
    expect(code).toBe(1);
    const piped = (await runCli([small, "--today", "2025-07-01", "--json"])).stdout;
    expect(tty).toBe(`${JSON.stringify(JSON.parse(piped), null, 2)}\n`);
    expect(tty.split("\n")[1]).toMatch(/^ {2}"file": /);
  });

  it("gives exact summary figures, counted per task", async () => {
    const { report } = await json([small, "--today", "2025-07-01"]);
    expect(report.summary).toEqual({
      tasks: 5,
      problems: 5,
      done: 2,
      inProgress: 2,
      notStarted: 0,
      overdue: 1,
      dueSoon: 1,
      paperOnly: 1,
      incomplete: 1,
      statusUnknown: 1,
      completionRate: 0.4,
      errors: 4,
      warnings: 3,
      infos: 1,
    });
  });

  it("--lang en gives English messages, the same findings", async () => {
    const zh = await json([small, "--today", "2025-07-01"]);
    const en = await json([small, "--today", "2025-07-01", "--lang", "en"]);
    expect(en.report.lang).toBe("en");
    expect(brief(en.report)).toEqual(brief(zh.report));
    const lead = en.report.findings.find((f) => f.rule === "missing-lead")!;
    expect(lead.message).toBe("No responsible leader: name the leader in charge of this task.");
    const zhLead = zh.report.findings.find((f) => f.rule === "missing-lead")!;
    expect(zhLead.message).toBe("未填写责任领导：请明确牵头负责的领导。");
    // English messages may quote the clerk's Chinese text, but say nothing else in Chinese.
    // The clerk's own text (departments, deadlines as the cells show them) is quoted as is.
    const clerkText = /办公室|财务科|尽快|2025年7月5日|2025年6月30日|2025年6月底/g;
    for (const f of en.report.findings) expect(f.message.replace(clerkText, "")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("--due-soon-days moves the warning window", async () => {
    const dueSoon = async (n: string) =>
      (await json([small, "--today", "2025-07-01", "--due-soon-days", n])).report.findings
        .filter((f) => f.rule === "due-soon")
        .map((f) => f.cell);
    expect(await dueSoon("3")).toEqual([]);
    expect(await dueSoon("4")).toEqual(["H6"]);
    expect(await dueSoon("10")).toEqual(["H6"]);
  });

  it("--disable turns off a rule or one paper-only check, repeatable and comma-separated", async () => {
    const rules = async (...disable: string[]) =>
      brief((await json([small, "--today", "2025-07-01", ...disable.flatMap((d) => ["--disable", d])])).report).map(
        (b) => b.slice(0, 3).join("/"),
      );
    expect(await rules("paper-only")).toEqual([
      "overdue//H5",
      "due-soon//H6",
      "missing-lead//E8",
      "missing-department//F8",
      "invalid-deadline//H8",
      "missing-status//I8",
    ]);
    expect(await rules("no-evidence")).toContain("paper-only/documents-only/D7");
    expect(await rules("no-evidence")).not.toContain("paper-only/no-evidence/J7");
    expect(await rules("overdue,due-soon", "missing-status")).toEqual([
      "paper-only/documents-only/D7",
      "paper-only/no-evidence/J7",
      "missing-lead//E8",
      "missing-department//F8",
      "invalid-deadline//H8",
    ]);
  });

  it("--sheet picks the sheet; without it the best-matching ledger is chosen", async () => {
    const first = await json([twoSheets, "--today", "2025-07-01"]);
    expect(["甲", "乙"]).toContain(first.report.sheet);
    const a = await json([twoSheets, "--today", "2025-07-01", "--sheet", "甲"]);
    expect(a.code).toBe(0);
    expect(a.report.sheet).toBe("甲");
    expect(a.report.summary.tasks).toBe(1);
    const b = await json([twoSheets, "--today", "2025-07-01", "--sheet", "乙"]);
    expect(b.code).toBe(1);
    expect(b.report.sheet).toBe("乙");
    expect(brief(b.report)).toEqual(brief((await json([small, "--today", "2025-07-01"])).report));
  });

  it("exits 0 on a clean ledger, with no findings", async () => {
    const { code, report } = await json([clean, "--today", "2025-07-01"]);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ tasks: 1, inProgress: 1, errors: 0, warnings: 0, infos: 0 });
  });

  it("prints a table without --json, ending in the summary line", async () => {
    const r = await runCli([small, "--today", "2025-07-01", "--no-color"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toContain("H5");
    expect(r.stdout).toContain("missing-department");
    expect(r.stdout.trim().split("\n").pop()).toMatch(/^任务5项/);
  });
});
