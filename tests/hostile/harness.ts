import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The hostile suite's harness: each case builds its own inputs in a fresh folder, runs the real
 * CLI (`node bin/ledger-check.js`, compiled by `npm run build:cli`) as a clerk's shell would, and
 * checks one promise of the README. A case throws `Broken` (through `must`) when the promise does
 * not hold; `npm run hostile` and the vitest file `hostile.test.ts` run the same cases.
 */

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The CLI under test; HOSTILE_BIN points the suite at another build (to see a case break on old code). */
export const BIN = process.env.HOSTILE_BIN ?? join(REPO, "bin/ledger-check.js");

export interface HostileCase {
  /** `<issue-15 item>.<slug>`, e.g. `1.out-hard-link`: unique, stable, printed by the runner. */
  id: string;
  /** The promise, as a clerk would say it. */
  title: string;
  run(t: CaseContext): Promise<void>;
}

/** A promise that did not hold: the runner prints the message as the reason. */
export class Broken extends Error {
  override name = "Broken";
}

export function must(condition: unknown, why: string): asserts condition {
  if (!condition) throw new Broken(why);
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The run was stopped by the hang guard. */
  hung: boolean;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Wraps the command, e.g. `(cmd) => ["setpriv", "--reuid=65534", ..., ...cmd]`. */
  via?: (cmd: string[]) => string[];
  /** Written to the CLI's standard input (else it is closed at once). */
  stdin?: string;
  /**
   * Hang guard, not a speed assertion: a run still going after this long is killed and counts as
   * "never ends" (issue 15 item 8: `/dev/zero` ran for minutes). Generous on purpose: the machine
   * is shared.
   */
  hangGuardMs?: number;
}

export interface CaseContext {
  /** A fresh folder for this case, removed afterwards (mode 0777, so a dropped-privilege run can use it). */
  dir: string;
  cli(args: string[], options?: CliOptions): Promise<CliRun>;
}

const HANG_GUARD_MS = 120_000;

export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const base = [process.execPath, BIN, ...args];
  const [cmd, ...rest] = options.via ? options.via(base) : base;
  return new Promise((done, fail) => {
    const child = spawn(cmd!, rest, {
      cwd: options.cwd ?? REPO,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let hung = false;
    const guard = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, options.hangGuardMs ?? HANG_GUARD_MS);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.stdin.on("error", () => {});
    child.stdin.end(options.stdin ?? "");
    child.on("error", (e) => {
      clearTimeout(guard);
      fail(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      done({
        code,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        hung,
      });
    });
  });
}

/** Runs one case in its own folder; returns null when its promise held, else why not. */
export async function runCase(c: HostileCase): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), `hostile-${c.id.replace(/[^\w.-]/g, "_")}-`));
  await chmod(dir, 0o777);
  try {
    await c.run({ dir, cli: runCli });
    return null;
  } catch (e) {
    if (e instanceof Broken) return e.message;
    // A harness or generator failure is a broken case too, but says so.
    return `the case itself failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every case of every module in cases/ (each module's default export is a HostileCase[]), in id order. */
export async function loadCases(): Promise<HostileCase[]> {
  const folder = join(dirname(fileURLToPath(import.meta.url)), "cases");
  const files = (await readdir(folder)).filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts")).sort();
  const all: HostileCase[] = [];
  for (const f of files) {
    const mod = (await import(join(folder, f))) as { default?: HostileCase[] };
    if (!Array.isArray(mod.default)) throw new Error(`tests/hostile/cases/${f} has no default export of cases`);
    all.push(...mod.default);
  }
  const seen = new Set<string>();
  for (const c of all) {
    if (seen.has(c.id)) throw new Error(`two hostile cases are named ${c.id}`);
    seen.add(c.id);
  }
  return all.sort((a, b) => compareIds(a.id, b.id));
}

function compareIds(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  return na !== nb ? na - nb : a < b ? -1 : a > b ? 1 : 0;
}

export async function sha256(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

// ---------------------------------------------------------------------------------------------
// What every refusal must look like (README: "one line, Chinese first, bilingual, exit 2").

const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
/** Raw error codes from Node or the OS, which a clerk cannot act on. */
const RAW_CODE = /\b(E[A-Z]{3,}|ERR_[A-Z_]+)\b/;

export interface RefusalExpectation {
  /** Words the message must contain (any language). */
  mentions?: string[];
  /** The run was made with `--lang en`: English comes first. */
  englishFirst?: boolean;
}

/**
 * Exit 2, nothing on stdout, exactly one stderr line `ledger-check: …` with both languages, the
 * clerk's language first, no stack trace, no zod dump, no raw error code. Returns the line.
 */
export function mustRefuse(r: CliRun, expect: RefusalExpectation = {}): string {
  must(!r.hung, "never ended (killed by the hang guard)");
  must(r.signal === null, `killed by ${r.signal ?? ""}; stderr: ${firstLines(r.stderr)}`);
  must(r.code === 2, `exit code ${r.code}, not 2; stderr: ${firstLines(r.stderr)}`);
  must(r.stdout === "", `printed on stdout: ${firstLines(r.stdout)}`);
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  must(lines.length === 1, `${lines.length} lines on stderr, not one: ${firstLines(r.stderr)}`);
  const line = lines[0]!;
  must(r.stderr.endsWith("\n"), "the message does not end with a newline");
  must(line.startsWith("ledger-check: "), `does not start with "ledger-check: ": ${line}`);
  must(!/\bat .*:\d+:\d+/.test(line), `a stack frame: ${line}`);
  must(!RAW_CODE.test(line), `a raw error code: ${line}`);
  must(!/：\[$|: \[$|"code":|"path":/.test(line), `a schema dump: ${line}`);
  const body = line.slice("ledger-check: ".length);
  must(CJK.test(body), `no Chinese: ${line}`);
  must(/[A-Za-z]{3,} [A-Za-z]{2,}/.test(body), `no English: ${line}`);
  // Which language comes first, told apart from quoted names, paths and option names (any script).
  const prose = body
    .replace(/“[^”]*”|"[^"]*"|'[^']*'/g, "")
    .replace(/--?[\w-]+/g, "")
    .replace(/\S*[/\\]\S*/g, "");
  const firstCjk = prose.search(CJK);
  const firstWord = prose.search(/[A-Za-z]{3,}/);
  if (expect.englishFirst) must(firstWord < firstCjk, `--lang en but Chinese comes first: ${line}`);
  else must(firstCjk < firstWord || firstWord < 0, `English comes first: ${line}`);
  for (const m of expect.mentions ?? []) must(line.includes(m), `does not mention “${m}”: ${line}`);
  return line;
}

/** The run checked the ledger: exit 0 or 1, no stack trace. */
export function mustCheck(r: CliRun): void {
  must(!r.hung, "never ended (killed by the hang guard)");
  must(r.signal === null, `killed by ${r.signal ?? ""}; stderr: ${firstLines(r.stderr)}`);
  must(r.code === 0 || r.code === 1, `exit code ${r.code}; stderr: ${firstLines(r.stderr)}`);
  must(!/\bat .*:\d+:\d+/.test(r.stderr), `a stack trace on stderr: ${firstLines(r.stderr)}`);
}

export function firstLines(text: string, n = 3): string {
  const lines = text.split("\n").filter((l) => l !== "");
  const shown = lines.slice(0, n).join(" ⏎ ");
  return (lines.length > n ? `${shown} ⏎ …` : shown).slice(0, 600) || "(nothing)";
}
