/// <reference types="office-js" />
import { decodeState, emptyState, encodeState, STATE_SHEET, type MarksState } from "../../core/marks-state.js";
import type { ExcelCapabilities } from "./capabilities.js";
import type { Session } from "./session.js";

/**
 * Where the marks state (core/marks-state.ts) lives in a workbook Excel has open: custom XML
 * parts (ExcelApi 1.5), not a sheet. A state sheet would have to be added, hidden and, when
 * empty, deleted; `Worksheet.delete` (and on Windows and Mac renaming or hiding a sheet) clears
 * the clerk's undo stack, and a VeryHidden sheet can't even be deleted (office-js#365). A
 * custom XML part is stored in the package beside the sheets, travels with the file, is seen by
 * no user, and is written without touching any sheet. docs/requirements.md has the reasoning.
 *
 * The JSON is zlib-compressed and base64-encoded (a record per marked cell repeats itself: a
 * 50,000-row ledger's 2 MB of state becomes a few hundred kB, which every mark and bulletin
 * request carries), then split in parts of at most PART_CHARS so that no single setXml request
 * nears Excel on the web's 5 MB limit. A state sheet written by the .xlsx host (the CLI) or an older
 * version is read when no part exists, and never deleted or hidden again.
 */

export const STATE_NAMESPACE = "urn:ledger-check:marks-state:1";
/** Base64 characters per part (one byte each): one block under the request budget. */
const PART_CHARS = 150_000;

/**
 * The state as this host last read or wrote it, with the ids of the parts that held it. A later
 * operation that finds the same parts takes it from here instead of reading them again (the
 * one-click job reads it in listSheets and needs it again to mark and to write the bulletin).
 * Every save gives new ids (saveState), so a state another add-in instance saved since is read anew.
 */
export interface StateCache {
  /** ids "" stands for a workbook with no state at all. */
  value?: { ids: string; state: MarksState };
  /**
   * When a lookup last found the workbook's state to be `value` (Date.now()). The one-click job
   * reads the state when it lists the sheets and looks again as it reads the ledger, in a sync
   * made anyway; the snapshot asked for right after needs no round trip of its own then.
   */
  confirmedAt?: number;
}

/** How long a confirmed state is taken as the workbook's without looking again (see readCachedSnapshot). */
const CONFIRMED_MS = 30_000;

export interface LoadedState {
  state: MarksState;
  /** The parts that hold it now (ids), to be rewritten or removed by a save. */
  parts: Excel.CustomXmlPart[];
}

/** Queued by `queueStateLookup`, resolved by `readState` after one sync. */
export interface StateLookup {
  parts: Excel.CustomXmlPartScopedCollection | null;
  legacy: Excel.Worksheet | null;
}

export function queueStateLookup(context: Excel.RequestContext, caps: ExcelCapabilities): StateLookup {
  let parts: Excel.CustomXmlPartScopedCollection | null = null;
  if (caps.customXmlParts) {
    parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
    parts.load("items/id");
  }
  let legacy: Excel.Worksheet | null = null;
  if (caps.nullObjects) {
    legacy = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
    legacy.load("name");
  }
  return { parts, legacy };
}

/**
 * One more sync after the lookup's: the parts' XML, or the legacy sheet's column A. With no state
 * to read it makes no sync, unless `alwaysSync` (the caller queued loads to ride on it).
 */
export async function readState(
  s: Session,
  lookup: StateLookup,
  cache: StateCache,
  alwaysSync = false,
): Promise<LoadedState> {
  const parts = lookup.parts?.items ?? [];
  const ids = idsOf(parts);
  if (parts.length > 0 && cache.value?.ids === ids) {
    if (alwaysSync) await s.sync();
    cache.confirmedAt = Date.now();
    return { state: structuredClone(cache.value.state), parts };
  }
  if (parts.length > 0) {
    const xml = parts.map((p) => p.getXml());
    await s.sync(() => xml.map((x) => x.value));
    const state = decodeState([decodeParts(latestSave(xml.map((x) => parsePart(x.value))), await zlib())]);
    cache.value = { ids, state: structuredClone(state) };
    cache.confirmedAt = Date.now();
    return { state, parts };
  }
  if (lookup.legacy && !lookup.legacy.isNullObject) {
    cache.confirmedAt = undefined;
    const used = lookup.legacy.getUsedRangeOrNullObject(true);
    used.load("values,columnIndex");
    await s.sync(() => (used.isNullObject ? null : used.values));
    if (used.isNullObject || used.columnIndex !== 0) return { state: emptyState(), parts };
    // Column A only: anything a curious user typed elsewhere is not ours.
    return { state: decodeState(used.values.map((row) => String(row[0] ?? ""))), parts };
  }
  if (alwaysSync) await s.sync();
  cache.value = { ids: "", state: emptyState() };
  cache.confirmedAt = Date.now();
  return { state: emptyState(), parts };
}

/**
 * After a sync that carried `lookup` (queued to ride on a read): notes whether the workbook's
 * state is still the one cached, without reading it.
 */
export function confirmState(lookup: StateLookup, cache: StateCache): void {
  const parts = lookup.parts?.items ?? [];
  const legacy = !!lookup.legacy && !lookup.legacy.isNullObject;
  const ids = legacy ? null : idsOf(parts);
  cache.confirmedAt = ids !== null && cache.value?.ids === ids ? Date.now() : undefined;
}

/**
 * The snapshot of the cached state when a lookup confirmed it moments ago (null: none), or
 * undefined when it must be read. A stale answer could only misstate the progress figures (the
 * marks write looks the state up again), and only if another instance checked in between.
 */
export function readCachedSnapshot(cache: StateCache): MarksState["snapshot"] | null | undefined {
  if (!cache.value || cache.confirmedAt === undefined || Date.now() - cache.confirmedAt > CONFIRMED_MS)
    return undefined;
  return cache.value.state.snapshot ?? null;
}

/**
 * Queues the state write, one new part per chunk and the old parts' deletion, syncing between
 * parts when the request is full. An empty state removes our parts; no sheet is touched.
 */
export async function saveState(
  s: Session,
  loaded: LoadedState,
  state: MarksState,
  cache: StateCache,
): Promise<() => void> {
  const empty = state.generatedSheets.length === 0 && Object.keys(state.marks).length === 0 && !state.snapshot;
  const z = empty ? null : await zlib();
  const json = z ? toBase64(z.zlibSync(z.strToU8(encodeState(state).join("")), { level: 6 })) : "";
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += PART_CHARS) chunks.push(json.slice(i, i + PART_CHARS));
  // Every save writes new parts and then deletes the old: a part's id changes with its content
  // (setXml would keep it), so the cache's ids tell a state another instance saved. A save cut
  // off between the two leaves both sets; the reader takes the newest complete one.
  const save = `${Date.now().toString(36).padStart(9, "0")}-${Math.random().toString(36).slice(2, 8)}`;
  const kept: Excel.CustomXmlPart[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const part = s.context.workbook.customXmlParts.add(partXml(i, chunks.length, save, chunks[i]!));
    part.load("id");
    kept.push(part);
    await s.flushIfFull(1, 1);
  }
  for (const old of loaded.parts) old.delete();
  // Call after the sync that sends the last part: the cache then knows the parts' ids.
  const saved = structuredClone(state);
  return () => {
    cache.value = { ids: idsOf(kept), state: saved };
  };
}

/** The cache's key for a set of parts (ids change with every save: saveState). */
const idsOf = (parts: Excel.CustomXmlPart[]) => parts.map((p) => p.id).join(",");

function partXml(index: number, of: number, save: string, json: string): string {
  return `<state xmlns="${STATE_NAMESPACE}" index="${index}" of="${of}" save="${save}" encoding="zlib-base64">${json}</state>`;
}

interface Part {
  index: number;
  of: number;
  /** The save that wrote it ("" before saves were named). */
  save: string;
  json: string;
  zipped: boolean;
}

function parsePart(xml: string): Part {
  const m = /<state\b([^>]*)>([\s\S]*)<\/state>/.exec(xml);
  if (!m) return { index: 0, of: 1, save: "", json: "", zipped: false };
  const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]!)?.[1];
  return {
    index: Number(attr("index") ?? 0),
    of: Number(attr("of") ?? 1),
    save: attr("save") ?? "",
    json: unescapeXml(m[2]!),
    zipped: attr("encoding") === "zlib-base64",
  };
}

/**
 * The parts of the newest complete save, in order (see saveState); with none complete, every
 * part in index order, as before saves were named.
 */
function latestSave(parts: Part[]): Part[] {
  const bySave = new Map<string, Part[]>();
  for (const p of parts) bySave.set(p.save, [...(bySave.get(p.save) ?? []), p]);
  const whole = (list: Part[]) =>
    list.every((p) => p.of === list.length && p.index < p.of) && new Set(list.map((p) => p.index)).size === list.length;
  const complete = [...bySave].filter(([, list]) => whole(list)).sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  return (complete[0]?.[1] ?? parts).slice().sort((a, b) => a.index - b.index);
}

/** The state's JSON from the parts' XML, in any order (tests read the fake's parts with it). */
export async function readStateXml(xml: string[]): Promise<string> {
  return decodeParts(
    latestSave(xml.filter((x) => x.includes(`xmlns="${STATE_NAMESPACE}"`)).map(parsePart)),
    await zlib(),
  );
}

/** fflate, loaded when the state is first read or written: it stays out of the pane's first load. */
const zlib = () => import("fflate");
type Zlib = Awaited<ReturnType<typeof zlib>>;

/** The state's JSON from its parts; "" (an empty state) when they don't decode. */
function decodeParts(parts: { json: string; zipped: boolean }[], z: Zlib): string {
  const text = parts.map((p) => p.json).join("");
  if (!parts.some((p) => p.zipped)) return text;
  try {
    return z.strFromU8(z.unzlibSync(fromBase64(text.replace(/\s+/g, ""))));
  } catch {
    return "";
  }
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? "=" : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? "=" : B64[c & 63]!;
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) throw new Error("not base64");
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
