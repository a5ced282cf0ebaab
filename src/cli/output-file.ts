import "./error-words.js";
import { createHash, randomBytes } from "node:crypto";
import { constants, unlinkSync } from "node:fs";
import {
  access,
  lstat,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  rmdir,
  stat,
  unlink,
  type FileHandle,
} from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { LedgerError, type LocalText, type OutputData } from "../core/errors.js";
import { DOCX_KEYWORD, STATE_SHEET } from "../core/marks-state.js";
import { Package } from "../hosts/xlsx/package.js";
import { NODE_ZLIB } from "./node-zlib.js";

/**
 * Writes the marked copy (`--out`) so that the clerk's files survive anything:
 *  - the input is never the target, whether `--out` names it by its path, another spelling, a
 *    symbolic link or a hard link (device and inode compared, not paths: issue 15's worst case
 *    was `ln -f in.xlsx out.xlsx`, which a path check misses);
 *  - the copy is written to a temporary file beside the target, flushed, then renamed over it
 *    (rename(2) replaces a name atomically), so a run killed mid-write leaves the previous copy
 *    whole instead of a truncated file, and two runs at once leave one whole copy;
 *  - a target that is a folder, a device (`/dev/full`) or a pipe, or a read-only file (which a
 *    rename in a writable folder would silently replace), is refused before the check runs;
 *  - so is a file that is not one of ours (a copy or a bulletin ledger-check wrote): the clerk's
 *    other ledger or report named by a slip of the shell is theirs, never replaced;
 *  - and a target whose folder could not be made: every output is judged before any is written.
 */

export interface FileIdentity {
  dev: number;
  ino: number;
}

/** The options that name an output, and what each writes (the words of its refusals). */
export type OutputOption = "--out" | "--docx" | "--notices";

const WHAT: Record<OutputOption, LocalText> = {
  "--out": { zh: "副本", en: "copy" },
  "--docx": { zh: "通报", en: "bulletin" },
  "--notices": { zh: "督办通知", en: "notices" },
};

/** A refusal's data for an output: its path as given, its option and what it is. */
export function outputData(path: string, option: OutputOption): OutputData {
  return { path, option, what: WHAT[option] };
}

/**
 * The file's extension must be the one its content is opened by: Excel and Word pick the
 * format by it, and refuse a mismatch ("the file format or file extension is not valid"); a
 * name without one (`--out checked`, `--out folder/`) opens in nothing at all.
 */
export function mustHaveExtension(target: OutputTarget, ext: string): void {
  if (target.shown.toLowerCase().endsWith(`.${ext}`)) return;
  throw new LedgerError("out-wrong-extension", {
    ...outputData(target.shown, target.option),
    ext,
    app: target.option === "--docx" ? "Word" : "Excel",
  });
}

export interface OutputTarget {
  /** The path as the clerk wrote it, for messages. */
  shown: string;
  option: OutputOption;
  /** Where the copy goes: the target with its symbolic links resolved, so a linked copy stays linked. */
  path: string;
  /** The existing copy's permissions, kept by the new one. */
  mode?: number;
}

/** Checks `--out` before any work is done; the same checks run again just before the rename. */
export async function prepareOutput(
  path: string,
  shown: string,
  input: FileIdentity,
  option: Exclude<OutputOption, "--notices">,
): Promise<OutputTarget> {
  try {
    const st = await stat(path);
    if (st.dev === input.dev && st.ino === input.ino) throw new LedgerError("same-file");
    if (st.isDirectory()) throw new LedgerError("out-is-folder", outputData(shown, option));
    if (!st.isFile()) throw new LedgerError("out-not-a-file", outputData(shown, option));
    const real = await realpath(path);
    // A rename in a writable folder would replace a read-only file: honour the file's mode.
    if (!(await writable(real))) throw new LedgerError("out-read-only", outputData(shown, option));
    if (st.size > 0 && !(await isOurs(real, option))) throw new LedgerError("out-not-ours", outputData(shown, option));
    return { shown, option, path: real, mode: st.mode & 0o7777 };
  } catch (e) {
    // Not there yet (or a dangling link, which the rename replaces rather than follows): its
    // folders are made when it is written, so the nearest one there must take them.
    if (code(e) === "ENOENT") {
      await mustTakeFolders(dirname(path)).catch((f: unknown) => Promise.reject(writeError(f, shown, option)));
      return { shown, option, path };
    }
    throw writeError(e, shown, option);
  }
}

/**
 * The file's mode lets it be written: by access(), and by its bits too, as root's access() says yes
 * to any file. A rename over it would replace it regardless, so the outputs ask this first.
 */
export async function writable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return ((await stat(path)).mode & 0o222) !== 0;
  } catch {
    return false;
  }
}

/**
 * A file ledger-check wrote: a workbook holding our state sheet (every copy has one), or a Word
 * file whose properties name us (or the docx package's default author, as bulletins had before).
 */
async function isOurs(path: string, option: OutputOption): Promise<boolean> {
  try {
    const bytes = await readFile(path);
    if (option === "--out")
      return Package.open(bytes, undefined, NODE_ZLIB).workbook.sheets.some((s) => s.name === STATE_SHEET);
    const core = unzipSync(bytes, { filter: (f) => f.name === "docProps/core.xml" })["docProps/core.xml"];
    const xml = core ? strFromU8(core) : "";
    return (
      xml.includes(`<cp:keywords>${DOCX_KEYWORD}</cp:keywords>`) || xml.includes("<dc:creator>Un-named</dc:creator>")
    );
  } catch {
    return false; // not a package at all: the clerk's, whatever it is
  }
}

/**
 * The nearest folder of `folder` that exists must be a folder we may write in: the missing ones
 * are made under it when the output is written. Throws what that would.
 */
export async function mustTakeFolders(folder: string): Promise<void> {
  for (let at = folder; ; at = dirname(at)) {
    const st = await stat(at).catch((e: unknown) => (code(e) === "ENOENT" ? null : Promise.reject(e)));
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: "ENOTDIR" });
      await access(at, constants.W_OK | constants.X_OK);
      // A folder that lets root write but holds no folders (`/proc`): one made and taken away says.
      if (at !== folder) await rmdir(await mkdtemp(join(at, ".ledger-check-")));
      return;
    }
    if (dirname(at) === at) throw Object.assign(new Error(`${at} does not exist`), { code: "ENOENT" });
  }
}

/**
 * Where a path really is: its symbolic links resolved, as far as it exists (a file not yet
 * written is placed in its folder's real place). Outputs are kept apart by these.
 */
export async function realLocation(path: string): Promise<string> {
  const real = await realpath(path).catch(() => null);
  if (real) return real;
  const folder = await realpath(dirname(path)).catch(() => null);
  return folder ? join(folder, basename(path)) : path;
}

/** Writes `bytes` to the target through a temporary file and a rename. */
export async function writeOutput(target: OutputTarget, bytes: Uint8Array, input: FileIdentity): Promise<void> {
  const folder = dirname(target.path);
  const temp = join(folder, `.ledger-check-${HOST}-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  let fh: FileHandle | undefined;
  const stop = onExitSignals(() => {
    try {
      unlinkSync(temp);
    } catch {
      // Not created yet, or already renamed.
    }
  });
  try {
    await makeFolders(folder);
    fh = await open(temp, "wx", target.mode ?? 0o666);
    await fh.writeFile(bytes);
    if (target.mode !== undefined) await fh.chmod(target.mode);
    await fh.sync();
    await fh.close();
    fh = undefined;
    // The target may have changed since prepareOutput (a link made meanwhile): check again.
    const now = await stat(target.path).catch((e: unknown) => (code(e) === "ENOENT" ? null : Promise.reject(e)));
    if (now && now.dev === input.dev && now.ino === input.ino) throw new LedgerError("same-file");
    if (now && !now.isFile()) throw new LedgerError("out-not-a-file", outputData(target.shown, target.option));
    await rename(temp, target.path);
    await syncFolder(folder);
    await removeLeftovers(folder, input);
  } catch (e) {
    await fh?.close().catch(() => {});
    await unlink(temp).catch(() => {});
    throw writeError(e, target.shown, target.option);
  } finally {
    stop();
  }
}

/** This machine, in our temporary files' names: a run on another one sharing the folder is not ours to judge. */
const HOST = createHash("sha256").update(hostname()).digest("hex").slice(0, 8);
const TEMP = /^\.ledger-check-([0-9a-f]{8})-(\d+)-[0-9a-f]{12}\.tmp$/;

/**
 * Removes the temporary files a run on this machine left when it was killed mid-write (kill -9,
 * a power cut: no exit handler runs), told by their run's pid being gone. Windows shows dot
 * files, so the clerk would see them. Never fails the run that calls it.
 */
async function removeLeftovers(folder: string, input: FileIdentity): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || m[1] !== HOST || running(Number(m[2]))) continue;
    const path = join(folder, name);
    // Never the input, whatever it is named (a ledger saved under such a name was deleted).
    await lstat(path)
      .then((st) => (st.isFile() && !(st.dev === input.dev && st.ino === input.ino) ? unlink(path) : undefined))
      .catch(() => {});
  }
}

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, another user's.
    return code(e) === "EPERM";
  }
}

const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Runs `cleanUp` and ends the process if it is interrupted (Ctrl-C, `kill`, the terminal
 * closed) while a temporary file or folder exists; returns what stops listening.
 */
export function onExitSignals(cleanUp: () => void): () => void {
  const handlers = (Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]).map((signal) => {
    const handler = () => {
      cleanUp();
      process.exit(SIGNAL_EXIT[signal]);
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}

/**
 * The folders of a path, made one level at a time from the nearest that exists. Not
 * `mkdir({ recursive: true })`: where a file system answers "no such file" for a folder it
 * cannot hold (`/proc/x`), Node's loops for ever.
 */
export async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let at = folder; ; at = dirname(at)) {
    const st = await stat(at).catch((e: unknown) => (code(e) === "ENOENT" ? null : Promise.reject(e)));
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: "ENOTDIR" });
      break;
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const dir of missing.reverse())
    await mkdir(dir).catch((e: unknown) => (code(e) === "EEXIST" ? undefined : Promise.reject(e)));
}

/** Makes the rename itself durable (POSIX); best effort, as some file systems refuse it. */
async function syncFolder(folder: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(folder, "r");
    await fh.sync();
  } catch {
    // Not supported here (Windows, some network file systems): the rename still happened.
  } finally {
    await fh?.close().catch(() => {});
  }
}

export function writeError(e: unknown, path: string, option: OutputOption): LedgerError {
  if (e instanceof LedgerError) return e;
  const data = outputData(path, option);
  switch (code(e)) {
    case "ENOSPC":
    case "EDQUOT":
      return new LedgerError("out-no-space", data);
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new LedgerError("out-read-only", data);
    case "ENOTDIR":
    case "EEXIST":
    case "ENOENT":
      return new LedgerError("out-no-folder", data);
    case "EISDIR":
      return new LedgerError("out-is-folder", data);
    default:
      return new LedgerError("out-failed", data);
  }
}

export function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}
