import "./error-words.js";
import { createHash, randomBytes } from "node:crypto";
import { constants, rmSync } from "node:fs";
import { access, mkdir, open, readdir, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { noticeDocxFiles, noticeSet, noticeSheet, type WorkbookCheck } from "../app/check-workbook.js";
import type { Config } from "../core/config.js";
import { LedgerError } from "../core/errors.js";
import { fill, type Lang } from "../core/i18n.js";
import { sheetDocumentToXlsx } from "../hosts/xlsx/blank-package.js";
import {
  code,
  makeFolders,
  mustTakeFolders,
  onExitSignals,
  outputData,
  writable,
  writeError,
  type FileIdentity,
} from "./output-file.js";
import { CLI_WORDS } from "./words.js";

/**
 * `--notices DIR`: the 督办清单 as files a clerk sends out — one Word notice per department
 * (`01_督办通知_财务科.docx`, numbered in the list's order: the unit with the most overdue
 * first) and one workbook with all of them.
 *
 * The folder is the clerk's, so it is treated as the marked copy is: nothing of theirs is ever
 * replaced. A list of what we wrote there, with each file's checksum, is kept beside the files
 * (`.ledger-check-notices.json`). The next run replaces exactly those of them nobody changed, so
 * last week's notices never stay beside this week's; any other file in the folder (the clerk's
 * own 督办清单.xlsx, a notice they edited, the ledger itself) stops the run before the check,
 * with one line. The new set is written into a temporary folder inside it first and moved in
 * only when whole, so a full disk or a killed run leaves the previous set as it was.
 */

const MANIFEST = ".ledger-check-notices.json";
/** What a file manager leaves in any folder, and our own temporary folders. */
const IGNORED = /^(?:\.DS_Store|Thumbs\.db|desktop\.ini|\.ledger-check-[0-9a-f]+\.tmp)$/i;

export interface NoticesFolder {
  /** As the clerk wrote it, for messages. */
  shown: string;
  path: string;
  /** The files our last run wrote there and nobody changed since: name → checksum. */
  ours: Map<string, string>;
}

/** Checks `--notices` before any work is done (and again just before the new set goes in). */
export async function prepareNoticesFolder(path: string, shown: string): Promise<NoticesFolder> {
  let names: string[];
  try {
    const st = await stat(path);
    if (!st.isDirectory()) throw new LedgerError("notices-not-folder", { path: shown });
    await access(path, constants.W_OK | constants.X_OK);
    names = await readdir(path);
  } catch (e) {
    // Not there yet: made when the notices are written, where the nearest folder there takes it.
    if (code(e) === "ENOENT") {
      await mustTakeFolders(path).catch((f: unknown) => Promise.reject(writeError(f, shown, "--notices")));
      return { shown, path, ours: new Map() };
    }
    throw writeError(e, shown, "--notices");
  }
  const recorded = await readManifest(path);
  // A file of the clerk's under our list's name is theirs like any other (the sweep saw it replaced).
  if (names.includes(MANIFEST) && recorded === null)
    throw new LedgerError("notices-folder-taken", { path: shown, file: MANIFEST });
  const ours = new Map<string, string>();
  for (const name of names) {
    if (name === MANIFEST || IGNORED.test(name)) continue;
    const sum = recorded?.get(name);
    if (sum === undefined || (await checksumOf(join(path, name))) !== sum)
      throw new LedgerError("notices-folder-taken", { path: shown, file: name });
    // A notice the clerk made read-only (sent, filed) is not replaced or taken away.
    if (!(await writable(join(path, name))))
      throw new LedgerError("out-read-only", outputData(join(shown, name), "--notices"));
    ours.set(name, sum);
  }
  return { shown, path, ours };
}

/**
 * Writes the notices; returns how many department notices (0: nobody has anything to act on,
 * and no file is written, but notices of ours from an earlier check are taken away: left, they
 * would send a unit after a task done since).
 */
export async function writeNoticesFolder(
  folder: NoticesFolder,
  check: WorkbookCheck,
  config: Pick<Config, "dueSoonDays" | "notices">,
  lang: Lang,
  input: FileIdentity,
): Promise<number> {
  const set = noticeSet(check, config);
  const files: [string, Uint8Array][] = [];
  if (set.notices.length > 0) {
    const words = CLI_WORDS[lang];
    const used = new Set<string>();
    const docs = await noticeDocxFiles(set);
    docs.forEach((doc, i) => {
      const n = String(i + 1).padStart(2, "0");
      const stem = uniqueName(fill(words.noticeFile, { n, department: safeFileName(doc.department) }), used);
      files.push([`${stem}.docx`, doc.bytes]);
    });
    files.push([`${words.noticesWorkbook}.xlsx`, sheetDocumentToXlsx(noticeSheet(set))]);
  }
  if (files.length === 0 && folder.ours.size === 0) return 0;

  const temp = join(folder.path, `.ledger-check-${randomBytes(6).toString("hex")}.tmp`);
  const stop = onExitSignals(() => rmSync(temp, { recursive: true, force: true }));
  try {
    await makeFolders(folder.path);
    await mkdir(temp);
    const sums = new Map<string, string>();
    for (const [name, bytes] of files) {
      await durableWrite(join(temp, name), bytes);
      sums.set(name, checksum(bytes));
    }
    await durableWrite(join(temp, MANIFEST), new TextEncoder().encode(manifestText(sums)));
    // Whole: now the folder is looked at again (a file may have come since the check began).
    const now = await prepareNoticesFolder(folder.path, folder.shown);
    // A file of ours is never replaced or removed while it is the input (it holds no ledger today: a guard, not a case).
    for (const name of new Set([...sums.keys(), ...now.ours.keys(), MANIFEST])) {
      const st = await stat(join(folder.path, name)).catch(() => null);
      if (st && st.dev === input.dev && st.ino === input.ino) throw new LedgerError("same-file");
    }
    for (const name of now.ours.keys()) if (!sums.has(name)) await unlink(join(folder.path, name));
    for (const [name] of files) await rename(join(temp, name), join(folder.path, name));
    if (files.length > 0) await rename(join(temp, MANIFEST), join(folder.path, MANIFEST));
    else await unlink(join(folder.path, MANIFEST)).catch(() => {});
  } catch (e) {
    throw writeError(e, folder.shown, "--notices");
  } finally {
    stop();
    await rm(temp, { recursive: true, force: true }).catch(() => {});
  }
  return set.notices.length;
}

async function durableWrite(path: string, bytes: Uint8Array): Promise<void> {
  const fh = await open(path, "wx");
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function checksum(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

async function checksumOf(path: string): Promise<string | null> {
  try {
    const st = await stat(path);
    return st.isFile() ? checksum(await readFile(path)) : null;
  } catch {
    return null;
  }
}

function manifestText(sums: Map<string, string>): string {
  return `${JSON.stringify({ writer: "ledger-check", files: Object.fromEntries(sums) }, null, 2)}\n`;
}

/** What the manifest records; null when it is missing or not ours (then no file counts as ours). */
async function readManifest(folder: string): Promise<Map<string, string> | null> {
  try {
    const path = join(folder, MANIFEST);
    // Ours is a small JSON file: anything else is not read whole to find that out.
    const st = await stat(path);
    if (!st.isFile() || st.size > MANIFEST_BYTES) return null;
    const parsed = JSON.parse(await readFile(path, "utf8")) as { writer?: unknown; files?: unknown };
    const files = parsed.files;
    if (parsed.writer !== "ledger-check" || !files || typeof files !== "object") return null;
    return new Map(
      Object.entries(files as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
  } catch {
    return null;
  }
}

/** Far more than a list of a thousand departments' notices takes. */
const MANIFEST_BYTES = 1 << 20;

/**
 * Characters Windows, macOS or a USB stick's FAT refuse in a name, control characters, and the
 * bidirectional and invisible format characters that would make a name display as another, line
 * and paragraph separators, and the noncharacters U+FFFE and U+FFFF.
 */
const UNSAFE =
  /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufffe\uffff]/g;
/** Bytes of a department in a name: with `01_督办通知_`, ` (2)` and `.docx`, well under 255. */
const NAME_BYTES = 180;

export function safeFileName(name: string): string {
  const safe = name.replace(UNSAFE, "_").replace(/^[\s.]+|[\s.]+$/g, "");
  let out = "";
  let bytes = 0;
  for (const ch of safe) {
    bytes += Buffer.byteLength(ch);
    if (bytes > NAME_BYTES) break;
    out += ch;
  }
  return out || "_";
}

function uniqueName(stem: string, used: Set<string>): string {
  let name = stem;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${stem} (${k})`;
  used.add(name.toLowerCase());
  return name;
}
