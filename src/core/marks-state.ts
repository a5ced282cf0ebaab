import { z } from "zod";
import { SnapshotSchema } from "./progress/snapshot.js";

/**
 * What ledger-check keeps inside the workbook so that marks can be undone exactly, even in
 * a later session or on another PC: the sheets it generated, and for every marked cell the
 * fill and note the clerk had before. It lives as JSON in a veryHidden worksheet, split into
 * chunks in column A because one Excel cell holds at most 32767 characters.
 */

/** Name of the veryHidden worksheet that holds the state. */
export const STATE_SHEET = "ledger-check";
/** The keyword in the properties of every Word file ledger-check writes: a file it may replace. */
export const DOCX_KEYWORD = "ledger-check";

/** Characters per chunk: under Excel's 32767 per cell, with room to spare. */
export const STATE_CHUNK_SIZE = 30000;

export const OriginalCellSchema = z.object({
  /** The original solid fill colour "RRGGBB", or null when the cell had no fill. */
  fill: z.string().nullable(),
  /** The original note text, or null when the cell had none. */
  note: z.string().nullable(),
  /**
   * Host-specific originals a host needs to restore more exactly than the fields above can
   * say (exceljs: theme or pattern fills, rich-text notes). Hosts that don't know them ignore them.
   */
  raw: z.record(z.string(), z.unknown()).optional(),
});
export type OriginalCell = z.infer<typeof OriginalCellSchema>;

export const MarksStateSchema = z.object({
  version: z.literal(1),
  generatedSheets: z.array(z.string()),
  /** Sheet name → cell address (`H12`) → what the cell had before it was marked. */
  marks: z.record(z.string(), z.record(z.string(), OriginalCellSchema)),
  /**
   * The last check's snapshot (core/progress), for "since the last check". One that does not
   * validate is dropped alone: the marks' records, which undo the clerk's cells, never go with it.
   */
  snapshot: SnapshotSchema.optional().catch(undefined),
});
export type MarksState = z.infer<typeof MarksStateSchema>;

export function emptyState(): MarksState {
  return { version: 1, generatedSheets: [], marks: {} };
}

export function encodeState(state: MarksState): string[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  let i = 0;
  while (i < json.length) {
    let end = Math.min(i + STATE_CHUNK_SIZE, json.length);
    // Never split a surrogate pair: a lone half is not valid XML and would spoil the file.
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(json.slice(i, end));
    i = end;
  }
  return chunks;
}

/**
 * Reads the state back. A damaged or foreign state sheet must never stop a check, so
 * anything unreadable yields an empty state instead of an error.
 */
export function decodeState(chunks: string[]): MarksState {
  try {
    const json = chunks.filter((c) => typeof c === "string").join("");
    if (json.trim() === "") return emptyState();
    const parsed = MarksStateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : emptyState();
  } catch {
    return emptyState();
  }
}
