import { buildBulletin, resolveNames } from "../core/bulletin/build.js";
import { layoutFindingsSheet } from "../core/bulletin/findings-sheet.js";
import { layoutBulletin } from "../core/bulletin/layout.js";
import type { Bulletin } from "../core/bulletin/model.js";
import {
  checkGrid,
  otherLedgersNotice,
  rankLedgerSheets,
  unfilledMarksNotice,
  unrelatedPreviousNotice,
  type CheckResult,
} from "../core/check.js";
import type { Notice } from "../core/report.js";
import type { Config } from "../core/config.js";
import { LedgerError, noLedgerError } from "../core/errors.js";
import { HEADER_SEARCH_ROWS } from "../core/ledger/detect.js";
import { marksFromFindings } from "../core/marks.js";
import {
  buildNotices,
  noticeDocument,
  noticesDocument,
  type DepartmentNotice,
  type NoticeOptions,
} from "../core/notices/build.js";
import { NOTICE_WORDS } from "../core/notices/words.js";
import { compareWithSnapshot } from "../core/progress/compare.js";
import { reasonTitle } from "../core/rules/index.js";
import { snapshotKeys, takeSnapshot, type Snapshot } from "../core/progress/snapshot.js";
import type { SheetDocument } from "../core/sheet-document.js";
import type { SheetInfo, WorkbookPort } from "../hosts/workbook.js";

/**
 * The one-click job, host-agnostic: find the ledger sheet, read it, check it, and (on
 * request) mark it and write the bulletin. The CLI, the browser preview and the task pane
 * all run this same sequence through their own WorkbookPort.
 */

export type Stage = "open" | "detect" | "read" | "check" | "mark" | "bulletin";

/**
 * Hears each stage as it starts. The job awaits it before the stage runs, so a UI can paint the
 * stage first (the task pane yields to the browser there); the read's running row counts come
 * from inside the host and are not awaited.
 */
export interface Progress {
  (stage: Stage, done?: number, total?: number): void | Promise<void>;
}

export interface WorkbookCheck extends CheckResult {
  sheets: SheetInfo[];
  /** Bulletin options with what the ledger's title rows say filled in. */
  bulletin: Config["bulletin"];
  /** The check's due-soon window, which the bulletin names. */
  dueSoonDays: number;
}

export interface CheckOptions {
  /**
   * The check to compare with: a snapshot from an earlier checked copy or `--json` report, or
   * null for none. Absent: the snapshot the workbook's own state holds, if its host keeps one.
   */
  previous?: Snapshot | null;
}

export async function checkWorkbook(
  port: WorkbookPort,
  config: Config,
  progress: Progress = () => {},
  file?: string,
  options: CheckOptions = {},
): Promise<WorkbookCheck> {
  await progress("detect");
  const sheets = await port.listSheets();
  const candidates = sheets.filter((s) => !s.generated);
  let sheet: string;
  let others: Notice | null = null;
  if (config.sheet !== undefined) {
    if (!sheets.some((s) => s.name === config.sheet)) {
      throw new LedgerError("sheet-not-found", { sheet: config.sheet, sheets: sheets.map((s) => s.name) });
    }
    // Our own bulletin read as a ledger would be "checked" and pass.
    if (sheets.some((s) => s.name === config.sheet && s.generated))
      throw new LedgerError("generated-sheet", { sheet: config.sheet });
    sheet = config.sheet;
  } else {
    const withData = candidates.filter((s) => s.rowCount > 0);
    if (withData.length === 0) {
      throw new LedgerError("empty-workbook");
    }
    // Visible sheets first: a hidden sheet wins only when no visible one holds a ledger.
    const ordered = [...withData.filter((s) => s.visible), ...withData.filter((s) => !s.visible)];
    if (ordered.length === 1) {
      // One candidate: read it whole at once (in Excel that saves a round trip); the check
      // itself says when it holds no ledger.
      sheet = ordered[0]!.name;
    } else {
      const heads = [];
      for (const s of ordered) heads.push(await port.readGrid(s.name, { maxRows: HEADER_SEARCH_ROWS }));
      const facts = new Map(ordered.map((s) => [s.name, { rowCount: s.rowCount, visible: s.visible }]));
      const ranked = rankLedgerSheets(heads, config, facts);
      if (ranked.length === 0) throw noLedgerError(ordered.map((s) => s.name));
      sheet = ranked[0]!.sheet;
      others = otherLedgersNotice(ranked, facts, config.lang);
    }
  }

  await progress("read", 0, 1);
  const grid = await port.readGrid(sheet, { onProgress: (done, total) => void progress("read", done, total) });
  await progress("check");
  const result = checkGrid(grid, config, file);
  if (others) result.report.notices.push(others);
  const { body, inspection } = result.ledger.title;
  const { ledger, report } = result;
  const previous = options.previous !== undefined ? options.previous : ((await port.readSnapshot?.()) ?? null);
  // The keys are hashed once, for this check's snapshot, and the comparison reads them from it.
  const snapshot = takeSnapshot(ledger, report.findings, config.today);
  if (previous) {
    const progress = compareWithSnapshot(ledger, report.findings, previous, snapshotKeys(snapshot));
    const unrelated =
      progress.before.tasks > 0 && ledger.tasks.length > 0 && progress.removed === progress.before.tasks;
    if (unrelated) report.notices.push(unrelatedPreviousNotice(previous.date, config.lang));
    else report.progress = progress;
  }
  report.snapshot = snapshot;
  return {
    ...result,
    sheets,
    bulletin: { ...definedOnly({ body, inspection }), ...definedOnly(config.bulletin) },
    dueSoonDays: config.dueSoonDays,
  };
}

/** Fills and notes on the flagged cells (replacing earlier marks); returns how many cells. */
export async function markWorkbook(
  port: WorkbookPort,
  check: WorkbookCheck,
  progress: Progress = () => {},
): Promise<number> {
  await progress("mark");
  const marks = marksFromFindings(check.findings, check.report.lang);
  const written = await port.writeMarks(check.report.sheet, marks, check.report.snapshot);
  if (written && written.unfilled > 0)
    check.report.notices.push(unfilledMarksNotice(written.unfilled, check.report.lang));
  return marks.length;
}

/** The bulletin of a check, as the sheet and the Word file both print it. */
export function bulletinOf(check: WorkbookCheck): Bulletin {
  return buildBulletin(check.report, check.ledger, {
    lang: check.report.lang,
    bulletin: check.bulletin,
    dueSoonDays: check.dueSoonDays,
  });
}

/** The bulletin as .docx bytes (the pane: `new Blob([bytes], { type: DOCX_MIME })`). */
/** Loaded on first use: the docx package would otherwise sit in the pane's initial bundle (its 260 KB gzip budget). */
const docxModule = () => import("../core/bulletin/docx.js");

export async function bulletinDocxOf(check: WorkbookCheck): Promise<Uint8Array> {
  const { bulletinDocx } = await docxModule();
  return bulletinDocx(bulletinOf(check), check.report.lang);
}

/**
 * Writes the 整改通报 sheet, then the 校验明细 sheet (every finding with its cell, for the
 * clerk; the bulletin names no cell); returns the bulletin sheet's name (never a sheet of the user's).
 */
export async function writeBulletin(
  port: WorkbookPort,
  check: WorkbookCheck,
  progress: Progress = () => {},
): Promise<string> {
  await progress("bulletin");
  const lang = check.report.lang;
  const [name] = await port.writeSheets([
    layoutBulletin(bulletinOf(check), lang),
    layoutFindingsSheet(check.report, lang),
  ]);
  return name!;
}

export function noticeOptions(check: WorkbookCheck, config: Pick<Config, "dueSoonDays" | "notices">): NoticeOptions {
  // The names the bulletin uses (options over title rows), for the notice's title and signature.
  const names = resolveNames(check.bulletin, check.ledger.title);
  return {
    lang: check.report.lang,
    dueSoonDays: config.dueSoonDays,
    watchDays: Math.max(config.notices.watchDays, config.dueSoonDays),
    replyDays: config.notices.replyDays,
    reasonName: reasonTitle,
    ...definedOnly({ issuer: names.issuer, body: names.body, inspection: names.inspection, kind: names.kind }),
  };
}

/** The 督办清单 of a check: one notice per department with something to act on, built once for every output. */
export interface NoticeSet {
  notices: DepartmentNotice[];
  options: NoticeOptions;
  today: string;
}

export function noticeSet(check: WorkbookCheck, config: Pick<Config, "dueSoonDays" | "notices">): NoticeSet {
  const options = noticeOptions(check, config);
  return { notices: buildNotices(check.report, check.ledger, options), options, today: check.report.today };
}

/** The notices as one sheet, department after department (with none, one paragraph that says so). */
export function noticeSheet({ notices, options, today }: NoticeSet): SheetDocument {
  return {
    ...layoutBulletin(noticesDocument(notices, today, options), options.lang),
    name: NOTICE_WORDS[options.lang].sheetName,
  };
}

/** Each department's notice as a Word document (the bulletin's 公文 layout). */
export async function noticeDocxFiles({
  notices,
  options,
  today,
}: NoticeSet): Promise<{ department: string; bytes: Uint8Array }[]> {
  if (notices.length === 0) return [];
  const { bulletinDocx } = await docxModule();
  const files = [];
  for (const n of notices)
    files.push({
      department: n.department,
      bytes: await bulletinDocx(noticeDocument(n, today, options), options.lang),
    });
  return files;
}

/**
 * Writes the 督办清单 sheet, department after department; returns its name, or null when no
 * department has anything to act on: then no sheet is added, and a list of ours from an earlier
 * check is rewritten to say so (left as it was, it would send a unit after a task done since).
 */
export async function writeNotices(
  port: WorkbookPort,
  check: WorkbookCheck,
  config: Pick<Config, "dueSoonDays" | "notices">,
): Promise<string | null> {
  const set = noticeSet(check, config);
  const sheet = noticeSheet(set);
  if (set.notices.length > 0) return (await port.writeSheets([sheet]))[0]!;
  const name = sheet.name.toLowerCase();
  if ((await port.listSheets()).some((s) => s.generated && s.name.toLowerCase() === name))
    await port.writeSheets([sheet]);
  return null;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}
