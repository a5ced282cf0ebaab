import "./error-words.js";
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import type { ConfigInput } from "../core/config.js";
import { parseIsoDate } from "../core/dates.js";
import { LANGS, type Lang } from "../core/i18n.js";
import { PAPER_ONLY_REASONS, RULE_IDS } from "../core/report.js";
import { LedgerError } from "../core/errors.js";
import { MAX_ROW } from "../core/grid.js";

/**
 * The command line's options. Commander splits the words; every value is checked here, so each
 * refusal is one of ours (bilingual, the clerk's language first) and never commander's English
 * or a schema dump: commander's own error output is switched off and its errors translated.
 */

export interface Options {
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
  /** 巡视 or 巡察, 主送机关, 成文日期 and the Word file of the bulletin. */
  kind?: "巡视" | "巡察";
  recipient?: string;
  date?: string;
  feedbackDate?: string;
  docx?: string;
  /** A folder for the 督办清单: one Word notice per department and one workbook with all. */
  notices?: string;
  color: boolean;
  exitZero?: boolean;
  previous?: string;
  watchDays?: number;
}

export type CommandLine = { kind: "run"; file: string; options: Options } | { kind: "done"; code: number };

/** Limits of the numeric options (the config schema's, and Excel's last row). */
export const DUE_SOON_DAYS = { min: 0, max: 365 } as const;
export const HEADER_ROW = { min: 1, max: MAX_ROW } as const;
export const WATCH_DAYS = { min: 0, max: 365 } as const;

interface RawOptions extends Omit<Options, "lang" | "dueSoonDays" | "headerRow" | "watchDays" | "kind"> {
  lang: string;
  kind?: string;
  dueSoonDays?: string;
  headerRow?: string;
  watchDays?: string;
  version?: boolean;
}

/**
 * Parses argv (without node and the script). `--help` prints the help and gives `done`; a bad
 * command line throws a LedgerError (code `bad-option`).
 */
export function parseCommandLine(argv: string[], writeOut: (text: string) => void): CommandLine {
  const program = buildProgram(writeOut);
  const given = valuesGiven(program);
  try {
    program.parse(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.help") return { kind: "done", code: 0 };
      throw translate(e);
    }
    throw e;
  }
  for (const [option, values] of given)
    if (new Set(values).size > 1) throw new LedgerError("repeated-option", { option, values });
  const raw = program.opts<RawOptions>();
  if (raw.version) {
    writeOut(`ledger-check ${packageVersion()}\n`);
    return { kind: "done", code: 0 };
  }
  const files = program.args;
  if (files.length === 0) throw new LedgerError("no-file");
  if (files.length > 1) throw new LedgerError("two-files", { n: files.length, files });
  if (files[0] === "") throw new LedgerError("no-file");
  const flags = new Set(program.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => !!f));
  return { kind: "run", file: files[0]!, options: validate(raw, flags) };
}

/** The language refusals are written in, read before parsing (which may be what fails). */
export function messageLang(argv: string[]): Lang {
  let lang: Lang = "zh";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") break;
    const value =
      a === "--lang" || a === "-l"
        ? argv[i + 1]
        : a.startsWith("--lang=")
          ? a.slice(7)
          : a.startsWith("-l") && a.length > 2
            ? a.slice(2)
            : undefined;
    if (value !== undefined) lang = value === "en" ? "en" : "zh";
  }
  return lang;
}

function buildProgram(writeOut: (text: string) => void): Command {
  const rules = [...RULE_IDS, ...PAPER_ONLY_REASONS].join(", ");
  return new Command()
    .name("ledger-check")
    .description("整改台账校验助手: check a rectification ledger (.xlsx or .csv) and write its progress bulletin")
    .argument("[file]", "ledger workbook (.xlsx) or CSV (UTF-8 or GBK)")
    .option("-s, --sheet <name>", "ledger sheet (default: detected from the headers)")
    .option("-t, --today <YYYY-MM-DD>", "check date (default: today)")
    .option("-l, --lang <zh|en>", "language of messages and bulletin; refusals put this language first", "zh")
    .option("--json", "print the report as JSON (the documented contract)")
    .option("-o, --out <file.xlsx>", "write a marked copy with the 整改通报 bulletin sheet")
    .option(
      "--due-soon-days <n>",
      `flag unfinished tasks due within n days (${DUE_SOON_DAYS.min}–${DUE_SOON_DAYS.max})`,
    )
    .option("--header-row <n>", "header row number (default: detected)")
    .option("--disable <rule>", `turn a rule or paper-only check off (repeatable): ${rules}`, collect, [])
    .option("--body <name>", "inspected body for the bulletin (default: from the title rows)")
    .option("--inspection <name>", "inspection name for the bulletin (default: from the title rows)")
    .option("--title <text>", "bulletin title (overrides the generated one)")
    .option("--issuer <text>", "issuing body printed under the bulletin")
    .option("--kind <巡视|巡察>", "巡视 or 巡察, when the title rows do not say which (never guessed)")
    .option("--recipient <text>", '主送机关 of the bulletin ("" for none)')
    .option("--date <YYYY-MM-DD>", "成文日期 of the bulletin (default: the check date)")
    .option("--feedback-date <YYYY-MM-DD>", "when the inspection gave its feedback (the bulletin's opening says it)")
    .option("--docx <file.docx>", "write the bulletin as a Word document (GB/T 9704 layout)")
    .option("--notices <folder>", "write the 督办清单: one Word notice per department and one .xlsx with all of them")
    .option("--no-color", "no colours in the terminal output")
    .option("--exit-zero", "exit 0 even when errors are found (2 still means it could not check)")
    .option(
      "--watch-days <n>",
      `督办清单: green for unfinished tasks due within n days (${WATCH_DAYS.min}–${WATCH_DAYS.max}, default 20)`,
    )
    .option("--previous <file>", "compare with an earlier check: its marked copy (--out) or --json report")
    .option("-V, --version", "print the version")
    .allowExcessArguments(true)
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut, writeErr: () => {}, outputError: () => {} });
}

/**
 * The package's version, read when asked: package.json is two folders up from this module both
 * as compiled into the bundle (lib/bundle/) and as the source the tests run (src/cli/).
 */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Every value each option is given. Commander keeps the last of a repeated option, so
 * `--today 2025-07-01 … --today 2025-06-01` (a line edited in the shell's history) would check
 * silently as of the second date; a repeat with another value is refused instead.
 */
function valuesGiven(program: Command): Map<string, string[]> {
  const given = new Map<string, string[]>();
  for (const option of program.options) {
    // Flags carry no value to disagree on; --disable is repeatable by design.
    if (!option.required || option.variadic || option.long === "--disable") continue;
    const name = option.long!;
    program.on(`option:${option.name()}`, (value: string) => {
      given.set(name, [...(given.get(name) ?? []), value]);
    });
  }
  return given;
}

function translate(e: CommanderError) {
  // Commander's messages quote the flag: `error: unknown option '--frob'`,
  // `error: option '-t, --today <YYYY-MM-DD>' argument missing`.
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? "";
  const long = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
  switch (e.code) {
    case "commander.unknownOption":
      return new LedgerError("unknown-option", { option: quoted });
    case "commander.optionMissingArgument":
    case "commander.missingMandatoryOptionValue":
      return new LedgerError("missing-value", { option: long });
    case "commander.missingArgument":
      return new LedgerError("no-file");
    default:
      return new LedgerError("bad-option", { option: long || "?", value: "" });
  }
}

function validate(raw: RawOptions, flags: ReadonlySet<string>): Options {
  if (!(LANGS as readonly string[]).includes(raw.lang)) throw new LedgerError("bad-lang", { value: raw.lang });
  if (raw.today !== undefined && parseIsoDate(raw.today) === null)
    throw new LedgerError("bad-date", { option: "--today", value: raw.today });
  if (raw.date !== undefined && parseIsoDate(raw.date) === null)
    throw new LedgerError("bad-date", { option: "--date", value: raw.date });
  if (raw.feedbackDate !== undefined && parseIsoDate(raw.feedbackDate) === null)
    throw new LedgerError("bad-date", { option: "--feedback-date", value: raw.feedbackDate });
  if (raw.kind !== undefined && raw.kind !== "巡视" && raw.kind !== "巡察")
    throw new LedgerError("bad-option", { option: "--kind", value: raw.kind });
  for (const [flag, value] of [
    ["--out", raw.out],
    ["--docx", raw.docx],
    ["--notices", raw.notices],
    ["--sheet", raw.sheet],
    ["--previous", raw.previous],
  ] as const) {
    if (value === "") throw new LedgerError("empty-value", { option: flag });
    // `--notices --json`: the option took the next one for its value, and a folder named `--json` would be made.
    if (value !== undefined && flags.has(value)) throw new LedgerError("missing-value", { option: flag });
  }
  const { lang: _lang, dueSoonDays: _days, headerRow: _row, watchDays: _watch, kind: _kind, ...rest } = raw;
  return {
    ...rest,
    lang: raw.lang as Lang,
    ...(raw.kind === "巡视" || raw.kind === "巡察" ? { kind: raw.kind } : {}),
    ...(raw.dueSoonDays !== undefined ? { dueSoonDays: whole("--due-soon-days", raw.dueSoonDays, DUE_SOON_DAYS) } : {}),
    ...(raw.headerRow !== undefined ? { headerRow: whole("--header-row", raw.headerRow, HEADER_ROW) } : {}),
    ...(raw.watchDays !== undefined ? { watchDays: whole("--watch-days", raw.watchDays, WATCH_DAYS) } : {}),
  };
}

function whole(option: string, value: string, range: { min: number; max: number }): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max)
    throw new LedgerError("out-of-range", { option, value, ...range });
  return n;
}

/** `--disable a,b --disable c` as the config's rule and paper-only switches. */
export function switches(disabled: string[]): Pick<ConfigInput, "rules" | "paperOnly"> {
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

function collect(v: string, acc: string[]): string[] {
  return [...acc, v];
}
