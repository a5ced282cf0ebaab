/**
 * `npm run bench`: what a check costs, side by side with exceljs reading the same file (the
 * reader this project used before its own), with whole processes against the file's floor
 * (process-bench.ts) and the Excel host on the fake Excel (excel-host.ts).
 *
 * For ledgers of 1k, 10k and 50k task rows (generated, seeded), in child processes:
 *   read   — exceljs `wb.xlsx.load(bytes)` alone (what the old reader paid before any check);
 *   check  — openWorkbookFile + checkWorkbook + writeBulletin in memory (read + validate + bulletin),
 *            with its stages timed too;
 *   write  — markWorkbook, then toBuffer of the marked copy (toBuffer timed alone), in a
 *            second loop after the checks (first check process only).
 * Read and check each run alone in their own process, as the CLI does: a load's garbage in the
 * same process slows whatever runs next (measured: a check after an extra load took 1.5–2.5×
 * as long to validate), so timing both in one process charges one with the other's collection;
 * for the same reason every run starts from a collected heap (settle()).
 * Two rounds, read then check and then check then read, so drift in the machine's speed falls
 * on both. Each process repeats its job (4 times by default); medians over both rounds of the
 * runs after each process's first are printed, and the first (JIT-cold) runs apart. Also
 * printed: peak RSS (`resourceUsage().maxRSS`) and the peak heap seen by sampling
 * `memoryUsage()` every 50 ms.
 * Goal: the whole check (our reader, the rules, the bulletin) within exceljs's read alone.
 *
 * Options: --sizes 1000,10000  --reps 4  --budget 300 (seconds per child; a child over budget is
 * stopped and reported as such).
 * The exceljs read uses the linear merge check of tests/support/exceljs/linear-merge.ts (exceljs's
 * own is quadratic in the number of merges).
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import "../tests/support/exceljs/linear-merge.js";
import { checkWorkbook, markWorkbook, writeBulletin } from "../src/app/check-workbook.js";
import { makeConfig } from "../src/core/config.js";
import { NODE_ZLIB } from "../src/cli/node-zlib.js";
import { openWorkbookFile } from "../src/hosts/xlsx/open.js";
import { generateLedger } from "../tests/support/generate-ledger.js";
import { ledgerBytes } from "../tests/support/ledger-builder.js";
import { PROCESS_HEAD, pandasAvailable, processFigures, type ProcessRow } from "./process-bench.js";

type Mode = "read" | "check";

interface ChildResult {
  mode: Mode;
  rows: number;
  /** Milliseconds of each process's first (JIT-cold) run, by measurement. */
  first: Record<string, number[]>;
  /** Milliseconds of the runs after the first, by measurement. */
  times: Record<string, number[]>;
  findings?: number;
  bulletinRows?: number;
  maxRssMb: number;
  peakHeapMb: number;
}

const TODAY = "2025-07-01";
/** A day after every deadline the generated ledgers hold (all in 2025): every open task with a dated deadline overdue. */
const LATE_TODAY = "2026-12-01";

async function child(mode: Mode, file: string, rows: number, reps: number, write: boolean): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  let peakHeap = 0;
  const sample = (): void => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 50);
  const times: Record<string, number[]> = {};
  const first: Record<string, number[]> = {};
  const result: ChildResult = { mode, rows, first, times, maxRssMb: 0, peakHeapMb: 0 };
  // Each stage is reported as soon as it is done: a parent that stops an over-budget child
  // still has the stages that finished.
  const report = (): void => {
    sample();
    result.maxRssMb = process.resourceUsage().maxRSS / 1024;
    result.peakHeapMb = peakHeap / 2 ** 20;
    process.stdout.write(`${JSON.stringify(result)}\n`);
  };
  const lap = (name: string, ms: number): void => {
    if (first[name] === undefined) first[name] = [ms];
    else (times[name] ??= []).push(ms);
    report();
  };

  for (let i = 0; i < reps; i++) {
    settle();
    if (mode === "read") {
      const t = performance.now();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      lap("read", performance.now() - t);
    } else {
      const config = makeConfig({ today: TODAY });
      const t0 = performance.now();
      const port = await openWorkbookFile(bytes, file, { zlib: NODE_ZLIB });
      const t1 = performance.now();
      lap("open", t1 - t0);
      const check = await checkWorkbook(port, config);
      const t2 = performance.now();
      result.findings = check.report.findings.length;
      lap("validate", t2 - t1);
      await writeBulletin(port, check);
      const t3 = performance.now();
      result.bulletinRows = (await port.listSheets()).find((s) => s.generated)?.rowCount;
      lap("bulletin", t3 - t2);
      lap("check", t3 - t0);
    }
  }
  // The marked copy (marks, then the bytes), measured after the checks so that its garbage does
  // not slow the next check's load.
  if (mode === "check" && write) {
    for (let i = 0; i < reps; i++) {
      const port = await openWorkbookFile(bytes, file, { zlib: NODE_ZLIB });
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

/** Node's zlib, as the CLI lends it to the reader. */

/**
 * A full collection before each run (children run with --expose-gc): a run then starts, as a
 * ledger-check process does, without the previous run's garbage to collect.
 */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

// ---------------------------------------------------------------------------------------------

interface Size {
  rows: number;
  multiRowShare: number;
}

async function parent(args: Map<string, string>): Promise<void> {
  const sizes = (args.get("sizes") ?? "1000,10000,50000").split(",").map(Number);
  const reps = Math.max(2, Number(args.get("reps") ?? 4));
  const budget = Number(args.get("budget") ?? 300);
  const dir = mkdtempSync(join(tmpdir(), "ledger-bench-"));
  const self = fileURLToPath(import.meta.url);
  console.log(`ledger-check bench — node ${process.version}, ${reps} runs per process; budget ${budget} s per child`);
  console.log(`cpu: ${cpuName()}\n`);

  const rows: string[][] = [];
  const stages: string[][] = [];
  const processes: ProcessRow[] = [];
  const processRounds = Math.max(1, Number(args.get("process-rounds") ?? 3));
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

      // Whole processes first, on a machine not yet busy with this size's children.
      if (n >= 10_000 && !args.has("no-process"))
        processes.push(processFigures(file, n, processRounds, TODAY, LATE_TODAY));

      // Round one: read, then check (which also writes the copy); round two the other way round.
      const read1 = await runChild(self, "read", file, n, reps, budget, false);
      const check1 = await runChild(self, "check", file, n, reps, budget, true);
      const check2 = await runChild(self, "check", file, n, reps, budget, false);
      const read2 = await runChild(self, "read", file, n, reps, budget, false);
      const read = merged(read1, read2);
      const check = merged(check1, check2);
      // Medians leave out each process's first run (reported apart as "first run"): with few
      // runs, one cold start would otherwise move the median.
      // (A process stopped over budget may have only its first run: that, then.)
      const med = (r: ChildRun, k: string): number | undefined => {
        const runs = r.result?.times[k]?.length ? r.result.times[k] : r.result?.first[k];
        return runs?.length ? median(runs) : undefined;
      };
      const readMs = med(read, "read");
      const checkMs = med(check, "check");
      // Each process's first run: JIT-cold, as one `ledger-check` run is.
      const cold = (r: ChildRun, k: string): number | undefined =>
        r.result?.first[k]?.length ? median(r.result.first[k]!) : undefined;
      const coldCheck = cold(check, "check");
      const note = (r: ChildRun, k: string): string => {
        const v = med(r, k);
        const runs = r.result?.times[k]?.length ?? 0;
        if (runs === 0 && v !== undefined) return `${ms(v)} (first run only${r.stopped ? ", stopped" : ""})`;
        const expected = (reps - 1) * r.processes;
        if (v === undefined) return r.stopped ? `>${budget} s` : "—";
        return `${ms(v)}${runs < expected ? ` (${runs} run${runs === 1 ? "" : "s"}${r.stopped ? ", stopped" : ""})` : ""}`;
      };
      const ratio = (c: number | undefined, r: number | undefined): string =>
        c !== undefined && r !== undefined ? `${(c / r).toFixed(2)}×` : "—";
      rows.push([
        n.toLocaleString("en"),
        String(merges),
        `${(bytes / 1e6).toFixed(1)} MB`,
        note(read, "read"),
        note(check, "check"),
        ratio(checkMs, readMs),
        coldCheck !== undefined ? ms(coldCheck) : "—",
        note(check1, "toBuffer"),
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
        note(check1, "mark"),
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
        "check, first run",
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
        "open (zip directory)",
        "validate (detect+read grid+rules)",
        "bulletin (build+render)",
        "bulletin rows",
        "mark",
        "findings",
      ],
      stages,
    ),
  );
  console.log(
    [
      "",
      `Medians of ${2 * (reps - 1)} runs in 4 processes (2 read, 2 check), each process's first run left out.`,
      "check/read: median check ÷ median bare read, timed in separate processes (this machine's run-to-run noise, ±20%, is in it).",
      "check, first run: each check process's first, JIT-cold run (what one ledger-check run pays).",
    ].join("\n"),
  );
  console.log("Goal: check/read ≤ 1 (the whole check within exceljs's read alone) at 10,000 and 50,000 rows.");
  if (processes.length > 0) {
    console.log(`\nWhole processes (median of ${processRounds} interleaved rounds; wall / user+sys CPU):`);
    console.log(
      table(
        PROCESS_HEAD,
        processes.map((p) => p.cells),
      ),
    );
    console.log(
      pandasAvailable()
        ? "pandas: /usr/bin/python3 bench/pandas-check.py (pandas + openpyxl, required fields and overdue only)."
        : "pandas: not measured — /usr/bin/python3 has no pandas/openpyxl here (Debian: python3-pandas python3-openpyxl).",
    );
  }
  await excelHostFigures(sizes);
}

/**
 * Figures of the Office.js host on the fake Excel. The fake and the meter are test support
 * (tests/support, bench/), never compiled into lib/, so they run in their own process under tsx:
 * `bench/excel.ts --table` prints the table (syncs and the largest request/response of one sync,
 * requests as Office.js's own serializer builds them).
 */
async function excelHostFigures(sizes: number[]): Promise<void> {
  const script = fileURLToPath(new URL("./excel.ts", import.meta.url));
  await new Promise<void>((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", script, "--table", sizes.join(",")], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    proc.on("error", reject);
    proc.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`bench/excel.ts exited with ${code}`))));
  });
}

function runChild(
  self: string,
  mode: Mode,
  file: string,
  rows: number,
  reps: number,
  budget: number,
  write: boolean,
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    // --expose-gc for settle(): each run starts from a collected heap.
    const args = [
      "--expose-gc",
      "--import",
      "tsx",
      self,
      "--child",
      mode,
      "--file",
      file,
      "--rows",
      String(rows),
      "--reps",
      String(reps),
    ];
    if (write) args.push("--write");
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
      resolve({ result: last ? (JSON.parse(last) as ChildResult) : null, stopped, processes: 1 });
    });
  });
}

interface ChildRun {
  result: ChildResult | null;
  stopped: boolean;
  /** How many processes' runs `result` holds. */
  processes: number;
}

/** Two processes' runs as one: times concatenated, the larger memory peaks. */
function merged(a: ChildRun, b: ChildRun): ChildRun {
  if (!a.result || !b.result) return a.result ? a : b;
  const times: Record<string, number[]> = {};
  const first: Record<string, number[]> = {};
  for (const r of [a.result, b.result]) {
    for (const [k, v] of Object.entries(r.times)) (times[k] ??= []).push(...v);
    for (const [k, v] of Object.entries(r.first)) (first[k] ??= []).push(...v);
  }
  return {
    result: {
      ...a.result,
      times,
      first,
      maxRssMb: Math.max(a.result.maxRssMb, b.result.maxRssMb),
      peakHeapMb: Math.max(a.result.peakHeapMb, b.result.peakHeapMb),
    },
    stopped: a.stopped || b.stopped,
    processes: a.processes + b.processes,
  };
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
  await child(
    args.get("child") as Mode,
    args.get("file")!,
    Number(args.get("rows")),
    Number(args.get("reps") ?? 3),
    args.has("write"),
  );
} else {
  await parent(args);
}
