import { readFile, realpath, writeFile, mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { checkWorkbook, markWorkbook, writeBulletin, type Stage } from "../app/check-workbook.js";
import { ConfigSchema, type ConfigInput } from "../core/config.js";
import { localToday, parseIsoDate } from "../core/dates.js";
import { LedgerError } from "../core/errors.js";
import { fill, LANGS, LangSchema, type Lang } from "../core/i18n.js";
import { PAPER_ONLY_REASONS, RULE_IDS, ReportSchema } from "../core/report.js";
import { openWorkbookFile } from "../hosts/xlsx/open.js";
import { readPrevious } from "./previous.js";
import { formatReport } from "./terminal-table.js";
import { CLI_WORDS } from "./words.js";

/** Exit codes: the public contract of the command line. */
export const EXIT = { clean: 0, errors: 1, failed: 2 } as const;

interface Options {
  sheet?: string;
  today?: string;
  lang: Lang;
  json?: boolean;
  out?: string;
  dueSoonDays?: number;
  headerRow?: number;
  disable: string[];
  body?: string;
  inspection?: string;
  title?: string;
  issuer?: string;
  color: boolean;
  exitZero?: boolean;
  previous?: string;
}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown only then). */
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
}

const defaultIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
};

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const program = buildProgram(io);
  let file: string;
  let opts: Options;
  try {
    program.parse(argv, { from: "user" });
    file = program.args[0]!;
    opts = program.opts<Options>();
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.clean : EXIT.failed;
    throw e;
  }
  const lang = opts.lang;
  try {
    return await run(file, opts, io);
  } catch (e) {
    io.stderr(`ledger-check: ${oneLine(e, lang)}\n`);
    return EXIT.failed;
  }
}

function buildProgram(io: Io): Command {
  const rules = [...RULE_IDS, ...PAPER_ONLY_REASONS].join(", ");
  return new Command()
    .name("ledger-check")
    .description("整改台账校验助手: check a rectification ledger (.xlsx or .csv) and write its progress bulletin")
    .argument("<file>", "ledger workbook (.xlsx) or CSV (UTF-8 or GBK)")
    .option("-s, --sheet <name>", "ledger sheet (default: detected from the headers)")
    .option("-t, --today <YYYY-MM-DD>", "check date (default: today)", isoDateArg)
    .option("-l, --lang <zh|en>", "language of messages and bulletin", langArg, "zh")
    .option("--json", "print the report as JSON (the documented contract)")
    .option("-o, --out <file.xlsx>", "write a marked copy with the 整改通报 bulletin sheet")
    .option("--due-soon-days <n>", "flag unfinished tasks due within n days", intArg, undefined)
    .option("--header-row <n>", "header row number (default: detected)", intArg, undefined)
    .option("--disable <rule>", `turn a rule or paper-only check off (repeatable): ${rules}`, collect, [])
    .option("--body <name>", "inspected body for the bulletin (default: from the title rows)")
    .option("--inspection <name>", "inspection name for the bulletin (default: from the title rows)")
    .option("--title <text>", "bulletin title (overrides the generated one)")
    .option("--issuer <text>", "issuing body printed under the bulletin")
    .option("--previous <file>", "compare with an earlier check: its marked copy (--out) or --json report")
    .option("--no-color", "no colours in the terminal output")
    .option("--exit-zero", "exit 0 even when errors are found (2 still means it could not check)")
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (str, write) => write(`ledger-check: ${str.replace(/^error: /, "").trim()}\n`),
    });
}

async function run(file: string, opts: Options, io: Io): Promise<number> {
  const config = ConfigSchema.parse({
    today: opts.today ?? localToday(),
    lang: opts.lang,
    ...(opts.dueSoonDays !== undefined ? { dueSoonDays: opts.dueSoonDays } : {}),
    ...(opts.headerRow !== undefined ? { headerRow: opts.headerRow } : {}),
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    ...switches(opts.disable),
    bulletin: { body: opts.body, inspection: opts.inspection, title: opts.title, issuer: opts.issuer },
  } satisfies ConfigInput);

  const progress = io.stderrIsTTY ? progressPrinter(io, opts.lang) : undefined;
  progress?.("open");
  const path = resolve(file);
  const bytes = await readInput(path);
  const port = await openWorkbookFile(new Uint8Array(bytes), path);
  // A copy ledger-check wrote carries its own snapshot, which the port reads when none is named.
  const previous = opts.previous !== undefined ? await readPrevious(resolve(opts.previous)) : undefined;
  const check = await checkWorkbook(port, config, progress, file, previous ? { previous } : {});

  if (opts.out) {
    const out = resolve(opts.out);
    if (out === path || (await sameFile(out, path))) {
      throw new LedgerError("same-file");
    }
    await markWorkbook(port, check, progress);
    await writeBulletin(port, check, progress);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, await port.toBuffer());
  }
  if (progress) io.stderr("\r\x1b[K");

  const report = check.report;
  if (opts.json) {
    io.stdout(`${JSON.stringify(ReportSchema.parse(report), null, 2)}\n`);
  } else {
    io.stdout(`${formatReport(report, { color: opts.color && io.stdoutIsTTY, file })}\n`);
    if (opts.out) io.stdout(`${fill(CLI_WORDS[opts.lang].written, { path: opts.out })}\n`);
  }
  return report.summary.errors > 0 && !opts.exitZero ? EXIT.errors : EXIT.clean;
}

async function readInput(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new LedgerError("file-not-found", { path });
    if (code === "EISDIR") throw new LedgerError("not-a-file", { path });
    throw new LedgerError("unreadable", { path, reason: code });
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    return (await realpath(a)) === (await realpath(b));
  } catch {
    return false;
  }
}

/**
 * One line a clerk can act on, in their language first and then the other; never a stack trace.
 * An error that is not a LedgerError is a failed check, rendered from the catalogue like any other.
 */
function oneLine(e: unknown, lang: Lang): string {
  const error =
    e instanceof LedgerError
      ? e
      : new LedgerError("check-failed", { detail: e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e) });
  const other = LANGS.filter((l) => l !== lang);
  return `${error.text[lang]} (${other.map((l) => error.text[l]).join(") (")})`;
}

function switches(disabled: string[]): Pick<ConfigInput, "rules" | "paperOnly"> {
  const rules: Record<string, boolean> = {};
  const paperOnly: Record<string, boolean> = {};
  for (const name of disabled
    .flatMap((d) => d.split(","))
    .map((d) => d.trim())
    .filter(Boolean)) {
    if ((RULE_IDS as readonly string[]).includes(name)) rules[name] = false;
    else if ((PAPER_ONLY_REASONS as readonly string[]).includes(name)) paperOnly[name] = false;
    else throw new LedgerError("unknown-rule", { name });
  }
  return { rules, paperOnly };
}

function progressPrinter(io: Io, lang: Lang) {
  const names = CLI_WORDS[lang].stages;
  return (stage: Stage, done?: number, total?: number) => {
    const name = names[stage];
    const count = done !== undefined && total ? ` ${done}/${total}` : "";
    io.stderr(`\r\x1b[K${name}…${count}`);
  };
}

function isoDateArg(v: string): string {
  const d = parseIsoDate(v);
  if (!d) throw expected("date");
  return d;
}

function langArg(v: string): Lang {
  const lang = LangSchema.safeParse(v);
  if (!lang.success) throw expected("lang");
  return lang.data;
}

function intArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw expected("count");
  return n;
}

/**
 * Commander prints its own English words before these (the language option may not be parsed
 * yet), so the English comes first here and the Chinese after it.
 */
function expected(what: keyof (typeof CLI_WORDS)["en"]["expected"]): InvalidArgumentError {
  return new InvalidArgumentError(`${CLI_WORDS.en.expected[what]} (${CLI_WORDS.zh.expected[what]})`);
}

function collect(v: string, acc: string[]): string[] {
  return [...acc, v];
}
