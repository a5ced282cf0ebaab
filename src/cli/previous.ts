import "./error-words.js";
import { LedgerError } from "../core/errors.js";
import { SnapshotSchema, type Snapshot } from "../core/progress/snapshot.js";
import type { WorkbookPort } from "../hosts/workbook.js";
import { openWorkbookFile } from "../hosts/xlsx/open.js";
import { readInputFile } from "./input-file.js";

/**
 * The earlier check `--previous` names: an earlier `--json` report (its `snapshot`) or a copy
 * ledger-check wrote (the snapshot in the copy's state). Anything else is refused with one line:
 * comparing with nothing would report every task as added.
 */
export async function readPrevious(path: string, shown = path): Promise<Snapshot> {
  // Read as the input is: only a regular file, within the size cap, with a clear refusal.
  const { bytes } = await readInputFile(path, shown);
  let snapshot: Snapshot | null | undefined;
  if (looksLikeJson(bytes)) snapshot = fromReport(bytes);
  else {
    let copy: WorkbookPort;
    try {
      copy = await openWorkbookFile(bytes, path);
    } catch (e) {
      // "The file is damaged" alone would be read as the ledger's: say which file it is.
      if (e instanceof LedgerError) throw new LedgerError("previous-unreadable", { path: shown, reason: e.text });
      throw e;
    }
    snapshot = await copy.readSnapshot?.();
  }
  if (!snapshot) throw new LedgerError("previous-without-snapshot", { path: shown });
  return snapshot;
}

function looksLikeJson(bytes: Uint8Array): boolean {
  for (const b of bytes.subarray(0, 64)) {
    if (b === 0x7b) return true; // {
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf) return false;
  }
  return false;
}

function fromReport(bytes: Uint8Array): Snapshot | null {
  try {
    const parsed = SnapshotSchema.safeParse(
      (JSON.parse(new TextDecoder().decode(bytes)) as { snapshot?: unknown }).snapshot,
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
