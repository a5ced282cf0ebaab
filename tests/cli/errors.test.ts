import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rng } from "../support/generate-ledger.js";
import { buildLedger, ledgerBytes, tempDir, writeLedger } from "../support/ledger-builder.js";
import { main } from "../../src/cli/main.js";
import { runCli, sha256, type CliResult } from "./run.js";

/**
 * What a clerk sees when the file can't be checked: exit code 2, nothing on stdout, and one
 * line on stderr saying what to do, never a stack trace.
 */

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(text: string): number[] {
  return [...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]);
}

let dir: string;
let cleanup: () => Promise<void>;
let ledger: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  ledger = (
    await writeLedger(dir, "台账.xlsx", {
      sections: [
        {
          problems: [
            {
              problem: "问题一",
              measures: [
                { measures: "措施一", lead: "王", department: "办公室", deadline: "2025年12月底", status: "正在推进" },
              ],
            },
          ],
        },
      ],
    })
  ).path;
});
afterAll(() => cleanup());

async function file(name: string, bytes: Uint8Array | number[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  return path;
}

async function workbook(name: string, fill: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return file(name, await ledgerBytes(wb));
}

/** Exit 2, stdout empty, exactly one stderr line starting `ledger-check: `, no stack frames. */
function expectOneLineFailure(r: CliResult): string {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr.endsWith("\n")).toBe(true);
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^ledger-check: \S/);
  expect(r.stderr).not.toMatch(/^\s*at /m);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  return lines[0]!;
}

describe("ledger-check: files that cannot be checked", () => {
  it("a missing file", async () => {
    const line = expectOneLineFailure(await runCli([join(dir, "没有这个文件.xlsx")]));
    expect(line).toContain("找不到文件");
    expect(line).toContain("没有这个文件.xlsx");
  });

  it("a directory", async () => {
    const sub = join(dir, "文件夹.xlsx");
    await mkdir(sub, { recursive: true });
    expect(expectOneLineFailure(await runCli([sub]))).toContain("这是一个文件夹");
  });

  it("random bytes named .xlsx", async () => {
    const rand = rng(7);
    const bytes = Array.from({ length: 4096 }, () => Math.floor(rand() * 256));
    bytes[0] = 0x13; // neither a zip nor an OLE2 header
    const line = expectOneLineFailure(await runCli([await file("坏文件.xlsx", bytes)]));
    expect(line).toContain("文件已损坏");
  });

  it("a truncated .xlsx (a zip cut short)", async () => {
    const bytes = await ledgerBytes(
      buildLedger({ sections: [{ problems: [{ problem: "问题", measures: [{ measures: "措施" }] }] }] }),
    );
    expect(expectOneLineFailure(await runCli([await file("截断.xlsx", bytes.subarray(0, 1500))]))).toContain(
      "文件已损坏",
    );
  });

  it("a real .xls (OLE2 header)", async () => {
    const bytes = [...OLE2, ...new Array(1016).fill(0)];
    const line = expectOneLineFailure(await runCli([await file("旧版.xls", bytes)]));
    expect(line).toContain("旧版 .xls");
    expect(line).toContain("另存为 .xlsx");
  });

  it("an .xlsx encrypted with a password (OLE2 holding EncryptedPackage)", async () => {
    const bytes = [
      ...OLE2,
      ...new Array(504).fill(0),
      ...utf16("EncryptedInfo"),
      0,
      0,
      ...utf16("EncryptedPackage"),
      ...new Array(512).fill(0),
    ];
    const line = expectOneLineFailure(await runCli([await file("加密.xlsx", bytes)]));
    expect(line).toContain("打开密码");
  });

  it("an empty (0-byte) file", async () => {
    expect(expectOneLineFailure(await runCli([await file("空.xlsx", [])]))).toContain("文件是空的（0 字节）");
  });

  it("a workbook with no ledger names the headers it looked for", async () => {
    const path = await workbook("无台账.xlsx", (wb) => {
      const ws = wb.addWorksheet("通讯录");
      ws.addRow(["姓名", "电话", "科室"]);
      ws.addRow(["张三", "010-1234", "办公室"]);
    });
    const line = expectOneLineFailure(await runCli([path]));
    expect(line).toContain("未找到整改台账");
    for (const header of ["反馈问题", "整改措施", "责任领导", "责任部门", "整改时限", "整改进展", "佐证材料"])
      expect(line).toContain(header);
    expect(line).toContain("通讯录");
  });

  it("a workbook whose only sheet is empty", async () => {
    const path = await workbook("空表.xlsx", (wb) => void wb.addWorksheet("Sheet1"));
    expect(expectOneLineFailure(await runCli([path]))).toContain("工作簿是空的");
  });

  it("an empty sheet picked with --sheet", async () => {
    const built = buildLedger({ sections: [{ problems: [{ problem: "问题", measures: [{ measures: "措施" }] }] }] });
    built.workbook.addWorksheet("空白");
    const path = (await writeLedger(dir, "有空白表.xlsx", built)).path;
    expect(expectOneLineFailure(await runCli([path, "--sheet", "空白"]))).toContain("工作表“空白”是空的");
  });

  it("a sheet that doesn't exist lists the sheets there are", async () => {
    const line = expectOneLineFailure(await runCli([ledger, "--sheet", "不存在"]));
    expect(line).toContain("找不到工作表“不存在”");
    expect(line).toContain("整改台账");
  });

  it("an --out that is the input itself, leaving the input alone", async () => {
    const before = await sha256(ledger);
    expect(expectOneLineFailure(await runCli([ledger, "--today", "2025-07-01", "--out", ledger]))).toContain(
      "输出文件不能与输入文件相同",
    );
    expect(await sha256(ledger)).toBe(before);
  });
});

describe("ledger-check: bad command lines", () => {
  it("a --today that is not a date", async () => {
    for (const today of ["2025-13-01", "2025/07/01", "明天"]) {
      expect(expectOneLineFailure(await runCli([ledger, "--today", today]))).toContain("YYYY-MM-DD");
    }
  });

  it("an unknown option", async () => {
    expect(expectOneLineFailure(await runCli([ledger, "--frobnicate"]))).toContain("没有“--frobnicate”这个选项");
  });

  it("an unknown rule for --disable", async () => {
    expect(expectOneLineFailure(await runCli([ledger, "--disable", "nope"]))).toContain("没有名为“nope”的规则");
  });

  it("no file at all", async () => {
    expect(expectOneLineFailure(await runCli([]))).toContain("请指定要校验的台账文件");
  });

  it("a bad --lang and a negative --due-soon-days", async () => {
    expectOneLineFailure(await runCli([ledger, "--lang", "fr"]));
    expectOneLineFailure(await runCli([ledger, "--due-soon-days", "-1"]));
  });
  it("a bad --date names --date, not --today", async () => {
    const line = expectOneLineFailure(await runCli([ledger, "--date", "2025-02-30"]));
    expect(line).toContain("--date 应为1900年至2199年间实际存在的日期");
    expect(line).not.toContain("--today");
    const feedback = expectOneLineFailure(await runCli([ledger, "--feedback-date", "2025-13-01"]));
    expect(feedback).toContain("--feedback-date 应为1900年至2199年间实际存在的日期");
  });

  it("an option given twice with two values is refused, not settled by the last one", async () => {
    // Commander keeps the last value: the check would silently run as of 2025-06-01.
    const line = expectOneLineFailure(await runCli([ledger, "--today", "2025-07-01", "-t", "2025-06-01"]));
    expect(line).toContain("选项 --today 给了不止一次");
    expect(line).toContain("2025-07-01、2025-06-01");
    expectOneLineFailure(await runCli([ledger, "--sheet", "整改台账", "--sheet", "汇总"]));
    // The same value twice says nothing different, and --disable is repeatable by design.
    expect((await runCli([ledger, "--today", "2025-07-01", "--today=2025-07-01"])).code).toBe(0);
    expect(
      (await runCli([ledger, "--today", "2025-07-01", "--disable", "overdue", "--disable", "due-soon"])).code,
    ).toBe(0);
  });
});

describe("ledger-check: a refusal at a terminal", () => {
  it("starts on a cleared line, not glued to the progress line it interrupts", async () => {
    let stderr = "";
    const broken = await file("损坏.xlsx", [0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const code = await main([broken], {
      stdout: () => {},
      stderr: (t) => void (stderr += t),
      stdoutIsTTY: false,
      stderrIsTTY: true,
    });
    expect(code).toBe(2);
    // The progress line ("打开文件…") was written first, with no newline after it.
    expect(stderr.startsWith("\r\x1b[K")).toBe(true);
    const last = stderr.split("\r\x1b[K").pop()!;
    expect(last).toMatch(/^ledger-check: 文件已损坏/);
  });
});

describe("ledger-check: an output named for what it is", () => {
  const TODAY = ["--today", "2025-07-01"];

  it("--out without .xlsx (a .txt, a folder's name, no extension) is refused before anything is written", async () => {
    for (const name of ["副本.txt", "副本", "新文件夹/", "副本.xls"]) {
      const out = join(dir, name);
      const line = expectOneLineFailure(await runCli([ledger, ...TODAY, "--out", out]));
      expect(line, name).toContain("须保存为 .xlsx 文件");
      expect(line, name).toContain("--out");
    }
    // Any case of the extension is the extension.
    expect((await runCli([ledger, ...TODAY, "--out", join(dir, "副本.XLSX")])).code).toBe(0);
  });

  it("--docx must end in .docx, and its refusals speak of the bulletin and --docx, not the copy", async () => {
    const line = expectOneLineFailure(await runCli([ledger, ...TODAY, "--docx", join(dir, "通报.xlsx")]));
    expect(line).toContain("通报须保存为 .docx 文件，否则 Word 打不开");
    const folder = expectOneLineFailure(await runCli([ledger, ...TODAY, "--docx", dir]));
    expect(folder).toContain("--docx 需要一个文件名");
    expect(folder).not.toContain("--out");
  });

  it("the copy of an .xlsm keeps its macros, so it must be an .xlsm too", async () => {
    const xlsm = join(import.meta.dirname, "../fixtures/writers/xlsxwriter-macros.xlsm");
    const refused = expectOneLineFailure(await runCli([xlsm, ...TODAY, "--out", join(dir, "副本.xlsx")]));
    expect(refused).toContain("须保存为 .xlsm 文件");
    const out = join(dir, "副本.xlsm");
    expect((await runCli([xlsm, ...TODAY, "--out", out, "--exit-zero"])).code).toBe(0);
    const { unzipSync } = await import("fflate");
    const [before, after] = [xlsm, out].map((f) => unzipSync(new Uint8Array(readFileSync(f))));
    expect(Buffer.from(after!["xl/vbaProject.bin"]!).equals(Buffer.from(before!["xl/vbaProject.bin"]!))).toBe(true);
    expect(new TextDecoder().decode(after!["[Content_Types].xml"])).toContain(
      'PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"',
    );
  });
});

describe("ledger-check: exit codes of a good file", () => {
  it("0 for a clean ledger, 1 when it has errors", async () => {
    expect((await runCli([ledger, "--today", "2025-07-01"])).code).toBe(0);
    // The same task checked after its deadline: overdue, an error.
    expect((await runCli([ledger, "--today", "2026-01-05"])).code).toBe(1);
  });

  it("--exit-zero: 0 with errors found, still 2 when the file can't be checked", async () => {
    const found = await runCli([ledger, "--today", "2026-01-05", "--exit-zero"]);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain("overdue");
    expect((await runCli(["no-such-file.xlsx", "--exit-zero"])).code).toBe(2);
  });
});
