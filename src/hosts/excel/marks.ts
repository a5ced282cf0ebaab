/// <reference types="office-js" />
import { parseAddress } from "../../core/grid.js";
import type { MarksState, OriginalCell } from "../../core/marks-state.js";
import type { Snapshot } from "../../core/progress/snapshot.js";
import {
  endsWithOurNote,
  marksByCell,
  mergeNote,
  ourNote as noteOf,
  ourPartBreak,
  startsAsOurs,
} from "../../core/marks.js";
import { withoutOrphanParts } from "../../core/orphan-notes.js";
import { MARK_FILLS, type Mark } from "../workbook.js";
import { rangesFor } from "./ranges.js";
import type { ExcelCapabilities } from "./capabilities.js";
import { excelError } from "./errors.js";
import type { Session } from "./session.js";
import { queueStateLookup, readState, saveState, type LoadedState, type StateCache } from "./state.js";

/**
 * Marks: fills and notes on flagged cells, each cell's original recorded first so that clearing
 * restores it exactly. Two rules keep the clerk's work safe:
 * - notes follow core's policy (core/marks.ts): the clerk's note is kept, ours goes below it,
 *   and clearing takes exactly ours back out;
 * - a mark is taken back only where the cell still carries exactly our mark: our fill colour,
 *   solid; our note (the last `ledger-check:` part of the cell's note), by a hash recorded with
 *   it. A fill or note the clerk changed after the check is theirs and stays;
 * - a cell with a threaded comment (Excel 365's "comment") can't take a note: our paragraph goes
 *   into the thread as a reply, and clearing deletes exactly that reply, found by its hash; a
 *   resolved thread takes no reply, so there the fill alone marks the cell;
 * - marks follow the cells: Excel moves a note with its cell when rows are inserted or
 *   deleted, so where our note is no longer at the recorded address it is looked for among the
 *   sheet's notes (same column, same text, in the same order) and the mark is restored there.
 *   Fills alone (no notes API) can only be verified at their address.
 * Every batch is sized by the measured request (session.ts), a block of cells at a time.
 */

/** Cells queued between two looks at the request size. */
const BLOCK = 250;
/**
 * Cells per sync where the request can't be measured: probing a cell (fill + note) or writing
 * one (fill via getRanges, note add) costs at most ~900 B as Office.js serializes it (measured
 * in tests/hosts/excel/serializer.test.ts), so 3,000 stay under 4 MB.
 */
const CELLS_PER_SYNC = 3_000;

interface Recorded extends OriginalCell {
  raw?: OriginalCell["raw"] & {
    m?: string;
    h?: string;
    pattern?: string;
    patternColor?: string;
    tint?: number;
    /**
     * The note already ended with our very paragraph when we came (a copy the CLI or the preview
     * marked, whose records this host can't read, or a lost state): nothing was added, and
     * clearing leaves the note as it was found, as the .xlsx host does (MarkRecord.kept).
     */
    k?: true;
  };
}

/** What a cell shows now, as probed. */
interface CellNow {
  /** null for no fill. */
  fill: { color: string; pattern: string | null; patternColor: string | null; tint: number | null } | null;
  /**
   * The note's text, null for none, undefined when notes can't be seen. An orphan part of ours
   * (core/orphan-notes) is not in it: it goes before the cell is marked again.
   */
  note: string | null | undefined;
  /** The cell has a note now (whatever `note` says once an orphan part is off). */
  hasNote: boolean;
  /** The cell's threaded comment, null for none (or where threads can't be seen). */
  thread: ThreadNow | null;
}

/** A threaded comment as probed: its replies' text loaded. */
interface ThreadNow {
  comment: Excel.Comment;
  resolved: boolean;
  replies: Excel.CommentReply[];
}

export async function writeMarks(
  s: Session,
  caps: ExcelCapabilities,
  cache: StateCache,
  sheet: string,
  marks: Mark[],
  snapshot?: Snapshot,
): Promise<void> {
  await applyMarks(s, caps, cache, sheet, marksByCell(marks), true, snapshot);
}

export async function clearMarks(s: Session, caps: ExcelCapabilities, cache: StateCache, sheet: string): Promise<void> {
  await applyMarks(s, caps, cache, sheet, new Map(), false);
}

async function applyMarks(
  s: Session,
  caps: ExcelCapabilities,
  cache: StateCache,
  sheet: string,
  wanted: ReadonlyMap<string, Readonly<Mark>>,
  marking: boolean,
  snapshot?: Snapshot,
): Promise<void> {
  const ws = s.context.workbook.worksheets.getItem(sheet);
  const lookup = queueStateLookup(s.context, caps);
  // Loaded with the state lookup: a protected sheet is told before anything is written.
  // (`protection` is a navigation property: getting it needs no load; its `protected` does.)
  // eslint-disable-next-line office-addins/load-object-before-read
  const protection = ws.protection;
  protection.load("protected");
  // The sheet's notes come as one collection (text only; where each is, next): their number,
  // not the number of marks, sets the cost. On a first check only the clerk's notes are there.
  // eslint-disable-next-line office-addins/load-object-before-read -- a navigation property, loaded next line
  const notes = caps.notes ? ws.notes : null;
  notes?.load("items/content");
  // eslint-disable-next-line office-addins/load-object-before-read -- a navigation property, loaded next line
  const comments = caps.notes && caps.threads ? ws.comments : null;
  comments?.load("items/resolved");
  // The fills of the cells to mark go along (they don't depend on the state).
  const fills = new FillReader(s, caps, ws);
  await fills.queue([...wanted.keys()]);
  await s.sync();
  const loaded = await readState(s, lookup, cache);
  const old = (loaded.state.marks[sheet] ?? {}) as Record<string, Recorded>;
  if (wanted.size === 0 && Object.keys(old).length === 0 && !(marking && notes?.items.some(isOrphaned))) {
    // Nothing to mark or undo (a clean ledger): only the check's snapshot is kept, no cell touched.
    if (snapshot && caps.customXmlParts) {
      const saved = await saveState(s, loaded as LoadedState, { ...structuredClone(loaded.state), snapshot }, cache);
      await s.sync();
      saved();
    }
    return;
  }
  // A protected sheet would refuse the first write and leave the rest half done: say so before.
  if (protection.protected) throw excelError("excel-protected");

  const before = fills.queued;
  await fills.queue(Object.keys(old).filter((a) => !wanted.has(a)));
  fills.queuePatternColors();
  const where = await queueAnnotations(s, notes, comments);
  // Only when something was asked (no old marks, no patterns and no notes on a first check).
  if (fills.queued > before || where.queued) await s.sync(where.response);
  const { noteAt, threadAt } = where.take();
  if (fills.queuePatternColors() > 0) await s.sync();
  const now = new Map<string, CellNow>();
  /** Notes with an orphan part of ours, to what they keep without it (filled in below). */
  const orphans = new Map<string, string | null>();
  const cellNow = (addr: string): CellNow => {
    let c = now.get(addr);
    if (!c) {
      c = {
        fill: fills.get(addr),
        note: noteAt ? (orphans.has(addr) ? orphans.get(addr)! : (noteAt.get(addr) ?? null)) : undefined,
        hasNote: noteAt?.has(addr) ?? false,
        thread: threadAt.get(addr) ?? null,
      };
      now.set(addr, c);
    }
    return c;
  };

  // Where each recorded mark is now: its address if our note (or, without notes, our fill) is
  // still there, else where its note moved; marks found nowhere are dropped from the state.
  const located = new Map<string, { rec: Recorded; from: string }>();
  const lost: [string, Recorded][] = [];
  for (const [addr, rec] of Object.entries(old)) {
    const here = cellNow(addr);
    if (caps.notes && rec.raw?.h && here.note !== undefined) {
      if (carriesOurs(here, rec.raw.h)) located.set(addr, { rec, from: addr });
      else lost.push([addr, rec]);
    } else located.set(addr, { rec, from: addr });
  }
  if (lost.length > 0 && noteAt) {
    const moved = relocate(annotationHashes(noteAt, threadAt), lost, new Set(located.keys()));
    const fresh = [...moved.keys()].filter((a) => !fills.has(a));
    if (fresh.length > 0) {
      await fills.queue(fresh);
      await s.sync();
      if (fills.queuePatternColors() > 0) await s.sync();
    }
    for (const [addr, m] of moved) if (!located.has(addr)) located.set(addr, m);
  }
  // Our part of a note that no record knows (our state lost, rows pasted from a checked copy) goes
  // before marking again, as in the .xlsx host: a cell marked again gets ours once, a cell fixed
  // since keeps nothing of ours. A cell with a record is left to it (an edit of the clerk's is theirs).
  if (marking && noteAt)
    for (const [addr, text] of noteAt) {
      if (old[addr] || located.has(addr) || threadAt.has(addr)) continue;
      const kept = withoutOrphanParts(text);
      if (kept !== text) orphans.set(addr, kept);
    }
  for (const a of wanted.keys()) cellNow(a);
  for (const a of located.keys()) cellNow(a);

  // The plan: what each touched cell had before us, what to restore, what to mark.
  const records: Record<string, Recorded> = {};
  const restore: [string, Recorded, CellNow][] = [];
  for (const [addr, { rec }] of located) {
    const cell = now.get(addr)!;
    if (wanted.has(addr)) continue; // marked again below, from the same originals
    restore.push([addr, rec, cell]);
  }
  const toMark: [string, Mark, Recorded, CellNow, Recorded | undefined][] = [];
  for (const [addr, mark] of wanted) {
    const cell = now.get(addr)!;
    const rec = located.get(addr)?.rec;
    const original = originalOf(cell, caps, rec);
    const colour = MARK_FILLS[mark.severity];
    original.raw = { ...(original.raw ?? {}), m: colour };
    if (caps.notes && cell.thread?.resolved) {
      // A resolved thread takes no reply: the fill alone marks the cell. A reply of ours from
      // before the clerk resolved it stays on record, to go when the thread is reopened.
      if (rec?.raw?.h && ourNote(cell, rec)) {
        original.raw.h = rec.raw.h;
        if (rec.raw.k) original.raw.k = true;
      }
    } else if (caps.notes) {
      const ours = noteOf(mark);
      original.raw.h = hash(ours);
      const already = cell.thread
        ? cell.thread.replies.some((r) => r.content === ours)
        : endsWithOurNote(cell.note, ours);
      if (already && (!rec || (rec.raw?.k && ourNote(cell, rec)))) original.raw.k = true;
    }
    records[addr] = original;
    toMark.push([addr, mark, original, cell, rec]);
  }

  // The state first: if a write below fails, the next clear finds the cells not carrying our
  // mark and leaves them alone, rather than having no record of marks made.
  const state: MarksState = structuredClone(loaded.state);
  if (Object.keys(records).length > 0) state.marks[sheet] = records;
  else delete state.marks[sheet];
  if (snapshot) state.snapshot = snapshot;
  const saved = await saveState(s, loaded as LoadedState, state, cache);

  await queueRestores(s, caps, ws, restore);
  await queueOrphanDrops(
    s,
    ws,
    [...orphans].filter(([addr]) => !wanted.has(addr)),
  );
  await queueMarks(s, caps, ws, toMark);
  await s.sync();
  saved();
}

/** Fill properties of one cell, as getCellProperties or a fill load give them. */
interface FillProps {
  color?: string;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
}

/** Rows of one column read in one getCellProperties call when the marked cells are this close. */
const RUN_GAP = 5;
/** Rows of one getCellProperties call at most. */
const MAX_RUN_ROWS = 2_000;
/** Cells of cell properties per sync: each comes back as ≈80 B of JSON (colour, pattern, tint). */
const PROPERTY_CELLS_PER_SYNC = 45_000;

/**
 * Reads the fills of many cells. With ExcelApi 1.9, `getCellProperties` over runs of nearby
 * cells in a column: one call per run, the fills in the response (a fill load per cell costs
 * ≈600 B of request as Office.js serializes it). Before 1.9, a colour load per cell.
 */
class FillReader {
  private readonly results: { addrs: Map<string, [number, number]>; props: { value: unknown } }[] = [];
  private readonly single = new Map<string, Excel.RangeFill>();
  private cellsThisSync = 0;
  /** Loads queued in all (calls of getCellProperties, fill loads). */
  queued = 0;
  /** getCellProperties calls queued: the request is measured every 64 (measuring costs). */
  private runs = 0;
  constructor(
    private readonly s: Session,
    private readonly caps: ExcelCapabilities,
    private readonly ws: Excel.Worksheet,
  ) {}

  has(addr: string): boolean {
    return this.single.has(addr) || this.results.some((r) => r.addrs.has(addr));
  }

  async queue(addrs: string[]): Promise<void> {
    if (addrs.length === 0) return;
    if (!this.caps.fillDetails) {
      let n = 0;
      for (const addr of addrs) {
        const fill = this.ws.getRange(addr).format.fill;
        fill.load("color");
        this.single.set(addr, fill);
        this.queued++;
        if (++n % BLOCK === 0) await this.s.flushIfFull(BLOCK, CELLS_PER_SYNC);
      }
      return;
    }
    const byColumn = new Map<string, number[]>();
    for (const addr of addrs) {
      const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
      const rows = byColumn.get(m[1]!) ?? [];
      rows.push(Number(m[2]));
      byColumn.set(m[1]!, rows);
    }
    for (const [col, rows] of byColumn) {
      rows.sort((a, b) => a - b);
      let start = 0;
      for (let i = 1; i <= rows.length; i++) {
        const near = i < rows.length && rows[i]! - rows[i - 1]! <= RUN_GAP;
        if (near && rows[i]! - rows[start]! < MAX_RUN_ROWS) continue;
        const top = rows[start]!;
        const bottom = rows[i - 1]!;
        const range = this.ws.getRange(`${col}${top}:${col}${bottom}`);
        const props = range.getCellProperties({
          // patternColor only matters for patterned fills, which are rare: asked per cell after.
          format: { fill: { color: true, pattern: true, tintAndShade: true } },
        });
        const cells = new Map<string, [number, number]>();
        for (let k = start; k < i; k++) cells.set(`${col}${rows[k]}`, [rows[k]! - top, 0]);
        this.results.push({ addrs: cells, props });
        this.queued++;
        this.cellsThisSync += bottom - top + 1;
        start = i;
        // The response is what weighs here: sync before the next run could take it past budget.
        if (this.cellsThisSync + MAX_RUN_ROWS > PROPERTY_CELLS_PER_SYNC) {
          this.cellsThisSync = 0;
          await this.s.sync();
        } else if (++this.runs % 64 === 0 && (await this.s.flushIfFull(64, CELLS_PER_SYNC))) this.cellsThisSync = 0;
      }
    }
  }

  private readonly patternColors = new Map<string, Excel.RangeFill>();
  /**
   * Queues the pattern colour of the patterned cells whose properties have arrived (for the
   * next sync); returns how many it queued.
   */
  queuePatternColors(): number {
    let n = 0;
    for (const r of this.results) {
      let grid: { format?: { fill?: FillProps } }[][];
      try {
        grid = r.props.value as { format?: { fill?: FillProps } }[][];
      } catch {
        continue; // not synced yet: a later call sees it
      }
      for (const [addr, at] of r.addrs) {
        const fill = grid[at[0]]?.[at[1]]?.format?.fill;
        if (!fill || fill.tintAndShade === null || fill.tintAndShade === undefined) continue;
        if (fill.pattern === null || fill.pattern === undefined || fill.pattern === "Solid") continue;
        if (this.patternColors.has(addr)) continue;
        const f = this.ws.getRange(addr).format.fill;
        f.load("patternColor");
        this.patternColors.set(addr, f);
        this.queued++;
        n++;
      }
    }
    return n;
  }

  get(addr: string): CellNow["fill"] {
    const one = this.single.get(addr);
    if (one) return toFill({ color: one.color }, false);
    const pc = this.patternColors.get(addr);
    for (const r of this.results) {
      const at = r.addrs.get(addr);
      if (!at) continue;
      const grid = r.props.value as { format?: { fill?: FillProps } }[][];
      const props = grid[at[0]]?.[at[1]]?.format?.fill ?? {};
      return toFill(pc ? { ...props, patternColor: pc.patternColor } : props, true);
    }
    return null;
  }
}

function toFill(p: FillProps, details: boolean): CellNow["fill"] {
  const colour = (p.color ?? "#FFFFFF").replace(/^#/, "").toUpperCase();
  if (!details) {
    // Before ExcelApi 1.9 "no fill" reads as white; restoring a white fill as none looks the same.
    return colour === "FFFFFF" ? null : { color: colour, pattern: null, patternColor: null, tint: null };
  }
  // No fill and solid white both read #FFFFFF, and pattern may be null for either; only
  // tintAndShade is null for no fill (office-js#4900, #6218).
  if (p.tintAndShade === null || p.tintAndShade === undefined) return null;
  return {
    color: colour,
    pattern: p.pattern ?? null,
    patternColor: p.patternColor ? p.patternColor.replace(/^#/, "").toUpperCase() : null,
    tint: p.tintAndShade,
  };
}

/**
 * Queues where each of the sheet's notes and threads is, and each thread's replies, for the
 * caller's next sync: one getLocation per note or thread, so their number, not the number of
 * marks, sets the cost. `take` reads them after that sync.
 */
async function queueAnnotations(
  s: Session,
  notes: Excel.NoteCollection | null,
  comments: Excel.CommentCollection | null,
): Promise<{
  queued: boolean;
  response: () => unknown;
  take: () => { noteAt: Map<string, string> | null; threadAt: Map<string, ThreadNow> };
}> {
  const noteLocs: { note: Excel.Note; range: Excel.Range }[] = [];
  const threadLocs: { comment: Excel.Comment; range: Excel.Range }[] = [];
  let n = 0;
  for (const note of notes?.items ?? []) {
    const range = note.getLocation();
    range.load("address");
    noteLocs.push({ note, range });
    if (++n % BLOCK === 0) await s.flushIfFull(BLOCK, CELLS_PER_SYNC);
  }
  for (const comment of comments?.items ?? []) {
    const range = comment.getLocation();
    range.load("address");
    comment.replies.load("items/content");
    threadLocs.push({ comment, range });
    if (++n % BLOCK === 0) await s.flushIfFull(BLOCK, CELLS_PER_SYNC);
  }
  const cell = (r: Excel.Range) => r.address.replace(/^.*!/, "").replace(/\$/g, "");
  return {
    queued: n > 0,
    response: () => [
      ...noteLocs.map((l) => [l.range.address, l.note.content]),
      ...threadLocs.map((l) => [l.range.address, l.comment.replies.items.map((r) => r.content)]),
    ],
    take: () => {
      const threadAt = new Map<string, ThreadNow>();
      for (const l of threadLocs)
        threadAt.set(cell(l.range), {
          comment: l.comment,
          resolved: l.comment.resolved,
          replies: l.comment.replies.items,
        });
      if (!notes) return { noteAt: null, threadAt };
      const noteAt = new Map<string, string>();
      for (const l of noteLocs) noteAt.set(cell(l.range), l.note.content);
      return { noteAt, threadAt };
    },
  };
}

const isSolid = (p: string | null) => p === null || p === "Solid";

function ourFill(cell: CellNow, rec: Recorded): boolean {
  const f = cell.fill;
  return !!f && !!rec.raw?.m && f.color === rec.raw.m && isSolid(f.pattern) && !f.tint;
}

function ourNote(cell: CellNow, rec: Recorded): boolean {
  return !!rec.raw?.h && carriesOurs(cell, rec.raw.h);
}

/** Whether the cell still carries our paragraph of hash `h`: in its note, or as a reply in its thread. */
function carriesOurs(cell: CellNow, h: string): boolean {
  return cell.thread ? ourReply(cell.thread, h) !== undefined : splitOurs(cell.note, h) !== null;
}

/** Our reply in a thread: the one whose whole text hashes to `h` (Excel makes the clerk its author). */
function ourReply(thread: ThreadNow, h: string): Excel.CommentReply | undefined {
  return thread.replies.find((r) => hash(r.content) === h);
}

/**
 * The clerk's part of a note that ends with ours (hash `h`): `{ user }`, null for none left;
 * null when the note doesn't end with ours (the clerk edited or removed it: theirs now).
 * Ours is the last part starting with our name, alone or below the clerk's on its own line
 * (core/marks.ts mergeNote).
 */
export function splitOurs(note: string | null | undefined, h: string): { user: string | null } | null {
  if (!note) return null;
  const at = ourPartBreak(note);
  if (at >= 0 && hash(note.slice(at + 1)) === h) return { user: note.slice(0, at) || null };
  if (startsAsOurs(note) && hash(note) === h) return { user: null };
  return null;
}

/** The clerk's own note on a cell now: all of it, or what is above our note. */
function userNoteOf(cell: CellNow, rec: Recorded | undefined): string | null {
  if (cell.note === undefined || cell.note === null) return null;
  const split = rec?.raw?.h ? splitOurs(cell.note, rec.raw.h) : null;
  return split ? split.user : cell.note;
}

/** What a cell had before us: the record's originals where it still carries our mark, else what it shows. */
function originalOf(cell: CellNow, caps: ExcelCapabilities, rec: Recorded | undefined): Recorded {
  const out: Recorded = { fill: null, note: null, raw: {} };
  if (rec && ourFill(cell, rec)) {
    out.fill = rec.fill;
    for (const k of ["pattern", "patternColor", "tint"] as const)
      if (rec.raw?.[k] !== undefined) (out.raw as Record<string, unknown>)[k] = rec.raw[k];
  } else if (cell.fill) {
    out.fill = cell.fill.color;
    if (!isSolid(cell.fill.pattern)) {
      out.raw!.pattern = cell.fill.pattern!;
      if (cell.fill.patternColor) out.raw!.patternColor = `#${cell.fill.patternColor}`;
    }
    if (cell.fill.tint) out.raw!.tint = cell.fill.tint;
  }
  if (!caps.notes) {
    // Without the notes API the cell's note can't be seen: say so, so that a later clear on a
    // host with notes leaves whatever note is there alone instead of deleting it.
    out.raw!.noteUnknown = true;
  } else {
    // The clerk's note as it is now (what clearing will leave), recorded for the record's sake:
    // clearing takes our part out of whatever the note has become, it does not write this back.
    out.note = userNoteOf(cell, rec);
    if (rec && ourNote(cell, rec) && rec.raw?.noteUnknown) out.raw!.noteUnknown = true;
  }
  return out;
}

/** What could be ours on each annotated cell: its note's last part, or each reply of its thread, hashed. */
function annotationHashes(noteAt: Map<string, string>, threadAt: Map<string, ThreadNow>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [addr, text] of noteAt) {
    const at = ourPartBreak(text);
    out.set(addr, [hash(at >= 0 ? text.slice(at + 1) : text)]);
  }
  for (const [addr, t] of threadAt)
    out.set(
      addr,
      t.replies.map((r) => hash(r.content)),
    );
  return out;
}

/**
 * Where lost marks' notes are now: column by column, lost marks and the sheet's notes (or
 * threads) whose part of ours hashes like theirs are paired in row order (inserting or deleting
 * rows keeps the order of what remains).
 */
function relocate(
  hashesAt: Map<string, string[]>,
  lost: [string, Recorded][],
  taken: Set<string>,
): Map<string, { rec: Recorded; from: string }> {
  const wantedHashes = new Set(lost.map(([, r]) => r.raw!.h!));
  const byColumn = new Map<number, { row: number; h: string; addr: string }[]>();
  for (const [addr, hashes] of hashesAt) {
    if (taken.has(addr)) continue;
    const h = hashes.find((x) => wantedHashes.has(x));
    if (h === undefined) continue;
    const { row, col } = parseAddress(addr);
    const list = byColumn.get(col) ?? [];
    list.push({ row, h, addr });
    byColumn.set(col, list);
  }
  const lostByColumn = new Map<number, { row: number; rec: Recorded; from: string }[]>();
  for (const [addr, rec] of lost) {
    const { row, col } = parseAddress(addr);
    const list = lostByColumn.get(col) ?? [];
    list.push({ row, rec, from: addr });
    lostByColumn.set(col, list);
  }
  const out = new Map<string, { rec: Recorded; from: string }>();
  for (const [col, marks] of lostByColumn) {
    const found = (byColumn.get(col) ?? []).sort((a, b) => a.row - b.row);
    marks.sort((a, b) => a.row - b.row);
    let j = 0;
    for (const m of marks) {
      // The next found note of the same text, keeping row order; none left: this mark is gone.
      let k = j;
      while (k < found.length && found[k]!.h !== m.rec.raw!.h) k++;
      if (k === found.length) continue;
      out.set(found[k]!.addr, { rec: m.rec, from: m.from });
      j = k + 1;
    }
  }
  return out;
}

/** Queues fills and notes back to their originals, where the cell still carries our mark. */
async function queueRestores(
  s: Session,
  caps: ExcelCapabilities,
  ws: Excel.Worksheet,
  cells: [string, Recorded, CellNow][],
): Promise<void> {
  const none: string[] = [];
  const byColour = new Map<string, string[]>();
  let n = 0;
  for (const [addr, rec, cell] of cells) {
    if (ourFill(cell, rec)) {
      const raw = rec.raw ?? {};
      if (rec.fill === null) none.push(addr);
      else if ((typeof raw.pattern === "string" && raw.pattern !== "Solid") || raw.tint) {
        // A patterned or tinted fill goes back cell by cell.
        const fill = ws.getRange(addr).format.fill;
        fill.color = `#${rec.fill}`;
        if (typeof raw.pattern === "string" && caps.fillDetails) fill.pattern = raw.pattern as Excel.FillPattern;
        if (typeof raw.patternColor === "string" && caps.fillDetails) fill.patternColor = raw.patternColor;
        if (raw.tint && caps.fillDetails) fill.tintAndShade = raw.tint;
      } else {
        const list = byColour.get(rec.fill) ?? [];
        list.push(addr);
        byColour.set(rec.fill, list);
      }
    }
    if (caps.notes && rec.raw?.noteUnknown !== true && !rec.raw?.k && ourNote(cell, rec)) {
      // Exactly our part goes; whatever the clerk has above it stays (core removeOurNote).
      if (cell.thread) {
        // A thread the clerk resolved since takes no edit: our reply stays until it is reopened.
        if (!cell.thread.resolved) ourReply(cell.thread, rec.raw!.h!)!.delete();
      } else {
        const user = splitOurs(cell.note, rec.raw!.h!)!.user;
        if (user === null) ws.notes.getItem(addr).delete();
        else ws.notes.getItem(addr).content = user;
      }
    }
    if (++n % BLOCK === 0) await s.flushIfFull(BLOCK, CELLS_PER_SYNC);
  }
  for (const r of rangesFor(ws, caps, none)) r.format.fill.clear();
  await s.flushIfFull(1, CELLS_PER_SYNC);
  for (const [colour, addrs] of byColour) {
    for (const r of rangesFor(ws, caps, addrs)) r.format.fill.color = `#${colour}`;
    await s.flushIfFull(1, CELLS_PER_SYNC);
  }
}

/** Queues the orphan parts' removal on cells not marked again: the note goes, or keeps the clerk's words. */
async function queueOrphanDrops(s: Session, ws: Excel.Worksheet, cells: [string, string | null][]): Promise<void> {
  let n = 0;
  for (const [addr, kept] of cells) {
    if (kept === null) ws.notes.getItem(addr).delete();
    else ws.notes.getItem(addr).content = kept;
    if (++n % BLOCK === 0) await s.flushIfFull(BLOCK, CELLS_PER_SYNC);
  }
}

/** Whether a note ends with an orphan part of ours (core/orphan-notes). */
function isOrphaned(note: Excel.Note): boolean {
  return withoutOrphanParts(note.content) !== note.content;
}

async function queueMarks(
  s: Session,
  caps: ExcelCapabilities,
  ws: Excel.Worksheet,
  cells: [string, Mark, Recorded, CellNow, Recorded | undefined][],
): Promise<void> {
  const byColour = new Map<string, string[]>();
  let n = 0;
  for (const [addr, mark, original, cell, rec] of cells) {
    const colour = MARK_FILLS[mark.severity];
    const unchanged = !!cell.fill && cell.fill.color === colour && isSolid(cell.fill.pattern) && !cell.fill.tint;
    if (unchanged) {
      // Already this colour (a re-check that found the same): nothing to send.
    } else if (cell.fill && caps.fillDetails && (!isSolid(cell.fill.pattern) || cell.fill.tint)) {
      // Over a patterned or tinted fill, setting the colour alone would keep the pattern.
      const fill = ws.getRange(addr).format.fill;
      fill.pattern = "Solid";
      fill.color = `#${colour}`;
      if (cell.fill.tint) fill.tintAndShade = 0;
    } else {
      const list = byColour.get(colour) ?? [];
      list.push(addr);
      byColour.set(colour, list);
    }
    if (caps.notes && !original.raw?.k && cell.thread) {
      const ours = noteOf(mark);
      const t = cell.thread;
      if (t.resolved || t.replies.some((r) => r.content === ours)) {
        // Resolved: no reply can go in. Already there: nothing to send.
      } else {
        const before = rec?.raw?.h ? ourReply(t, rec.raw.h) : undefined;
        if (before) before.content = ours;
        else t.comment.replies.add(ours);
      }
    } else if (caps.notes && !original.raw?.k) {
      const text = mergeNote(userNoteOf(cell, rec), noteOf(mark));
      if (cell.note === text) {
        // The same note as the last check wrote: nothing to send.
      } else if (cell.hasNote) ws.notes.getItem(addr).content = text;
      else ws.notes.add(addr, text);
    }
    if (++n % BLOCK === 0) await s.flushIfFull(BLOCK, CELLS_PER_SYNC);
  }
  for (const [colour, addrs] of byColour) {
    const ranges = rangesFor(ws, caps, addrs);
    for (let i = 0; i < ranges.length; i++) {
      ranges[i]!.format.fill.color = `#${colour}`;
      if ((i + 1) % 25 === 0) await s.flushIfFull(BLOCK, CELLS_PER_SYNC);
    }
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: identifies our note's text without storing it twice. */
export function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
