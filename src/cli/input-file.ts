import "./error-words.js";
import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { LedgerError } from "../core/errors.js";
import { concatBytes } from "../hosts/xlsx/bytes.js";

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
    if (st.isDirectory()) throw new LedgerError("is-folder", { path: shown });
    if (!st.isFile()) throw new LedgerError("not-a-file", { path: shown });
    if (st.size > limit) throw tooLarge(limit);
    // Read to the end, not to st.size: the file may grow while being read (a sync client).
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(Math.max(64 * 1024, Math.min(st.size - total + 1, limit + 1 - total)));
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > limit) throw tooLarge(limit);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return { bytes: concatBytes(chunks, total), dev: st.dev, ino: st.ino };
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw openError(e, shown);
  } finally {
    await fh.close().catch(() => {});
  }
}

/** Over the cap: the catalogue's too-large, naming the limit (and, with it, how to split). */
function tooLarge(limit: number): LedgerError {
  return new LedgerError("too-large", {
    what: { zh: "文件大小", en: "file size" },
    limit: `${Math.round(limit / (1024 * 1024))} MB`,
  });
}

function openError(e: unknown, path: string): LedgerError {
  switch ((e as NodeJS.ErrnoException).code) {
    case "ENOENT":
    case "ENOTDIR":
      return new LedgerError("file-not-found", { path });
    case "EISDIR":
      return new LedgerError("is-folder", { path });
    case "EACCES":
    case "EPERM":
      return new LedgerError("no-permission", { path });
    // A socket (or a device without a driver) cannot be opened as a file.
    case "ENXIO":
    case "ENODEV":
    case "EOPNOTSUPP":
      return new LedgerError("not-a-file", { path });
    case "ERR_FS_FILE_TOO_LARGE":
      return tooLarge(MAX_INPUT_BYTES);
    default:
      // No raw code in the message: the clerk can't act on EIO; the action says what to try.
      return new LedgerError("unreadable", { path });
  }
}
