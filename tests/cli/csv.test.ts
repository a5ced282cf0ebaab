import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportSchema, type Report } from "../../src/core/report.js";
import { tempDir } from "../support/ledger-builder.js";
import { runCli } from "./run.js";

const SAMPLES = join(import.meta.dirname, "..", "..", "samples");

async function check(path: string): Promise<{ code: number; report: Report }> {
  const r = await runCli([path, "--today", "2025-07-01", "--json"]);
  expect(r.stderr).toBe("");
  return { code: r.code, report: ReportSchema.parse(JSON.parse(r.stdout)) };
}

const key = (report: Report) => report.findings.map((f) => `${f.rule}/${f.reason ?? ""}/${f.cell}/${f.message}`);

describe("CSV ledgers: GBK and UTF-8 with BOM", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let gbk: Uint8Array;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    gbk = new Uint8Array(await readFile(join(SAMPLES, "sample-ledger.csv")));
  });
  afterAll(() => cleanup());

  it("the sample CSV really is GBK, not UTF-8", () => {
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    expect(new TextDecoder("gb18030").decode(gbk).split("\r\n")[0]).toBe("区委第二巡察组反馈意见整改落实台账");
  });

  it("GBK and UTF-8-with-BOM copies of the same CSV give the same findings and figures", async () => {
    const text = new TextDecoder("gb18030").decode(gbk);
    const utf8 = join(dir, "sample-ledger.csv");
    await writeFile(utf8, new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    const a = await check(join(SAMPLES, "sample-ledger.csv"));
    const b = await check(utf8);
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    expect(key(b.report)).toEqual(key(a.report));
    expect(b.report.summary).toEqual(a.report.summary);
    expect(a.report.summary.tasks).toBe(21);
  });

  it("the CSV gives the xlsx sample's findings, one row up (its header is one row, not two)", async () => {
    const csv = (await check(join(SAMPLES, "sample-ledger.csv"))).report;
    const xlsx = (await check(join(SAMPLES, "sample-ledger.xlsx"))).report;
    // Messages that name other cells (duplicate-text) name them one row up as well.
    const shift = (m: string) =>
      m.replace(/\b([A-Z]{1,3})(\d+)\b/g, (_, c: string, n: string) => `${c}${Number(n) + 1}`);
    expect(csv.findings.map((f) => [f.rule, f.reason, f.column, f.row + 1, shift(f.message)])).toEqual(
      xlsx.findings.map((f) => [f.rule, f.reason, f.column, f.row, f.message]),
    );
    expect(csv.summary).toEqual(xlsx.summary);
  });
});

describe("the sample ledger demo (npm run demo, checked on 2025-07-01)", () => {
  it("shows every rule and every paper-only sign, and some clean tasks", async () => {
    const { code, report } = await check(join(SAMPLES, "sample-ledger.xlsx"));
    expect(code).toBe(1);
    expect(report.sheet).toBe("整改台账");
    expect(report.headerRow).toBe(4);
    expect(report.findings.map((f) => `${f.cell} ${f.rule}${f.reason ? `/${f.reason}` : ""}`)).toEqual([
      "D6 paper-only/documents-only",
      "H9 overdue",
      "H10 due-soon",
      "H11 due-soon",
      "H13 overdue",
      "D14 paper-only/vague-measures",
      "F14 missing-department",
      "J15 paper-only/no-evidence",
      "I16 paper-only/long-term-closed",
      "E17 missing-lead",
      "D19 paper-only/duplicate-text",
      "H20 invalid-deadline",
      "D21 missing-measures",
      "D22 paper-only/duplicate-text",
      "H23 missing-deadline",
      "I24 missing-status",
    ]);
    expect(report.summary).toEqual({
      tasks: 21,
      // 16 problems over 21 measure rows (the sample's footer says 17: the clerk's own miscount).
      problems: 16,
      done: 7,
      inProgress: 11,
      notStarted: 2,
      overdue: 2,
      dueSoon: 2,
      paperOnly: 6,
      incomplete: 6,
      statusUnknown: 1,
      completionRate: 0.3333,
      errors: 7,
      warnings: 7,
      infos: 2,
    });
  });
});
