import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportSchema } from "../../src/core/report.js";
import { tempDir, writeLedger, type LedgerSpec } from "../support/ledger-builder.js";
import { loadXlsx, runCli } from "./run.js";

/** Two checks of one ledger a month apart, with a row inserted and a status changed between them. */
const task = (problem: string, measures: string, status: string, date: string) => ({
  problem,
  measures: [{ measures, lead: "王建国", department: "办公室", deadline: { date }, status }],
});
const BEFORE: LedgerSpec = {
  sections: [
    {
      problems: [
        task("公务用车管理不规范", "开展专项检查，建立车辆登记台账", "正在推进", "2025-06-30"),
        task("经费报销凭证不全", "上线报销系统，全部单据线上流转", "推进中", "2025-08-31"),
      ],
    },
  ],
};
const AFTER: LedgerSpec = {
  sections: [
    {
      problems: [
        task("新发现的问题", "新增的整改措施", "未启动", "2025-12-31"),
        task("公务用车管理不规范", "开展专项检查，建立车辆登记台账", "正在推进", "2025-06-30"),
        task("经费报销凭证不全", "上线报销系统，全部单据线上流转", "已完成", "2025-08-31"),
      ],
    },
  ],
};

let dir: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.cleanup());

describe("--previous", () => {
  it("compares with an earlier --json report: newly done, newly overdue, added", async () => {
    const before = (await writeLedger(dir.dir, "before.xlsx", BEFORE)).path;
    const after = (await writeLedger(dir.dir, "after.xlsx", AFTER)).path;
    const first = await runCli([before, "--today", "2025-06-15", "--json"]);
    const report1 = join(dir.dir, "report-0615.json");
    await writeFile(report1, first.stdout);
    expect(ReportSchema.parse(JSON.parse(first.stdout)).progress).toBeUndefined();

    const second = await runCli([after, "--today", "2025-07-15", "--json", "--previous", report1]);
    const progress = ReportSchema.parse(JSON.parse(second.stdout)).progress!;
    expect(progress.since).toBe("2025-06-15");
    expect(progress.newlyDone.map((t) => t.problem)).toEqual(["经费报销凭证不全"]);
    expect(progress.newlyOverdue.map((t) => t.problem)).toEqual(["公务用车管理不规范"]);
    expect(progress).toMatchObject({ added: 1, removed: 0, before: { tasks: 2, done: 0, overdue: 0 } });
  });

  it("compares nothing with another ledger's report, and says so (the hostile sweep of 2026-12-03)", async () => {
    const other: LedgerSpec = {
      sections: [{ problems: [task("食堂管理薄弱", "核查23名从业人员健康证", "正在推进", "2025-09-30")] }],
    };
    const first = await runCli([
      (await writeLedger(dir.dir, "other.xlsx", other)).path,
      "--today",
      "2025-06-15",
      "--json",
    ]);
    const report1 = join(dir.dir, "other-0615.json");
    await writeFile(report1, first.stdout);
    const after = (await writeLedger(dir.dir, "after2.xlsx", AFTER)).path;
    const report = ReportSchema.parse(
      JSON.parse((await runCli([after, "--today", "2025-07-15", "--json", "--previous", report1])).stdout),
    );
    expect(report.progress).toBeUndefined();
    expect(report.notices.find((n) => n.code === "previous-unrelated")?.message).toContain("没有一条相同的整改措施");
  });

  it("refuses a file with no earlier check in it, in one line, exit 2", async () => {
    const other = join(dir.dir, "not-a-report.json");
    await writeFile(other, JSON.stringify({ hello: "world" }));
    const ledger = (await writeLedger(dir.dir, "l.xlsx", BEFORE)).path;
    const r = await runCli([ledger, "--today", "2025-07-15", "--previous", other]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("没有 ledger-check 的校验记录");
    // Named as the clerk wrote it, not made absolute.
    const relative = await runCli([ledger, "--today", "2025-07-15", "--previous", "package.json"]);
    expect(relative.stderr).toContain("“package.json”中没有 ledger-check 的校验记录");
  });

  it("says that a damaged earlier check is the --previous file, not the ledger", async () => {
    const broken = join(dir.dir, "上次.xlsx");
    await writeFile(broken, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]));
    const ledger = (await writeLedger(dir.dir, "l2.xlsx", BEFORE)).path;
    const r = await runCli([ledger, "--today", "2025-07-15", "--previous", broken]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^ledger-check: --previous 指定的上次校验结果“.*上次\.xlsx”无法打开（台账本身未受影响）：文件已损坏/,
    );
  });
});

describe("督办清单 in the marked copy", () => {
  it("adds one sheet with a section per department that has something to act on, and replaces it on a rerun", async () => {
    const input = (await writeLedger(dir.dir, "notices.xlsx", AFTER)).path;
    const out = join(dir.dir, "notices.checked.xlsx");
    expect((await runCli([input, "--today", "2025-07-15", "--out", out])).code).toBeLessThan(2);
    const book = await loadXlsx(out);
    const sheet = book.getWorksheet("督办清单");
    expect(sheet).toBeDefined();
    const texts: string[] = [];
    sheet!.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value ?? "").trim())));
    expect(texts).toContain("整改任务督办清单");
    expect(texts).toContain("一、办公室");
    expect(texts.some((t) => t.startsWith("已逾期15天"))).toBe(true);

    const again = join(dir.dir, "notices.twice.xlsx");
    expect((await runCli([out, "--today", "2025-07-15", "--out", again])).code).toBeLessThan(2);
    const names = (await loadXlsx(again)).worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith("督办清单"))).toEqual(["督办清单"]);
  });

  it("says nothing is left to follow up on a recheck with nothing to act on, instead of keeping the old list", async () => {
    const input = (await writeLedger(dir.dir, "cleared.xlsx", BEFORE)).path;
    const out = join(dir.dir, "cleared.checked.xlsx");
    expect((await runCli([input, "--today", "2025-07-15", "--out", out])).code).toBeLessThan(2);
    const sheetTexts = async (path: string) => {
      const texts: string[] = [];
      (await loadXlsx(path))
        .getWorksheet("督办清单")!
        .eachRow((row) => row.eachCell((c) => void texts.push(String(c.value ?? "").trim())));
      return texts;
    };
    expect(await sheetTexts(out)).toContain("一、办公室");
    // Months earlier, nothing is due yet: no department has anything to act on.
    const again = join(dir.dir, "cleared.twice.xlsx");
    expect((await runCli([out, "--today", "2025-01-02", "--out", again])).code).toBe(0);
    const texts = await sheetTexts(again);
    expect(texts).not.toContain("一、办公室");
    expect(texts.some((t) => t.includes("本期无需督办"))).toBe(true);
    // A ledger never checked with anything to act on gets no such sheet at all.
    const clean = join(dir.dir, "cleared.clean.xlsx");
    expect((await runCli([input, "--today", "2025-01-02", "--out", clean])).code).toBe(0);
    expect((await loadXlsx(clean)).getWorksheet("督办清单")).toBeUndefined();
  });
});

describe("progress from the copy's own snapshot", () => {
  it("a copy ledger-check wrote is compared with the check that wrote it, with no option", async () => {
    const input = (await writeLedger(dir.dir, "cycle.xlsx", AFTER)).path;
    const copy = join(dir.dir, "cycle.checked.xlsx");
    expect((await runCli([input, "--today", "2025-06-15", "--out", copy])).code).toBeLessThan(2);
    expect(ReportSchema.parse(JSON.parse((await runCli([input, "--json"])).stdout)).progress).toBeUndefined();
    const r = await runCli([copy, "--today", "2025-07-15", "--json"]);
    const progress = ReportSchema.parse(JSON.parse(r.stdout)).progress!;
    expect(progress.since).toBe("2025-06-15");
    expect(progress.newlyOverdue.map((t) => t.problem)).toEqual(["公务用车管理不规范"]);
    expect(progress).toMatchObject({ added: 0, removed: 0, newlyDone: [], before: { tasks: 3, done: 1 } });
  });
});

describe("--notices DIR", () => {
  it("writes one Word notice per department with something to act on, in the list's order, and one workbook with all", async () => {
    const spec: LedgerSpec = {
      sections: [
        {
          problems: [
            {
              problem: "问题甲",
              measures: [
                {
                  measures: "措施甲",
                  lead: "王某",
                  department: "财务科",
                  deadline: { date: "2025-06-01" },
                  status: "正在推进",
                },
              ],
            },
            {
              problem: "问题乙",
              measures: [
                {
                  measures: "措施乙",
                  lead: "李某",
                  department: "办公室:二组",
                  deadline: { date: "2025-07-20" },
                  status: "正在推进",
                },
              ],
            },
            {
              problem: "问题丙",
              measures: [
                {
                  measures: "措施丙",
                  lead: "张某",
                  department: "教务处",
                  deadline: { date: "2025-12-31" },
                  status: "正在推进",
                },
              ],
            },
          ],
        },
      ],
    };
    const input = (await writeLedger(dir.dir, "to-notify.xlsx", spec)).path;
    const folder = join(dir.dir, "notices");
    const r = await runCli([input, "--today", "2025-07-15", "--notices", folder]);
    expect(r.code).toBeLessThan(2);
    expect(r.stdout).toContain("已写出督办清单：2个部门");
    expect((await readdir(folder)).sort()).toEqual([
      ".ledger-check-notices.json",
      "01_督办通知_财务科.docx",
      "02_督办通知_办公室_二组.docx",
      "督办清单.xlsx",
    ]);
    const doc = strFromU8(
      unzipSync(new Uint8Array(await readFile(join(folder, "01_督办通知_财务科.docx"))))["word/document.xml"]!,
    );
    // Titled and signed with the names the ledger's title rows give (the builder's: 区教育委员会党委, 区委第二巡察组).
    expect(doc).toContain("关于督促落实");
    expect(doc).toContain("整改任务的通知");
    expect(doc).toContain("巡察整改工作领导小组办公室");
    expect(doc).toContain("财务科：");
    expect(doc).toContain("问题甲");
    expect(doc).not.toContain("问题乙");
    const book = await loadXlsx(join(folder, "督办清单.xlsx"));
    expect(book.getWorksheet("督办清单")).toBeDefined();
  });
});

/**
 * The notices folder is the clerk's (found by the path sweep of 2026-12-02): a file there that
 * we did not write, or wrote and the clerk changed, is never replaced; last run's notices never
 * stay beside this run's; the copy and the bulletin never go where a notice would replace them.
 */
describe("--notices never replaces a file of the clerk's", () => {
  const spec = (department: string, date = "2025-06-01"): LedgerSpec => ({
    sections: [
      {
        problems: ["甲", "乙", "丙"].map((p, i) => ({
          problem: `问题${p}`,
          measures: [
            {
              measures: `措施${p}`,
              lead: "王某",
              department: i === 0 ? department : `科室${i}`,
              deadline: { date },
              status: "正在推进",
            },
          ],
        })),
      },
    ],
  });
  const sums = async (folder: string) =>
    Object.fromEntries(
      await Promise.all(
        (await readdir(folder)).sort().map(async (f) => [
          f,
          createHash("sha256")
            .update(await readFile(join(folder, f)))
            .digest("hex"),
        ]),
      ),
    );

  it("says there is nothing to follow up when no department has anything to act on, and makes no folder", async () => {
    // The notices sweep of 2026-12-03: "已写出督办清单：0个部门的督办通知和汇总表，在 …", and no folder.
    const calm: LedgerSpec = {
      sections: [
        { problems: [task("公务用车管理不规范", "开展专项检查，建立车辆登记台账", "正在推进", "2026-12-31")] },
      ],
    };
    const input = (await writeLedger(dir.dir, "calm.xlsx", calm)).path;
    const folder = join(dir.dir, "calm-notices");
    const r = await runCli([input, "--today", "2025-07-15", "--notices", folder]);
    expect(r.code).toBeLessThan(2);
    expect(r.stdout).toContain("本期无需督办：没有逾期、临期、填报不完整或疑似纸面整改的整改任务，未写出督办通知。");
    expect(r.stdout).not.toContain("0个部门");
    await expect(readdir(folder)).rejects.toThrow();
  });

  it("refuses a folder holding a file it did not write, before the check, and writes nothing", async () => {
    const input = (await writeLedger(dir.dir, "n1.xlsx", spec("财务科"))).path;
    const folder = join(dir.dir, "clerk-folder");
    await mkdir(folder);
    await writeFile(join(folder, "督办清单.xlsx"), "the clerk's own list");
    const before = await sums(folder);
    const out = join(dir.dir, "n1.checked.xlsx");
    const r = await runCli([input, "--today", "2025-07-15", "--out", out, "--notices", folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ledger-check: 督办通知文件夹“.*clerk-folder”里已有别的文件（如“督办清单.xlsx”）/);
    expect(await sums(folder)).toEqual(before);
    await expect(readFile(out)).rejects.toThrow(); // refused before the work: no copy either
  });

  it("on a rerun, replaces its own notices nobody changed, drops the stale ones, and keeps to an edited one", async () => {
    const folder = join(dir.dir, "weekly");
    const first = (await writeLedger(dir.dir, "n2.xlsx", spec("财务科"))).path;
    expect((await runCli([first, "--today", "2025-07-15", "--notices", folder])).code).toBeLessThan(2);
    expect((await readdir(folder)).filter((f) => f.endsWith(".docx"))).toHaveLength(3);
    // The next week only 办公室 has something to act on: the three old notices go.
    const second = (
      await writeLedger(dir.dir, "n3.xlsx", { sections: [{ problems: [spec("办公室").sections[0]!.problems[0]!] }] })
    ).path;
    expect((await runCli([second, "--today", "2025-07-22", "--notices", folder])).code).toBeLessThan(2);
    expect((await readdir(folder)).sort()).toEqual([
      ".ledger-check-notices.json",
      "01_督办通知_办公室.docx",
      "督办清单.xlsx",
    ]);
    // The clerk edits the notice; a rerun must not replace it.
    await writeFile(join(folder, "01_督办通知_办公室.docx"), "edited by the clerk");
    const before = await sums(folder);
    const r = await runCli([second, "--today", "2025-07-29", "--notices", folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("01_督办通知_办公室.docx");
    expect(await sums(folder)).toEqual(before);
  });

  it("refuses the copy or the bulletin in one file, or inside the notices folder", async () => {
    const input = (await writeLedger(dir.dir, "n4.xlsx", spec("财务科"))).path;
    const same = join(dir.dir, "same.xlsx");
    for (const args of [
      ["--out", same, "--docx", same],
      ["--out", join(dir.dir, "nd", "督办清单.xlsx"), "--notices", join(dir.dir, "nd")],
    ]) {
      const r = await runCli([input, "--today", "2025-07-15", ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^ledger-check: “.*”被指定了两次/);
    }
    await expect(readFile(same)).rejects.toThrow();
    await expect(readdir(join(dir.dir, "nd"))).rejects.toThrow();
  });

  it("cuts a department's name in a file name by bytes, and drops the controls that would disguise it", async () => {
    const long = "𠀀".repeat(70); // 4 bytes a character in UTF-8: 280 bytes
    const input = (await writeLedger(dir.dir, "n5.xlsx", spec(`${long}\u202e科`))).path;
    const folder = join(dir.dir, "long");
    expect((await runCli([input, "--today", "2025-07-15", "--notices", folder])).code).toBeLessThan(2);
    const names = (await readdir(folder)).filter((f) => f.endsWith(".docx"));
    expect(names).toHaveLength(3);
    for (const n of names) {
      expect(Buffer.byteLength(n)).toBeLessThanOrEqual(255);
      expect(n).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
  });
});

/**
 * The cycle as it really goes: ledger-check writes the copy, the clerk edits it in another
 * program (here Debian's python3-openpyxl, which rewrites every part it keeps), and the next
 * check names what changed. openpyxl keeps our very hidden state sheet as cell text, so the
 * snapshot survives; insert_rows shifts every row below, so only a key from the texts can follow
 * the tasks.
 */
describe("progress after the clerk edits the copy in openpyxl", () => {
  const PYTHON = "/usr/bin/python3";
  it("names exactly the task set to 已完成, and the one task inserted above the others", async () => {
    const input = (await writeLedger(dir.dir, "edited.xlsx", BEFORE)).path;
    const copy = join(dir.dir, "edited.checked.xlsx");
    expect((await runCli([input, "--today", "2025-06-15", "--out", copy])).code).toBeLessThan(2);
    const edited = join(dir.dir, "edited.by-openpyxl.xlsx");
    const script = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = next(s for s in wb.worksheets if s.sheet_state == "visible" and any(c.value == "推进中" for r in s.iter_rows() for c in r))
cells = {c.value: c for r in ws.iter_rows() for c in r if isinstance(c.value, str)}
cells["推进中"].value = "已完成"
first = cells["公务用车管理不规范"].row
values = [c.value for c in ws[first]]
ws.insert_rows(first)
for col, v in enumerate(values, start=1):
    if v == "公务用车管理不规范": v = "食堂采购未公开招标"
    elif v == "开展专项检查，建立车辆登记台账": v = "重新组织食堂采购招标并公示结果"
    ws.cell(row=first, column=col, value=v)
wb.save(sys.argv[2])
`;
    execFileSync(PYTHON, ["-c", script, copy, edited]);
    const r = await runCli([edited, "--today", "2025-07-15", "--json"]);
    const progress = ReportSchema.parse(JSON.parse(r.stdout)).progress!;
    expect(progress.since).toBe("2025-06-15");
    expect(progress.newlyDone.map((t) => t.problem)).toEqual(["经费报销凭证不全"]);
    expect(progress).toMatchObject({ added: 1, removed: 0, before: { tasks: 2, done: 0 } });
    // Still overdue or newly overdue, never "new": the inserted row moved it, the key followed it.
    expect(progress.newlyOverdue.map((t) => t.problem)).toEqual(["公务用车管理不规范"]);
  });
});
