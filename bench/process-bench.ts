/**
 * Whole processes, side by side in one run (issue 10's speed goals): for one ledger file,
 *   floor   — bench/floor.mjs: inflate the sheet parts (native zlib) and one regex pass over
 *             every cell and shared string; what any tool pays to look at the file;
 *   json    — `ledger-check FILE --json` (read + check + report);
 *   out     — `ledger-check FILE --out COPY` (also marks and writes the copy);
 *   recheck — `ledger-check COPY --out COPY2`: the clerk's next check, on the marked copy (its
 *             marks taken off and put back, its sheets of ours replaced); no goal of its own;
 *   overdue — `--out` again, checked on a day after every deadline: the most findings, marks and
 *             notices a ledger of this size gives (the memory goal's hardest case);
 *   pandas  — bench/pandas-check.py: pandas + openpyxl doing only the required-field and
 *             overdue checks (when Debian's python3-pandas is at /usr/bin/python3; said when not).
 * Rounds interleave them, so drift in the machine's speed falls on each. Each process is timed
 * by /usr/bin/time when present (wall, user+sys CPU, peak RSS), else by the wall clock alone.
 * CPU time is printed beside wall time: on a shared machine the wall clock carries the others' load.
 * Goals: json ≤ 2.5× floor and ≤ 0.25× pandas; out ≤ 1.5× json with peak RSS under 400 MB.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface ProcessRow {
  rows: number;
  cells: string[];
}

interface Run {
  wall: number;
  cpu: number | undefined;
  rssMb: number | undefined;
}

const PYTHON = "/usr/bin/python3";
const TIME = "/usr/bin/time";

export function pandasAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ["-c", "import pandas, openpyxl"], { stdio: "ignore" }).status === 0;
}

function timed(cmd: string, args: string[]): Run {
  if (existsSync(TIME)) {
    const t = performance.now();
    const r = spawnSync(TIME, ["-f", "@@%e %U %S %M", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
    const wall = performance.now() - t;
    if (r.status !== 0 && r.status !== 1)
      throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(-500)}`);
    const m = /@@([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
    if (m) return { wall, cpu: (Number(m[2]) + Number(m[3])) * 1000, rssMb: Number(m[4]) / 1024 };
    return { wall, cpu: undefined, rssMb: undefined };
  }
  const t = performance.now();
  const r = spawnSync(cmd, args, { stdio: "ignore" });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} exited ${r.status}`);
  return { wall: performance.now() - t, cpu: undefined, rssMb: undefined };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs the six processes `rounds` times on `file` and returns one table row of medians. */
export function processFigures(
  file: string,
  rows: number,
  rounds: number,
  today: string,
  lateToday: string,
): ProcessRow {
  const floorJs = fileURLToPath(new URL("./floor.mjs", import.meta.url));
  // The CLI as it ships: compiled into lib/ (npm run bench builds it first).
  const cli = fileURLToPath(new URL("../bin/ledger-check.js", import.meta.url));
  const pandasPy = fileURLToPath(new URL("./pandas-check.py", import.meta.url));
  const copy = `${file}.checked.xlsx`;
  const rechecked = `${file}.rechecked.xlsx`;
  const late = `${file}.overdue.xlsx`;
  const withPandas = pandasAvailable();
  const runs: Record<"floor" | "json" | "out" | "recheck" | "overdue" | "pandas", Run[]> = {
    floor: [],
    json: [],
    out: [],
    recheck: [],
    overdue: [],
    pandas: [],
  };
  for (let i = 0; i < rounds; i++) {
    runs.floor.push(timed(process.execPath, [floorJs, file]));
    runs.json.push(timed(process.execPath, [cli, file, "--json", "--today", today, "--exit-zero"]));
    runs.out.push(timed(process.execPath, [cli, file, "--out", copy, "--today", today, "--exit-zero"]));
    // The clerk's next check: the marked copy checked again, its marks taken off and put back.
    runs.recheck.push(timed(process.execPath, [cli, copy, "--out", rechecked, "--today", today, "--exit-zero"]));
    runs.overdue.push(timed(process.execPath, [cli, file, "--out", late, "--today", lateToday, "--exit-zero"]));
    if (withPandas) runs.pandas.push(timed(PYTHON, [pandasPy, file, today]));
  }
  rmSync(copy, { force: true });
  rmSync(rechecked, { force: true });
  rmSync(late, { force: true });
  const wall = (k: keyof typeof runs): number | undefined =>
    runs[k].length ? median(runs[k].map((r) => r.wall)) : undefined;
  const cpu = (k: keyof typeof runs): number | undefined => {
    const xs = runs[k].map((r) => r.cpu).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  const rss = (k: keyof typeof runs): string => {
    const xs = runs[k].map((r) => r.rssMb).filter((x): x is number => x !== undefined);
    return xs.length ? `${Math.max(...xs).toFixed(0)}` : "—";
  };
  const s = (v: number | undefined): string =>
    v === undefined ? "—" : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`;
  const both = (k: keyof typeof runs): string => `${s(wall(k))} / ${s(cpu(k))}`;
  const ratio = (a: number | undefined, b: number | undefined): string =>
    a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}×` : "—";
  const ratios = (a: keyof typeof runs, b: keyof typeof runs): string =>
    `${ratio(wall(a), wall(b))} / ${ratio(cpu(a), cpu(b))}`;
  return {
    rows,
    cells: [
      rows.toLocaleString("en"),
      both("floor"),
      both("json"),
      both("out"),
      withPandas ? both("pandas") : "no pandas",
      ratios("json", "floor"),
      withPandas ? ratios("json", "pandas") : "—",
      ratios("out", "json"),
      `${rss("json")} / ${rss("out")}`,
      `${both("recheck")} / ${rss("recheck")} MB`,
      `${both("overdue")} / ${rss("overdue")} MB`,
    ],
  };
}

export const PROCESS_HEAD = [
  "rows",
  "floor wall/cpu",
  "--json wall/cpu",
  "--out wall/cpu",
  "pandas wall/cpu",
  "json÷floor (≤2.5×)",
  "json÷pandas (≤0.25×)",
  "out÷json (≤1.5×)",
  "peak RSS MB json/out",
  "recheck of the copy (--out) wall/cpu/RSS",
  "--out after every deadline, wall/cpu/RSS",
];
