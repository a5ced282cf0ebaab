import "./error-words.js";
import { isAbsolute, relative, resolve } from "node:path";
import {
  bulletinDocxOf,
  checkWorkbook,
  markWorkbook,
  writeBulletin,
  writeNotices,
  type Stage,
} from "../app/check-workbook.js";
import { collect } from "./collect.js";
import { NODE_ZLIB } from "./node-zlib.js";
import { bulletinMissing, missingHint } from "../core/bulletin/names-hint.js";
import { ConfigSchema, type ConfigInput } from "../core/config.js";
import { localToday } from "../core/dates.js";
import { LedgerError } from "../core/errors.js";
import { fill, LANGS, type Lang } from "../core/i18n.js";
import { openWorkbookFile } from "../hosts/xlsx/open.js";
import { readInputFile } from "./input-file.js";
import { messageLang, parseCommandLine, switches, type Options } from "./options.js";
import { prepareNoticesFolder, writeNoticesFolder, type NoticesFolder } from "./notices-folder.js";
import { mustHaveExtension, prepareOutput, realLocation, writeOutput, type OutputTarget } from "./output-file.js";
import { readPrevious } from "./previous.js";
import { terminalSafe } from "./terminal-safe.js";
import { formatReport } from "./terminal-table.js";
import { CLI_WORDS } from "./words.js";

/** Exit codes: the public contract of the command line. */
export const EXIT = { clean: 0, errors: 1, failed: 2 } as const;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress is shown only then). */
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
}

/**
 * The process's own streams. A reader that stops early (`ledger-check … --json | head`) closes
 * the pipe, and Node reports EPIPE as an error event that, unhandled, ends the process with a
 * stack trace, possibly before the copy is written. What is left to say is dropped instead and
 * the run goes on to its end and its exit code, as `grep … | head` does. Any other failure to
 * write (a full disk behind `> report.json`) is said in one line and makes the exit code 2.
 */
function processIo(): Io {
  const open = { stdout: true, stderr: true };
  let failed = false;
  for (const name of ["stdout", "stderr"] as const) {
    process[name].on("error", (e: NodeJS.ErrnoException) => {
      open[name] = false;
      if (e.code === "EPIPE") return;
      failed = true;
      if (open.stderr)
        process.stderr.write(
          `ledger-check: 无法写出${name === "stdout" ? "结果" : "提示"}（${e.code ?? e.message}）/ could not write to ${name}\n`,
        );
    });
  }
  process.on("exit", () => {
    if (failed) process.exitCode = EXIT.failed;
  });
  return {
    stdout: (t) => void (open.stdout && process.stdout.write(t)),
    stderr: (t) => void (open.stderr && process.stderr.write(t)),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
  };
}

let processStreams: Io | undefined;

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: Io = (processStreams ??= processIo())): Promise<number> {
  // Refusals of the command line itself are written before --lang is parsed (it may be what fails).
  const lang = messageLang(argv);
  try {
    const line = parseCommandLine(argv, io.stdout);
    if (line.kind === "done") return line.code;
    return await run(line.file, line.options, io);
  } catch (e) {
    // A path or a sheet name in the message may carry control characters from the clerk's file.
    // On a terminal the progress line may still stand where the refusal starts: cleared first.
    io.stderr(`${io.stderrIsTTY ? "\r\x1b[K" : ""}ledger-check: ${terminalSafe(oneLine(e, lang))}\n`);
    return EXIT.failed;
  }
}

/** The checked options (options.ts declares each option, with its range, and refuses bad values). */
async function run(file: string, opts: Options, io: Io): Promise<number> {
  const config = ConfigSchema.parse({
    today: opts.today ?? localToday(),
    lang: opts.lang,
    ...(opts.dueSoonDays !== undefined ? { dueSoonDays: opts.dueSoonDays } : {}),
    ...(opts.headerRow !== undefined ? { headerRow: opts.headerRow } : {}),
    ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}),
    ...switches(opts.disable),
    ...(opts.watchDays !== undefined ? { notices: { watchDays: opts.watchDays } } : {}),
    bulletin: {
      body: opts.body,
      inspection: opts.inspection,
      title: opts.title,
      issuer: opts.issuer,
      kind: opts.kind,
      recipient: opts.recipient,
      date: opts.date,
      feedbackDate: opts.feedbackDate,
    },
  } satisfies ConfigInput);

  const progress = io.stderrIsTTY ? progressPrinter(io, opts.lang) : undefined;
  progress?.("open");
  const path = absolute(file);
  const input = await readInputFile(path, file);
  // Every output is checked before the work, so a refused target costs the clerk no wait.
  const target = opts.out !== undefined ? await prepareOutput(absolute(opts.out), opts.out, input, "--out") : undefined;
  const docx =
    opts.docx !== undefined ? await prepareOutput(absolute(opts.docx), opts.docx, input, "--docx") : undefined;
  const folder =
    opts.notices !== undefined ? await prepareNoticesFolder(absolute(opts.notices), opts.notices) : undefined;
  await mustBeApart(target, docx, folder);
  if (docx) mustHaveExtension(docx, "docx");
  const port = await openWorkbookFile(input.bytes, path, { zlib: NODE_ZLIB });
  // The copy keeps the workbook's kind (an .xlsm its macros), so its name must say that kind.
  if (target) mustHaveExtension(target, port.copyExtension);
  // A copy ledger-check wrote carries its own snapshot, which the port reads when none is named.
  const previous = opts.previous !== undefined ? await readPrevious(absolute(opts.previous), opts.previous) : undefined;
  const check = await checkWorkbook(port, config, progress, file, previous ? { previous } : {});

  if (target) {
    // What the marks and the generated sheets leave is garbage before the package is put together (collect.ts).
    await markWorkbook(port, check, progress);
    collect();
    await writeBulletin(port, check, progress);
    await writeNotices(port, check, config);
    collect();
    await writeOutput(target, await port.toBuffer(), input);
  }
  if (docx) await writeOutput(docx, await bulletinDocxOf(check), input);
  const notices =
    opts.notices !== undefined ? await writeNoticesFolder(folder!, check, config, opts.lang, input) : undefined;
  // Names the title rows did not give: the bulletin leaves them out, and the clerk is asked.
  const missing = target || docx ? bulletinMissing(check) : [];
  if (missing.length > 0) io.stderr(`${missingHint(missing, opts.lang)}\n`);
  if (progress) io.stderr("\r\x1b[K");

  const report = check.report;
  if (opts.json) {
    // Indented for a person at a terminal; compact into a pipe or file, where a program reads it
    // (a 50,000-row report is 15 MB indented, 8 MB compact). Its shape is ReportSchema's: the
    // tests hold the CLI's output to it, so the run does not pay to check its own work again.
    io.stdout(`${JSON.stringify(report, null, io.stdoutIsTTY ? 2 : undefined)}\n`);
  } else {
    io.stdout(`${formatReport(report, { color: opts.color && io.stdoutIsTTY, file })}\n`);
    if (opts.out) io.stdout(`${fill(CLI_WORDS[opts.lang].written, { path: terminalSafe(opts.out) })}\n`);
    if (opts.docx) io.stdout(`${fill(CLI_WORDS[opts.lang].writtenDocx, { path: terminalSafe(opts.docx) })}\n`);
    if (opts.notices !== undefined)
      io.stdout(
        notices
          ? `${fill(CLI_WORDS[opts.lang].writtenNotices, { count: notices, path: terminalSafe(opts.notices) })}\n`
          : `${CLI_WORDS[opts.lang].noNotices}\n`,
      );
  }
  return report.summary.errors > 0 && !opts.exitZero ? EXIT.errors : EXIT.clean;
}

/**
 * A path from the command line made absolute. A relative one needs the current folder, which may
 * have been deleted or moved under the shell (Node's cwd() then throws `uv_cwd`).
 */
function absolute(path: string): string {
  try {
    return resolve(path);
  } catch {
    throw new LedgerError("cwd-gone", { path });
  }
}

/**
 * The copy and the bulletin in one file would leave only the one written last; either inside the
 * notices folder would be replaced by a notice, or stop the notices as a file not ours.
 */
async function mustBeApart(out?: OutputTarget, docx?: OutputTarget, folder?: NoticesFolder): Promise<void> {
  // Compared where they really are: a folder reached through a symbolic link is the same folder.
  const files = await Promise.all(
    [out, docx]
      .filter((t): t is OutputTarget => t !== undefined)
      .map(async (t) => ({ shown: t.shown, at: await realLocation(resolve(t.shown)) })),
  );
  if (files.length === 2 && files[0]!.at === files[1]!.at)
    throw new LedgerError("outputs-clash", { path: docx!.shown });
  if (!folder) return;
  const into = await realLocation(folder.path);
  for (const f of files) {
    const inside = relative(into, f.at);
    if (inside === "" || (!inside.startsWith("..") && !isAbsolute(inside)))
      throw new LedgerError("outputs-clash", { path: f.shown });
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

function progressPrinter(io: Io, lang: Lang) {
  const names = CLI_WORDS[lang].stages;
  return (stage: Stage, done?: number, total?: number) => {
    const name = names[stage];
    const count = done !== undefined && total ? ` ${done}/${total}` : "";
    io.stderr(`\r\x1b[K${name}…${count}`);
  };
}
