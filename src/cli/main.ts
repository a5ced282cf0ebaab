import { resolve } from "node:path";
import { checkWorkbook, markWorkbook, writeBulletin, type Stage } from "../app/check-workbook.js";
import { ConfigSchema, type ConfigInput } from "../core/config.js";
import { localToday } from "../core/dates.js";
import { LedgerError } from "../core/errors.js";
import { LANGS, type Bilingual, type Lang } from "../core/i18n.js";
import { ReportSchema } from "../core/report.js";
import { openWorkbookFile } from "../hosts/xlsx/open.js";
import { readInputFile } from "./input-file.js";
import { messageLang, parseCommandLine, switches, type Options } from "./options.js";
import { prepareOutput, writeOutput } from "./output-file.js";
import { terminalSafe } from "./terminal-safe.js";
import { formatReport } from "./terminal-table.js";

/** Exit codes: the public contract of the command line. */
export const EXIT = { clean: 0, errors: 1, failed: 2 } as const;

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
  const lang = messageLang(argv);
  try {
    const line = parseCommandLine(argv, io.stdout);
    if (line.kind === "done") return line.code;
    return await run(line.file, line.options, io);
  } catch (e) {
    // Our own words only: a path or a sheet name in the message may carry control characters.
    io.stderr(`ledger-check: ${terminalSafe(oneLine(e, lang))}\n`);
    return EXIT.failed;
  }
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
  const input = await readInputFile(path, file);
  // --out is checked before the work, so a refused target costs the clerk no wait.
  const target = opts.out !== undefined ? await prepareOutput(resolve(opts.out), opts.out, input) : undefined;
  const port = await openWorkbookFile(input.bytes, path);
  const check = await checkWorkbook(port, config, progress, file);

  if (target) {
    await markWorkbook(port, check, progress);
    await writeBulletin(port, check, progress);
    await writeOutput(target, await port.toBuffer(), input);
  }
  if (progress) io.stderr("\r\x1b[K");

  const report = check.report;
  if (opts.json) {
    io.stdout(`${JSON.stringify(ReportSchema.parse(report), null, 2)}\n`);
  } else {
    io.stdout(`${formatReport(report, { color: opts.color && io.stdoutIsTTY, file })}\n`);
    if (opts.out)
      io.stdout(
        opts.lang === "zh"
          ? `已写出带标记和通报的副本：${terminalSafe(opts.out)}\n`
          : `Marked copy with bulletin written to ${terminalSafe(opts.out)}\n`,
      );
  }
  return report.summary.errors > 0 && !opts.exitZero ? EXIT.errors : EXIT.clean;
}

/**
 * One line a clerk can act on, in both languages, the chosen one first (Chinese unless
 * `--lang en`); never a stack trace.
 */
function oneLine(e: unknown, lang: Lang): string {
  const text = e instanceof LedgerError ? e.text : unexpected(e);
  const other = LANGS.find((l) => l !== lang)!;
  return `${text[lang]} (${text[other]})`;
}

/** An error we did not foresee: still both languages, and still true that nothing was changed. */
function unexpected(e: unknown): Bilingual {
  const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 300);
  return {
    zh: `校验失败，台账未改动。请把此文件和这条消息发给维护人员：${detail}`,
    en: `Check failed; nothing was changed. Please send the file and this message to the maintainers: ${detail}`,
  };
}

function progressPrinter(io: Io, lang: "zh" | "en") {
  const names: Record<Stage, [string, string]> = {
    open: ["打开文件", "opening"],
    detect: ["识别台账", "finding the ledger"],
    read: ["读取", "reading"],
    check: ["校验", "checking"],
    mark: ["标记单元格", "marking cells"],
    bulletin: ["生成通报", "writing the bulletin"],
  };
  return (stage: Stage, done?: number, total?: number) => {
    const name = names[stage][lang === "zh" ? 0 : 1];
    const count = done !== undefined && total ? ` ${done}/${total}` : "";
    io.stderr(`\r\x1b[K${name}…${count}`);
  };
}
