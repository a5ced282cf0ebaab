/**
 * `npm run bench`: how much the check costs over exceljs's own reading of the file.
 *
 * For ledgers of 1k, 10k and 50k task rows (generated, seeded), each in fresh child processes:
 *   read   — exceljs `wb.xlsx.load(bytes)` alone (the floor: what any xlsx tool pays), timed in
 *            the check process just before each check; a separate process gives its memory;
 *   check  — openWorkbookFile + checkWorkbook + writeBulletin in memory (read + validate + bulletin),
 *            with its stages timed too;
 *   write  — markWorkbook, then toBuffer of the marked copy (toBuffer timed alone), in a
 *            second loop after the checks.
 * Each is repeated (3 by default) and the median printed, with peak RSS per child process
 * (`resourceUsage().maxRSS`) and the peak heap seen by sampling `memoryUsage()` every 50 ms.
 * Goal (issue): check ≤ 1.25 × read at 10k and 50k rows.
 *
 * Options: --sizes 1000,10000  --reps 3  --budget 300 (seconds per child; a child over budget is
 * stopped and reported as such).
 * Both read and check use exceljs as the project ships it, with the linear merge check of
 * src/hosts/xlsx/exceljs-patches.ts (exceljs's own is quadratic in the number of merges).
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import "../hosts/xlsx/exceljs-patches.js";
import { checkWorkbook, markWorkbook, writeBulletin } from "../app/check-workbook.js";
import { makeConfig } from "../core/config.js";
import { benchExcelFlow, type HostFigures } from "../hosts/excel/bench-support.js";
import { openWorkbookFile } from "../hosts/xlsx/open.js";
import { generateLedger } from "./generate-ledger.js";
import { ledgerBytes } from "./ledger-builder.js";

type Mode = "read" | "check";

interface ChildResult {
  mode: Mode;
  rows: number;
  /** Milliseconds per repetition, by measurement. */
  times: Record<string, number[]>;
  findings?: number;
  bulletinRows?: number;
  maxRssMb: number;
  peakHeapMb: number;
}

const TODAY = "2025-07-01";

async function child(mode: Mode, file: string, rows: number, reps: number): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  let peakHeap = 0;
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 50);
  const times: Record<string, number[]> = {};
  const result: ChildResult = { mode, rows, times, maxRssMb: 0, peakHeapMb: 0 };
  // Each stage is reported as soon as it is done: a parent that stops an over-budget child
  // still has the stages that finished.
  const report = (): void => {
    sample();
    result.maxRssMb = process.resourceUsage().maxRSS / 1024;
    result.peakHeapMb = peakHeap / 2 ** 20;
    process.stdout.write(`${JSON.stringify(result)}\n`);
  };
  const lap = (name: string, ms: number): void => {
    (times[name] ??= []).push(ms);
    report();
  };

  for (let i = 0; i < reps; i++) {
    if (mode === "read") {
      const t = performance.now();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      lap("read", performance.now() - t);
    } else {
      // A bare load in the same process just before each check: the ratio then compares like
      // with like (same heap, same warm-up), not two processes' different histories.
      const r = performance.now();
      await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
      lap("read", performance.now() - r);
      const config = makeConfig({ today: TODAY });
      const t0 = performance.now();
      const port = await openWorkbookFile(bytes, file);
      const t1 = performance.now();
      lap("open", t1 - t0);
      const check = await checkWorkbook(port, config);
      const t2 = performance.now();
      result.findings = check.report.findings.length;
      lap("validate", t2 - t1);
      await writeBulletin(port, check);
      const t3 = performance.now();
      result.bulletinRows = port.workbook.getWorksheet("整改通报")?.rowCount;
      lap("bulletin", t3 - t2);
      lap("check", t3 - t0);
    }
  }
  // The marked copy (marks, then the bytes), measured after the checks so that its garbage does
  // not slow the next check's load.
  if (mode === "check") {
    for (let i = 0; i < reps; i++) {
      const port = await openWorkbookFile(bytes, file);
      const check = await checkWorkbook(port, makeConfig({ today: TODAY }));
      await writeBulletin(port, check);
      const t4 = performance.now();
      await markWorkbook(port, check);
      const t5 = performance.now();
      await port.toBuffer();
      lap("mark", t5 - t4);
      lap("toBuffer", performance.now() - t5);
    }
  }
  clearInterval(timer);
}

// ---------------------------------------------------------------------------------------------

interface Size {
  rows: number;
  multiRowShare: number;
}

async function parent(args: Map<string, string>): Promise<void> {
  const sizes = (args.get("sizes") ?? "1000,10000,50000").split(",").map(Number);
  const reps = Number(args.get("reps") ?? 3);
  const budget = Number(args.get("budget") ?? 300);
  const dir = mkdtempSync(join(tmpdir(), "ledger-bench-"));
  const self = fileURLToPath(import.meta.url);
  console.log(
    `ledger-check bench — node ${process.version}, ${reps} repetitions, median; budget ${budget} s per child`,
  );
  console.log(`cpu: ${cpuName()}\n`);

  const rows: string[][] = [];
  const stages: string[][] = [];
  try {
    for (const n of sizes) {
      // Merged problems on about a third of the rows, as clerks make them.
      const size: Size = { rows: n, multiRowShare: 0.3 };
      const file = join(dir, `ledger-${n}.xlsx`);
      const t = performance.now();
      const built = generateLedger(n, { seed: 1, multiRowShare: size.multiRowShare });
      const merges = built.worksheet.model.merges.length;
      writeFileSync(file, await ledgerBytes(built));
      const bytes = readFileSync(file).length;
      console.error(
        `generated ${n} rows (${merges} merged areas, ${(bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );

      const read = await runChild(self, "read", file, n, reps, budget);
      const check = await runChild(self, "check", file, n, reps, budget);
      const med = (r: ChildResult | null, k: string): number | undefined =>
        r?.times[k]?.length ? median(r.times[k]!) : undefined;
      // Times (and the ratio) come from the check process, which times a bare load before each
      // check (see child()); the read process gives the bare load's memory.
      const readMs = med(check.result, "read");
      const checkMs = med(check.result, "check");
      const note = (r: { result: ChildResult | null; stopped: boolean }, k: string): string => {
        const v = med(r.result, k);
        const runs = r.result?.times[k]?.length ?? 0;
        if (v === undefined) return r.stopped ? `>${budget} s` : "—";
        return `${ms(v)}${runs < reps ? ` (${runs} run${runs === 1 ? "" : "s"}${r.stopped ? ", stopped" : ""})` : ""}`;
      };
      rows.push([
        n.toLocaleString("en"),
        String(merges),
        `${(bytes / 1e6).toFixed(1)} MB`,
        note(check, "read"),
        note(check, "check"),
        readMs !== undefined && checkMs !== undefined ? `${(checkMs / readMs).toFixed(2)}×` : "—",
        note(check, "toBuffer"),
        read.result ? `${read.result.maxRssMb.toFixed(0)} / ${read.result.peakHeapMb.toFixed(0)}` : "—",
        check.result
          ? `${check.result.maxRssMb.toFixed(0)} / ${check.result.peakHeapMb.toFixed(0)}`
          : check.stopped
            ? "stopped"
            : "—",
      ]);
      stages.push([
        n.toLocaleString("en"),
        note(check, "open"),
        note(check, "validate"),
        note(check, "bulletin"),
        check.result?.bulletinRows !== undefined ? String(check.result.bulletinRows) : "—",
        note(check, "mark"),
        check.result?.findings !== undefined ? String(check.result.findings) : "—",
      ]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    table(
      [
        "rows",
        "merges",
        "file",
        "read (exceljs)",
        "check (read+validate+bulletin)",
        "check/read",
        "write copy (toBuffer)",
        "read RSS/heap MB",
        "check+write RSS/heap MB",
      ],
      rows,
    ),
  );
  console.log("\nStages of check (median ms):");
  console.log(
    table(
      [
        "rows",
        "open (load+state)",
        "validate (detect+read grid+rules)",
        "bulletin (build+render)",
        "bulletin rows",
        "mark",
        "findings",
      ],
      stages,
    ),
  );
  console.log("\nGoal: check/read ≤ 1.25× at 10,000 and 50,000 rows.");
  await excelHostFigures(sizes);
}

/**
 * Figures of the Office.js host on the fake Excel (src/hosts/excel/bench-support.ts): syncs and
 * the largest request/response of one sync for reading, marking and writing the bulletin.
 */
async function excelHostFigures(sizes: number[]): Promise<void> {
  const body: string[][] = [];
  for (const n of sizes) {
    const f = await benchExcelFlow(n);
    const cell = (h: HostFigures): string => `${h.syncs} / ${kb(h.maxRequestBytes)} / ${kb(h.maxResponseBytes)}`;
    body.push([
      n.toLocaleString("en"),
      String(f.findings),
      String(f.markedCells),
      cell(f.detectAndRead),
      cell(f.mark),
      cell(f.bulletin),
      cell(f.total),
    ]);
  }
  console.log(
    "\nExcel host, the whole one-click job on the fake Excel (find + read + check, mark every flagged cell, bulletin):",
  );
  console.log("syncs / largest request / largest response of one sync");
  console.log(table(["rows", "findings", "marked cells", "find + read", "mark", "bulletin", "total"], body));
  console.log("Goal: at 50,000 rows at most 15 syncs in all and no payload over 4 MB.");
}

function kb(bytes: number): string {
  if (bytes < 1e3) return `${bytes} B`;
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;
}

function runChild(
  self: string,
  mode: Mode,
  file: string,
  rows: number,
  reps: number,
  budget: number,
): Promise<{ result: ChildResult | null; stopped: boolean }> {
  return new Promise((resolve, reject) => {
    const args = [self, "--child", mode, "--file", file, "--rows", String(rows), "--reps", String(reps)];
    const proc = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    let stopped = false;
    proc.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => {
      stopped = true;
      proc.kill("SIGKILL");
    }, budget * 1000);
    proc.on("error", reject);
    proc.on("close", (code) => {
      clearTimeout(timer);
      const last = out.trim().split("\n").filter(Boolean).pop();
      if (!stopped && code !== 0) return reject(new Error(`${mode} child for ${rows} rows exited with ${code}`));
      resolve({ result: last ? (JSON.parse(last) as ChildResult) : null, stopped });
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function ms(v: number): string {
  return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`;
}

/** A plain-text table; CJK-free headers keep the columns aligned in any terminal. */
function table(head: string[], body: string[][]): string {
  const width = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join(" | ");
  return [line(head), width.map((w) => "-".repeat(w)).join("-|-"), ...body.map(line)].join("\n");
}

function cpuName(): string {
  try {
    const info = execFileSync("sh", ["-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2; nproc"], {
      encoding: "utf8",
    });
    return info.trim().replace(/\s*\n\s*/, ", ") + " cores";
  } catch {
    return "unknown";
  }
}

function parseArgs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("--")) continue;
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith("--")) {
      out.set(a.slice(2), next);
      i++;
    } else out.set(a.slice(2), "");
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (args.has("child")) {
  await child(args.get("child") as Mode, args.get("file")!, Number(args.get("rows")), Number(args.get("reps") ?? 3));
} else {
  await parent(args);
}
