import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir, writeLedger } from "../support/ledger-builder.js";
import { loadXlsx, runCli } from "../cli/run.js";
import { UNIVERSITY } from "./university.js";

/** Issue #11's university ledger through the CLI: the Word bulletin, the sheet and 校验明细. */
let dir: string;
let cleanup: () => Promise<void>;
let ledger: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir("bulletin-cli-"));
  ledger = (await writeLedger(dir, "university.xlsx", UNIVERSITY)).path;
});
afterAll(() => cleanup());

const documentText = async (path: string) => {
  const xml = strFromU8(unzipSync(new Uint8Array(await readFile(path)))["word/document.xml"]!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("\n");
};

describe("ledger-check --docx", () => {
  it("writes the Word bulletin with the names given, 巡视 throughout, and part 二 by category", async () => {
    const out = join(dir, "tb.docx");
    const r = await runCli([
      ledger,
      "--today",
      "2025-07-01",
      "--docx",
      out,
      "--kind",
      "巡视",
      "--body",
      "XX大学党委",
      "--inspection",
      "省委第三巡视组",
      "--recipient",
      "各二级党组织、各部门：",
      "--date",
      "2025-07-03",
      "--exit-zero",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const text = await documentText(out);
    expect(text).toContain("XX大学党委关于落实省委第三巡视组");
    expect(text).not.toContain("巡察");
    expect(text).toContain("各二级党组织、各部门：");
    expect(text).toContain("（一）关于学习贯彻习近平新时代中国特色社会主义思想不够深入方面的整改");
    expect(text).toContain("（二）关于落实全面从严治党“两个责任”不够到位方面的整改");
    // The HYPERLINK cell stands for its displayed value.
    expect(text).toContain("招投标管理不规范");
    expect(text).not.toContain("HYPERLINK");
    expect(text).toMatch(/2025年7月3日$/);
    expect(text).toContain("明确整改问题4个、整改措施6条");
    // Four named departments; the measure without one is a sentence, not a row.
    expect(text).toContain("整改措施涉及4个责任部门");
    expect(text).not.toMatch(/\b[A-Z]{1,3}\d+\b/);
  });

  it("reads 巡视, the body and the inspection from the title rows, and asks only when they do not say", async () => {
    const out = join(dir, "titled.docx");
    const titled = await runCli([ledger, "--today", "2025-07-01", "--docx", out, "--exit-zero"]);
    expect(titled.stderr).toBe("");
    const text = await documentText(out);
    expect(text).toContain("XX大学党委关于落实省委巡视");
    expect(text).not.toContain("巡察");

    const bare = (await writeLedger(dir, "bare.xlsx", { ...UNIVERSITY, title: null, subtitle: null })).path;
    const r = await runCli([
      bare,
      "--today",
      "2025-07-01",
      "--docx",
      join(dir, "ask.docx"),
      "--body",
      "XX大学党委",
      "--exit-zero",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("--kind");
    expect(r.stderr).toContain("--inspection");
    expect(r.stderr).not.toContain("--body");
    const asked = await documentText(join(dir, "ask.docx"));
    expect(asked).not.toMatch(/巡视|巡察/);
  });

  it("rejects a --kind that is neither 巡视 nor 巡察, and a --docx over the ledger", async () => {
    const bad = await runCli([ledger, "--kind", "巡查", "--docx", join(dir, "x.docx")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--kind");
    expect(bad.stderr).toContain("巡查");
    const same = await runCli([ledger, "--today", "2025-07-01", "--docx", ledger]);
    expect(same.code).toBe(2);
    expect(same.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });
});

describe("ledger-check --out: the 校验明细 sheet", () => {
  it("lists every finding with its cell, apart from the bulletin, which names none", async () => {
    const out = join(dir, "marked.xlsx");
    const r = await runCli([ledger, "--today", "2025-07-01", "--out", out, "--kind", "巡视", "--json", "--exit-zero"]);
    const report = JSON.parse(r.stdout) as { findings: { cell: string }[] };
    const wb = await loadXlsx(out);
    const details = wb.getWorksheet("校验明细")!;
    expect(details).toBeDefined();
    const cells: string[] = [];
    details.eachRow((row, n) => {
      if (n > 1) cells.push(String(row.getCell(2).value));
    });
    expect(cells.sort()).toEqual(report.findings.map((f) => f.cell).sort());
    const bulletin = wb.getWorksheet("整改通报")!;
    bulletin.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === "string") expect(c.value).not.toMatch(/\b[A-Z]{1,3}\d+\b/);
      }),
    );
  });
});
