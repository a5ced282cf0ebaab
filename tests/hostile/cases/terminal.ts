import { copyFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { must, mustCheck, mustRefuse, type HostileCase } from "../harness.js";
import { LEDGER_HEADER, ledger, python } from "../make.js";
import { generateLedger } from "../../support/generate-ledger.js";
import { ledgerBytes } from "../../support/ledger-builder.js";

/**
 * Issue 15 item 9: text from the clerk's file (cell values, sheet names, the file's own name)
 * reaches the terminal without its control characters: `\e[2J\e[H` would clear the screen,
 * `\e]0;…\a` set the window title, U+202E reverse what follows. The JSON report stays exact.
 */

const TODAY = ["--today", "2025-07-01"];

/** Screen-clear, home, a window-title OSC ended by BEL, a C1 CSI, and a bidi override. */
const HOSTILE = "\x1b[2J\x1b[H\x1b]0;pwned\x07\u009b31m\u202eevil";

/** C0 (but newline), DEL, C1, and the bidi embedding/override/isolate controls. */
const UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function mustBeSafe(text: string, where: string): void {
  const m = UNSAFE.exec(text);
  must(
    m === null,
    `${where} carries U+${m?.[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")} raw: ${JSON.stringify(text.slice(Math.max(0, (m?.index ?? 0) - 20), (m?.index ?? 0) + 20))}`,
  );
}

/** The rows of a one-task ledger whose problem and deadline cells carry the hostile text. */
const ROWS = [LEDGER_HEADER, ["1", `问题${HOSTILE}`, "修订制度", "王强", "办公室", `尽快${HOSTILE}`, "正在推进", ""]];

/**
 * The ledger written by xlsxwriter, which stores control characters as `_x001B_` escapes
 * (ECMA-376 Part 1 §22.9.2.19 ST_Xstring), so a reader gives them back raw; the invalid-deadline
 * finding quotes the deadline cell.
 */
async function hostileLedger(dir: string, name = "台账.xlsx"): Promise<string> {
  return python(
    dir,
    name,
    `import json, xlsxwriter
wb = xlsxwriter.Workbook(out)
ws = wb.add_worksheet("整改台账")
for r, row in enumerate(json.loads(${JSON.stringify(JSON.stringify(ROWS))})):
    ws.write_row(r, 0, row)
wb.close()`,
  );
}

/** The same rows as a UTF-8 CSV, where control characters are plain bytes. */
async function hostileCsv(dir: string): Promise<string> {
  const path = join(dir, "台账.csv");
  await writeFile(path, ROWS.map((r) => r.join(",")).join("\r\n"));
  return path;
}

const cases: HostileCase[] = [
  {
    id: "9.cell-text-in-table",
    title: "ESC sequences, BEL, C1 and bidi controls in cells are neutralised in the table output",
    async run(t) {
      const input = await hostileLedger(t.dir);
      const r = await t.cli([input, ...TODAY]);
      mustCheck(r);
      must(r.stdout.includes("尽快"), `the deadline finding is not in the table: ${r.stdout.slice(0, 300)}`);
      mustBeSafe(r.stdout, "stdout");
      mustBeSafe(r.stderr, "stderr");
      must(r.stdout.includes("pwned"), "the hostile text was dropped instead of shown harmlessly");
    },
  },
  {
    id: "9.cell-text-in-table-csv",
    title: "the same control characters from a CSV are neutralised in the table output",
    async run(t) {
      const r = await t.cli([await hostileCsv(t.dir), ...TODAY]);
      mustCheck(r);
      must(r.stdout.includes("尽快"), `the deadline finding is not in the table: ${r.stdout.slice(0, 300)}`);
      mustBeSafe(r.stdout, "stdout");
      mustBeSafe(r.stderr, "stderr");
    },
  },
  {
    id: "9.json-stays-exact",
    title: "--json keeps the cell text exactly, control characters included (escaped by JSON)",
    async run(t) {
      const input = await hostileLedger(t.dir);
      const r = await t.cli([input, ...TODAY, "--json"]);
      mustCheck(r);
      const report = JSON.parse(r.stdout) as { findings: { message: string; problem?: string }[] };
      must(
        report.findings.some((f) => f.message.includes(`尽快${HOSTILE}`)),
        "the finding's message does not quote the cell text exactly",
      );
      must(
        report.findings.some((f) => f.problem === `问题${HOSTILE}`),
        "the finding's problem is not the cell text exactly",
      );
    },
  },
  {
    id: "9.file-name",
    title: "a file name carrying ESC and BEL is shown neutralised in the table",
    async run(t) {
      const input = await ledger(t.dir);
      const odd = join(t.dir, `台账\x1b]0;pwned\x07\x1b[2J.xlsx`);
      await copyFile(input, odd);
      const r = await t.cli([odd, ...TODAY]);
      mustCheck(r);
      mustBeSafe(r.stdout, "stdout");
    },
  },
  {
    id: "9.file-name-in-refusal",
    title: "a missing file's hostile name is neutralised in the one-line refusal",
    async run(t) {
      const r = await t.cli([join(t.dir, `无\x1b[2J\x1b]0;pwned\x07\u202e.xlsx`)]);
      mustRefuse(r);
      mustBeSafe(r.stderr, "stderr");
    },
  },
  {
    id: "9.sheet-name",
    title: "a ledger sheet named with a bidi override is shown neutralised",
    async run(t) {
      const input = await ledger(t.dir, "台账.xlsx", {
        sheet: "台账\u202e\u2066逆",
        sections: [{ problems: [{ problem: "问题", measures: [{ measures: "措施", deadline: "2025年6月底" }] }] }],
      });
      const r = await t.cli([input, ...TODAY]);
      mustCheck(r);
      mustBeSafe(r.stdout, "stdout");
      const missing = await t.cli([input, ...TODAY, "--sheet", "\x1b[2J没有"]);
      mustRefuse(missing);
      mustBeSafe(missing.stderr, "stderr");
    },
  },
  {
    id: "9.stdout-closed-early",
    title:
      "a report piped into a reader that stops early (`| head`) ends quietly with the check's exit code and the copy written; one lost to a full disk is said in one line",
    async run(t) {
      // 3,000 rows: a report far larger than a pipe's buffer, so the writes go on after head left.
      const input = join(t.dir, "台账.xlsx");
      await writeFile(input, await ledgerBytes(generateLedger(3_000, { seed: 3 })));
      const out = join(t.dir, "副本.xlsx");
      for (const report of [["--json"], []]) {
        const r = await t.cli([input, ...TODAY, ...report, "--out", out], {
          via: (cmd) => [
            "bash",
            "-c",
            '"$@" | head -c 100 > /dev/null; echo "exit=${PIPESTATUS[0]}" >&2',
            "bash",
            ...cmd,
          ],
        });
        const left = /exit=(\d+)/.exec(r.stderr)?.[1];
        must(left === "1", `the check ended with ${left} (its findings make it 1): ${r.stderr.slice(0, 400)}`);
        must(!/\bat \S+ \(|EPIPE|Unhandled/.test(r.stderr), `a stack trace or raw error: ${r.stderr.slice(0, 400)}`);
        must((await stat(out)).size > 0, "the copy was not written");
      }
      // A report that cannot be written at all (a full disk) is said in one line, exit 2.
      const full = await t.cli([input, ...TODAY, "--json"], {
        via: (cmd) => ["bash", "-c", '"$@" > /dev/full', "bash", ...cmd],
      });
      must(full.code === 2, `a report lost to a full disk ended with ${full.code}`);
      const lines = full.stderr.trim().split("\n");
      must(
        lines.length === 1 && /^ledger-check: 无法写出.*could not write/.test(lines[0]!),
        `not one clear line: ${full.stderr.slice(0, 400)}`,
      );
    },
  },
  {
    id: "9.cwd-deleted",
    title:
      "run from a folder deleted under the shell, a relative file name gets a line saying so, not Node's raw uv_cwd error",
    async run(t) {
      const r = await t.cli(["台账.xlsx", ...TODAY], {
        via: (cmd) => ["bash", "-c", 'mkdir gone && cd gone && rmdir ../gone && exec "$@"', "bash", ...cmd],
        cwd: t.dir,
      });
      must(r.code === 2, `ended with ${r.code}: ${r.stderr.slice(0, 300)}`);
      must(
        /^ledger-check: 命令行所在的当前文件夹已不存在.*current folder no longer exists/.test(r.stderr),
        `not a clear line: ${r.stderr.slice(0, 300)}`,
      );
      must(!/uv_cwd|ENOENT/.test(r.stderr), `the raw error shows: ${r.stderr.slice(0, 300)}`);
    },
  },
];

export default cases;
