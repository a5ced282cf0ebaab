import "./error-words.js";
import { createHash, randomBytes } from "node:crypto";
import { constants, unlinkSync } from "node:fs";
import { access, lstat, mkdir, open, readdir, realpath, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { LedgerError, type LocalText, type OutputData } from "../core/errors.js";

/**
 * Writes the marked copy (`--out`) so that the clerk's files survive anything:
 *  - the input is never the target, whether `--out` names it by its path, another spelling, a
 *    symbolic link or a hard link (device and inode compared, not paths: issue 15's worst case
 *    was `ln -f in.xlsx out.xlsx`, which a path check misses);
 *  - the copy is written to a temporary file beside the target, flushed, then renamed over it
 *    (rename(2) replaces a name atomically), so a run killed mid-write leaves the previous copy
 *    whole instead of a truncated file, and two runs at once leave one whole copy;
 *  - a target that is a folder, a device (`/dev/full`) or a pipe, or a read-only file (which a
 *    rename in a writable folder would silently replace), is refused before the check runs.
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
    await access(real, constants.W_OK);
    return { shown, option, path: real, mode: st.mode & 0o7777 };
  } catch (e) {
    // Not there yet (or a dangling link, which the rename replaces rather than follows): fine.
    if (code(e) === "ENOENT") return { shown, option, path };
    throw writeError(e, shown, option);
  }
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
    await removeLeftovers(folder);
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
async function removeLeftovers(folder: string): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || m[1] !== HOST || running(Number(m[2]))) continue;
    const path = join(folder, name);
    await lstat(path)
      .then((st) => (st.isFile() ? unlink(path) : undefined))
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
