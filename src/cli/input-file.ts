import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { LedgerError } from "../core/errors.js";
import { refusal } from "./refusals.js";

/**
 * Reads the ledger file the clerk named, refusing what is not a regular file before reading a
 * byte (`/dev/zero` would be read forever, a FIFO with no writer waits forever) and what is
 * larger than can be checked (a read of it would exhaust memory first).
 */

/**
 * The largest file read: 100 MB. Real ledgers are well under 10 MB (a 50,000-row ledger written
 * by the project's builder is about 5 MB); exceljs holds a workbook at many times its size.
 */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

export interface InputFile {
  bytes: Uint8Array;
  /** Device and inode: how `--out` is told apart from the input whatever its path. */
  dev: number;
  ino: number;
}

export async function readInputFile(path: string, shown: string, limit = MAX_INPUT_BYTES): Promise<InputFile> {
  let fh: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer;
    // it has no effect on a regular file's reads.
    fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw openError(e, shown);
  }
  try {
    const st = await fh.stat();
    if (st.isDirectory()) throw refusal("unreadable", "isFolder", { path: shown });
    if (!st.isFile()) throw refusal("not-a-file", "notAFile", { path: shown });
    if (st.size > limit) throw tooLarge(shown, st.size, limit);
    // Read to the end, not to st.size: the file may grow while being read (a sync client).
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.max(64 * 1024, Math.min(st.size - total + 1, limit + 1 - total)));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw tooLarge(shown, total, limit);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : concat(chunks, total), dev: st.dev, ino: st.ino };
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw openError(e, shown);
  } finally {
    await fh.close().catch(() => {});
  }
}

function tooLarge(path: string, size: number, limit: number): LedgerError {
  const mb = (n: number) => Math.round(n / (1024 * 1024));
  return refusal("too-large", "tooLarge", { path, size: mb(size), limit: mb(limit) });
}

function openError(e: unknown, path: string): LedgerError {
  switch ((e as NodeJS.ErrnoException).code) {
    case "ENOENT":
    case "ENOTDIR":
      return refusal("unreadable", "fileNotFound", { path });
    case "EISDIR":
      return refusal("unreadable", "isFolder", { path });
    case "EACCES":
    case "EPERM":
      return refusal("unreadable", "cannotRead", { path });
    // A socket (or a device without a driver) cannot be opened as a file.
    case "ENXIO":
    case "ENODEV":
    case "EOPNOTSUPP":
      return refusal("not-a-file", "notAFile", { path });
    case "ERR_FS_FILE_TOO_LARGE":
      return refusal("too-large", "tooLarge", { path, size: "> 2048", limit: MAX_INPUT_BYTES / (1024 * 1024) });
    default:
      return refusal("unreadable", "readFailed", { path });
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
