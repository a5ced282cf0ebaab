import { z } from "zod";
import { SnapshotSchema } from "../../core/progress/snapshot.js";
import type { ByteSink } from "./byte-sink.js";
import type { PackageCopy } from "./package-copy.js";
import type { SheetEntry } from "./xlsx-writer.js";
import { attributes, decodeXml } from "./xml.js";
import { richText, xmlText } from "./xml-write.js";

/**
 * What ledger-check keeps in a copy so that its marks can be undone exactly and its sheets
 * recognised: JSON in column A of a very hidden sheet, under a header with a random id and a
 * checksum of the content. A sheet, because the programs that edit the copy keep it (openpyxl
 * drops custom XML parts on save; Excel, LibreOffice and openpyxl keep a very hidden sheet and
 * its text). Found by its verified header, never by its name: a clerk's sheet named `ledger-check`
 * is never taken for ours, and a state edited by hand is not trusted at all.
 */

const Severity = z.enum(["error", "warning", "info"]);
/** A marked cell's address, as records are keyed (version 2) and listed (version 3). */
const ADDRESS = /^[A-Z]{1,3}[1-9]\d{0,6}$/;
/** A clerk's note as it was: its `<comment>` verbatim and its text. */
const NoteSchema = z.object({ xml: z.string(), text: z.string() });

export const MarkRecordSchema = z.object({
  /** The cell's `s` attribute before we marked it (null: absent). */
  s: z.number().int().nonnegative().nullable(),
  /** Whether the `<c>` element existed (an absent one we inserted, and remove again when it is still empty). */
  existed: z.boolean(),
  /** The fillId and applyFill of that style, and the meaning of the fill (to restore after a program renumbered styles). */
  fillId: z.number().int().nonnegative(),
  applyFill: z.string().nullable(),
  /** The original fill element, as an index into the state's table of fills (most cells share a few). */
  fill: z.number().int().nonnegative(),
  severity: Severity,
  /** The clerk's note before, verbatim, or null when there was none. */
  note: NoteSchema.nullable(),
  /** The paragraph we wrote into the note (`【整改台账校验】…`, core/marks.ts ourNote). */
  ours: z.string(),
  /**
   * The note already ended with that very paragraph (a mark whose record was lost: a state edited
   * by hand is not trusted), so nothing was added: clearing leaves the note as it was found.
   */
  kept: z.literal(true).optional(),
  /**
   * The cell has a thread (Excel 365's comments): our paragraph went into the thread as a reply
   * and into its placeholder note as Excel writes a reply there (threads-patch.ts).
   */
  thread: z.literal(true).optional(),
});
export type MarkRecord = z.infer<typeof MarkRecordSchema>;

export const GeneratedSheetSchema = z.object({
  sheetId: z.number().int().positive(),
  name: z.string(),
  /** A random code name in `<sheetPr codeName>`: Excel and openpyxl keep it when they re-save; LibreOffice does not. */
  codeName: z.string(),
  /**
   * What the sheet showed as we wrote it (contentPrint): how a sheet LibreOffice saved, its code
   * name gone, is still known as ours, when it still shows exactly that under our name.
   */
  print: z.string().optional(),
});
export type GeneratedSheet = z.infer<typeof GeneratedSheetSchema>;

/** The state as the writer holds it, each mark a record under its cell's address; stored so up to version 2. */
export const XlsxStateSchema = z.object({
  version: z.literal(2),
  /** By the sheet's sheetId (which a rename keeps). */
  marks: z.record(
    z.string(),
    z.object({ name: z.string(), cells: z.record(z.string().regex(ADDRESS), MarkRecordSchema) }),
  ),
  generated: z.array(GeneratedSheetSchema),
  /** Fill elements the marked cells had, verbatim. */
  fills: z.array(z.string()).default([]),
  /** The last check, for progress since then (core/progress). */
  snapshot: SnapshotSchema.optional(),
});
export type XlsxState = z.infer<typeof XlsxStateSchema>;

const index = z.number().int().nonnegative();

/**
 * A sheet's marks as stored from version 3: the records as columns, in one order, their texts as
 * indexes into the state's table. A 50,000-row ledger's 28,000 records were 5 MB of JSON as
 * objects, each repeating its note's text (1,600 distinct) and its keys.
 */
const StoredMarksSchema = z.object({
  name: z.string(),
  /** The cells' addresses, space-separated. */
  cells: z.string(),
  /** MarkRecord.s, -1 for null. */
  s: z.array(z.number().int().min(-1)),
  /** MarkRecord.existed, a 1 or 0 a cell. */
  existed: z.string().regex(/^[01]*$/),
  fillId: z.array(index),
  /** MarkRecord.applyFill as an index into texts, -1 for null. */
  applyFill: z.array(z.number().int().min(-1)),
  fill: z.array(index),
  /** MarkRecord.severity by its first letter. */
  severity: z.string().regex(/^[ewi]*$/),
  /** MarkRecord.ours as an index into texts. */
  ours: z.array(index),
  /** MarkRecord.note, by the cell's place in the columns (most marked cells had no note); unpackState checks the places. */
  notes: z.record(z.string(), NoteSchema).optional(),
  /** The places of the records that are `kept`. */
  kept: z.array(index).optional(),
  /** The places of the records that are `thread`. */
  thread: z.array(index).optional(),
});
type StoredMarks = z.infer<typeof StoredMarksSchema>;

const StoredStateSchema = XlsxStateSchema.extend({
  version: z.literal(3),
  /** The texts the marks share. */
  texts: z.array(z.string()),
  marks: z.record(z.string(), StoredMarksSchema),
});
type StoredState = z.infer<typeof StoredStateSchema>;

/** The state as it is stored (version 3). */
export function packState(state: XlsxState): StoredState {
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const textOf = (t: string): number => {
    let i = textIndex.get(t);
    if (i === undefined) textIndex.set(t, (i = texts.push(t) - 1));
    return i;
  };
  const marks: Record<string, StoredMarks> = {};
  for (const [sheetId, { name, cells }] of Object.entries(state.marks)) {
    const records = Object.entries(cells);
    const notes: NonNullable<StoredMarks["notes"]> = {};
    const kept: number[] = [];
    const thread: number[] = [];
    records.forEach(([, rec], at) => {
      if (rec.note) notes[String(at)] = rec.note;
      if (rec.kept) kept.push(at);
      if (rec.thread) thread.push(at);
    });
    marks[sheetId] = {
      name,
      cells: records.map(([address]) => address).join(" "),
      s: records.map(([, r]) => r.s ?? -1),
      existed: records.map(([, r]) => (r.existed ? "1" : "0")).join(""),
      fillId: records.map(([, r]) => r.fillId),
      applyFill: records.map(([, r]) => (r.applyFill === null ? -1 : textOf(r.applyFill))),
      fill: records.map(([, r]) => r.fill),
      severity: records.map(([, r]) => r.severity[0]).join(""),
      ours: records.map(([, r]) => textOf(r.ours)),
      ...(Object.keys(notes).length > 0 ? { notes } : {}),
      ...(kept.length > 0 ? { kept } : {}),
      ...(thread.length > 0 ? { thread } : {}),
    };
  }
  return { ...state, version: 3, texts, marks };
}

const SEVERITY = { e: "error", w: "warning", i: "info" } as const;

/** A stored state as the writer holds it; null when its columns do not agree (not a state we wrote). */
export function unpackState(stored: StoredState): XlsxState | null {
  const { texts } = stored;
  const marks: XlsxState["marks"] = {};
  for (const [sheetId, m] of Object.entries(stored.marks)) {
    const addresses = m.cells === "" ? [] : m.cells.split(" ");
    const n = addresses.length;
    const columns = [m.s, m.existed, m.fillId, m.applyFill, m.fill, m.severity, m.ours];
    if (columns.some((c) => c.length !== n)) return null;
    const cells: Record<string, MarkRecord> = {};
    for (let i = 0; i < n; i++) {
      const address = addresses[i]!;
      const ours = texts[m.ours[i]!];
      const applyFill = m.applyFill[i]! < 0 ? null : texts[m.applyFill[i]!];
      if (!ADDRESS.test(address) || ours === undefined || applyFill === undefined || address in cells) return null;
      cells[address] = {
        s: m.s[i]! < 0 ? null : m.s[i]!,
        existed: m.existed[i] === "1",
        fillId: m.fillId[i]!,
        applyFill,
        fill: m.fill[i]!,
        severity: SEVERITY[m.severity[i] as keyof typeof SEVERITY],
        note: m.notes?.[String(i)] ?? null,
        ours,
      };
    }
    // A place is a record's index, written as JSON writes it ("01" is no place: its note would be lost).
    for (const at of Object.keys(m.notes ?? {})) if (!(Number(at) < n) || String(Number(at)) !== at) return null;
    for (const at of m.kept ?? []) {
      if (at >= n) return null;
      cells[addresses[at]!]!.kept = true;
    }
    for (const at of m.thread ?? []) {
      if (at >= n) return null;
      cells[addresses[at]!]!.thread = true;
    }
    marks[sheetId] = { name: m.name, cells };
  }
  const { texts: _texts, ...rest } = stored;
  return { ...rest, version: 2, marks };
}

export function emptyXlsxState(): XlsxState {
  return { version: 2, marks: {}, generated: [], fills: [] };
}

export interface LoadedState {
  state: XlsxState;
  /** The sheet holding our state (its name), to be rewritten or removed on save. */
  sheet: string | null;
  /** A state sheet of ours whose checksum failed (edited by hand): ignored, and replaced on save. */
  tampered: boolean;
}

/** What the state needs of the workbook (the writer owns the workbook's parts). */
export interface StateHost {
  pkg: PackageCopy;
  sheets(): SheetEntry[];
  /** Adds a worksheet at the end of the tab order; returns its entry. */
  addSheet(name: string, xml: ByteSink, state: "veryHidden"): SheetEntry;
  removeSheet(entry: SheetEntry): void;
  /** Makes the sheet very hidden again (LibreOffice saves our state sheet as only hidden). */
  hideSheet(entry: SheetEntry): void;
}

/** The header's version: 3 stores the marks as columns (packState); a copy of version 2 is still read. */
const HEADER = /^ledger-check state ([23]) id=([0-9a-f]{32}) sig=([0-9a-f]{16})$/;

/** The name we give the state sheet when it is free (a clerk's sheet of that name is never ours). */
export const STATE_SHEET_NAME = "ledger-check";

/** Characters per chunk: under Excel's 32767 per cell, with room to spare. */
const CHUNK = 30000;

/** Finds and verifies our state among the hidden sheets: by its signed header, never by its name. */
export function loadState(host: StateHost): LoadedState {
  let tampered: string | null = null;
  const sheets = host.sheets();
  // Ours is very hidden. LibreOffice saves it as only hidden: such a sheet is read after, and only
  // when no very hidden one is ours and it holds nothing but column A (a clerk's copy of our sheet
  // with a note beside it is theirs). A visible sheet is never read: the ledger is one.
  for (const pass of ["veryHidden", "hidden"] as const) {
    for (const s of sheets) {
      if (s.state !== pass || !s.part) continue;
      // A clerk's hidden sheet (a lookup list, an old ledger) is let go by its first cells, unread.
      if (pass === "hidden" && BEYOND_A.test(host.pkg.head(s.part, 4096) ?? "")) continue;
      const texts = columnA(host.pkg, s.part, pass === "hidden");
      if (texts === null) continue;
      const head = HEADER.exec(texts[0] ?? "");
      if (!head) continue;
      const json = texts.slice(1).join("");
      if (checksum(`${head[2]}\n`, json) === head[3]) {
        try {
          const state = head[1] === "2" ? XlsxStateSchema.safeParse(JSON.parse(json)).data : stored(JSON.parse(json));
          if (state) return { state, sheet: s.name, tampered: false };
        } catch {
          // not JSON after all: tampered
        }
      }
      // A sheet that only looks like ours is replaced only while very hidden, where no clerk keeps work.
      if (pass === "veryHidden") tampered ??= s.name;
    }
  }
  return { state: emptyXlsxState(), sheet: tampered, tampered: tampered !== null };
}

/** Writes the state into its very hidden sheet (or removes the sheet when there is nothing to keep); returns the sheet's name. */
export function saveState(host: StateHost, state: XlsxState, sheet: string | null): string | null {
  const entry = sheet ? host.sheets().find((s) => s.name === sheet) : undefined;
  const nothing = Object.keys(state.marks).length === 0 && state.generated.length === 0 && !state.snapshot;
  if (nothing) {
    if (entry) host.removeSheet(entry);
    return null;
  }
  const id = randomHex(16);
  // JSON escapes every control character; U+FFFE/U+FFFF too, so each chunk is plain XML text.
  const json = JSON.stringify(packState(state)).replace(/[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  const texts = [`ledger-check state 3 id=${id} sig=${checksum(`${id}\n`, json)}`];
  for (let i = 0; i < json.length;) {
    let end = Math.min(i + CHUNK, json.length);
    // Never split a surrogate pair: a lone half is not valid XML.
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    texts.push(json.slice(i, end));
    i = end;
  }
  // Row by row into the part (a 50,000-mark state is 6 MB of JSON: never a second string of it).
  const xml = host.pkg.sink();
  xml.write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  texts.forEach((t, i) =>
    xml.write(`<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${xmlText(t)}</t></is></c></row>`),
  );
  xml.write("</sheetData></worksheet>");
  if (entry?.part) {
    host.pkg.setSink(entry.part, xml);
    if (entry.state !== "veryHidden") host.hideSheet(entry);
    return entry.name;
  }
  const taken = new Set(host.sheets().map((s) => s.name.toLowerCase()));
  let name = STATE_SHEET_NAME;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${STATE_SHEET_NAME} (${n})`;
  return host.addSheet(name, xml, "veryHidden").name;
}

function stored(json: unknown): XlsxState | null {
  const parsed = StoredStateSchema.safeParse(json);
  return parsed.success ? unpackState(parsed.data) : null;
}

/** A cell outside column A (`r="B1"`, `r="AA7"`) with something in it (not `<c …/>`). */
const BEYOND_A = /<(?:\w+:)?c\b[^>]*?\sr\s*=\s*["'](?:[B-Z]|[A-Z]{2})[^>]*[^/]>/;

/**
 * The texts of column A, in row order (inline, shared or formula-result strings); with `only`,
 * null when a cell outside column A holds something.
 */
function columnA(pkg: PackageCopy, part: string, only = false): string[] | null {
  const xml = pkg.text(part) ?? "";
  const out: string[] = [];
  let shared: string[] | null = null;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const a = attributes(`<c${m[1]}>`);
    if (!/^A\d+$/.test(a.r ?? "")) {
      if (only && /<(?:\w+:)?(?:v|is)\b/.test(m[2] ?? "")) return null;
      continue;
    }
    const body = m[2] ?? "";
    if (a.t === "inlineStr") out.push(richText(body));
    else if (a.t === "s") {
      shared ??= sharedStrings(pkg);
      const v = /<(?:\w+:)?v>(\d+)</.exec(body);
      out.push(v ? (shared[Number(v[1])] ?? "") : "");
    } else if (a.t === "str") out.push(decodeXml(/<(?:\w+:)?v>([\s\S]*?)</.exec(body)?.[1] ?? ""));
    else out.push("");
  }
  return out;
}

function sharedStrings(pkg: PackageCopy): string[] {
  const rel = pkg.rels(pkg.workbookPart()).find((r) => r.type.endsWith("/sharedStrings") && r.part);
  const xml = rel?.part ? (pkg.text(rel.part) ?? "") : "";
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g))
    out.push(richText(m[1] ?? ""));
  return out;
}

/** The checksum of the texts one after the other (not joined: the state's JSON is 6 MB at 50,000 marks). */
export function checksum(...texts: string[]): string {
  const sum = new Checksum();
  for (const text of texts) sum.add(text);
  return sum.digest();
}

/** `checksum` fed a text at a time: 64 bits in two lanes (FNV-1a and a murmur-style mix). */
export class Checksum {
  private h1 = 0x811c9dc5;
  private h2 = 0x9e3779b9;
  add(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.h1 = h1;
    this.h2 = h2;
  }
  /** A non-negative integer below 2³², as two code units (no text made for it). */
  addInt(n: number): void {
    const high = n >>> 16;
    const low = n & 0xffff;
    const h1 = Math.imul(Math.imul(this.h1 ^ high, 0x01000193) ^ low, 0x01000193);
    let h2 = Math.imul(this.h2 ^ high, 0x5bd1e995);
    h2 ^= h2 >>> 15;
    h2 = Math.imul(h2 ^ low, 0x5bd1e995);
    this.h1 = h1;
    this.h2 = h2 ^ (h2 >>> 15);
  }
  digest(): string {
    const h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 0x85ebca6b);
    const h2 = Math.imul(this.h2 ^ (this.h2 >>> 13), 0xc2b2ae35);
    return ((h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0")).slice(0, 16);
  }
}

export function randomHex(bytes: number): string {
  const b = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}
