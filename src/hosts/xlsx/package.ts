import { readableXml, xmlText } from "./canonical-xml.js";
import { Inflate } from "fflate";
import { tooLarge, WorkbookOpenError } from "./errors.js";
import { attr, tags } from "./xml.js";

/**
 * An OOXML package (the zip inside .xlsx/.xlsm): its parts, content types, relationships and
 * the workbook's sheet list. Node and browser alike — the caller passes the file's bytes.
 *
 * The zip directory is read once; a part is inflated only when asked for (`bytes`, `text`,
 * `chunks`), in bounded steps, so a zip bomb is refused before its output is held. The writer
 * copies parts it does not change byte for byte from `stored(name)` without inflating them.
 *
 * Part names are given without the leading slash (`xl/worksheets/sheet1.xml`), as the zip
 * stores them; lookups ignore ASCII case (OPC part names are case-insensitive, ECMA-376 Part 2
 * §6.2.2.3) and accept `\` for `/` (zips made on Windows by hand).
 *
 * API (kept small; the writer builds on it):
 *   Package.open(bytes, limits?, inflateRaw?) → Package; throws WorkbookOpenError ("corrupt", "too-large")
 *   pkg.names                         every part name, in zip order
 *   pkg.has(name) / pkg.entry(name)   the zip entry (sizes, method, crc) or undefined
 *   pkg.bytes(name) / pkg.text(name)  the inflated part (UTF-8 decoded for text)
 *   pkg.chunks(name)                  the inflated part in pieces, for streaming scanners
 *   pkg.stored(name)                  the compressed bytes as stored, for byte-for-byte copies
 *   pkg.contentTypes / contentType(n) [Content_Types].xml
 *   pkg.rels(source)                  relationships of a part ("" for the package), targets resolved
 *   pkg.workbook                      workbook part, its rels, sheets (name, state, part), date1904
 *   resolveTarget(source, target)     a relationship target as a part name (absolute or relative)
 *   relsPartName(source)              `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`
 */

export interface PackageLimits {
  /** Largest total of the declared inflated sizes of the XML parts, in bytes. */
  maxInflatedBytes: number;
  /** Most zip entries. */
  maxParts: number;
}

export const DEFAULT_LIMITS: PackageLimits = {
  // A 50,000-row ledger's sheet inflates to ~30 MB: this leaves room for ~800,000 dense rows
  // while a 3.4 MB package declaring 3.5 GB is refused from its directory alone.
  maxInflatedBytes: 512 * 1024 * 1024,
  maxParts: 100_000,
};

/**
 * A faster raw-deflate inflater the caller may lend (the CLI passes Node's native zlib; hosts/xlsx
 * itself uses no Node API). It must refuse output past `size` bytes (zlib's maxOutputLength) by throwing.
 */
export type RawInflater = (data: Uint8Array, size: number) => Uint8Array;

/**
 * Native zlib, lent by a host that has it (the CLI: node:zlib, 3–5× fflate's speed on a big sheet);
 * without it, hosts/xlsx uses fflate (the browser preview). Each function is optional.
 */
export interface Zlib {
  inflateRaw?: RawInflater;
  /**
   * Raw deflate (no zlib header), at a fast level: only the parts we change are compressed. A part
   * may come in segments: with `more`, the output ends in a sync flush instead of the final block,
   * for the next segment to follow; `dictionary` is what came before (the last 32 KB), for it to refer back to.
   */
  deflateRaw?: (data: Uint8Array, segment?: { more: boolean; dictionary?: Uint8Array | undefined }) => Uint8Array;
  /**
   * What the start of a raw deflate stream holds, `data` being that start (a sync flush, not the
   * end), at most `limit` bytes: a 20 MB sheet's head without inflating the rest.
   */
  inflateRawHead?: (data: Uint8Array, limit: number) => Uint8Array;
  /** CRC-32 of `data`, continuing from `value` (the CRC of what came before). */
  crc32?: (data: Uint8Array, value?: number) => number;
  /**
   * A whole part's UTF-8 as text, exactly as `new TextDecoder("utf-8").decode` gives it, faster
   * (the CLI: a sheet part is mostly ASCII, which Node copies into a string without decoding).
   */
  decodeUtf8?: (bytes: Uint8Array) => string;
  /**
   * Bytes as a string of one character a byte (Latin-1), and back into `dest` (returning how many
   * were written). A sheet patched this way is never decoded or encoded as UTF-8: its markup is
   * ASCII, read the same either way, and every other byte goes back as it came. Only where both are
   * exact (Node's Buffer: a browser's TextDecoder("latin1") is windows-1252, not byte for byte).
   */
  latin1?: {
    decode: (bytes: Uint8Array) => string;
    encodeInto: (text: string, dest: Uint8Array) => number;
  };
}

export interface ZipEntry {
  /** The name as stored in the zip. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  /** Declared inflated size (central directory). Inflating past it is refused. */
  size: number;
  /** Offset of the local file header. */
  headerOffset: number;
  flags: number;
}

export interface Relationship {
  id: string;
  /** The full type URI (transitional or strict namespace). */
  type: string;
  /** The target as written. */
  rawTarget: string;
  /** The target as a part name (no leading slash); for external targets, the raw target. */
  target: string;
  external: boolean;
}

export type SheetState = "visible" | "hidden" | "veryHidden";
export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";

export interface WorkbookSheet {
  name: string;
  sheetId: string;
  /** The relationship id from workbook.xml (`r:id`). */
  rId: string;
  state: SheetState;
  kind: SheetKind;
  /** The sheet's part name, or undefined when the relationship is missing. */
  part: string | undefined;
}

export interface WorkbookInfo {
  /** Usually `xl/workbook.xml`. */
  part: string;
  rels: Relationship[];
  /** Every sheet of `<sheets>`, in tab order (chartsheets included: Excel counts them in activeTab). */
  sheets: WorkbookSheet[];
  date1904: boolean;
  /** Strict OOXML (ISO/IEC 29500 Strict namespaces). */
  strict: boolean;
  sharedStrings: string | undefined;
  styles: string | undefined;
}

export interface ContentTypes {
  /** By lower-case extension (`xml`, `rels`, `png`). */
  defaults: Map<string, string>;
  /** By part name (no leading slash), as written. */
  overrides: Map<string, string>;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** Compressed bytes handed to the inflater per step: bounds one step's output to ~64 MB (deflate's ratio tops at 1032:1). */
const INFLATE_STEP = 64 * 1024;
const HEAD_STEP = 4 * 1024;

export class Package {
  readonly names: readonly string[];
  private readonly byKey = new Map<string, ZipEntry>();
  private contentTypesCache: ContentTypes | undefined;
  private workbookCache: WorkbookInfo | undefined;
  private readonly relsCache = new Map<string, Relationship[]>();

  private constructor(
    private readonly data: Uint8Array,
    entries: ZipEntry[],
    /** What the host lent: the copy made from this package compresses with it too. */
    readonly zlib: Zlib,
  ) {
    this.names = entries.map((e) => e.name);
    for (const e of entries) {
      const key = keyOf(e.name);
      // The first of two same-named entries wins, as in Excel and libzip.
      if (!this.byKey.has(key)) this.byKey.set(key, e);
    }
    // A name stored percent-encoded (OPC's zip item names are ASCII, Part 2 §B.2: .NET's packager
    // writes `xl/worksheets/%E5%8F%B0%E8%B4%A6.xml`) is found by the part name it stands for too.
    for (const e of entries) {
      const key = keyOf(safeDecodeUri(e.name));
      if (!this.byKey.has(key)) this.byKey.set(key, e);
    }
  }

  /** Reads the zip directory and checks the limits; parts are inflated later, on demand. */
  static open(bytes: Uint8Array, limits: PackageLimits = DEFAULT_LIMITS, zlib: Zlib = {}): Package {
    const entries = readDirectory(bytes, limits);
    let declared = 0;
    for (const e of entries) {
      if ((e.flags & 1) !== 0) throw new WorkbookOpenError("encrypted");
      if (isXmlPart(e.name)) declared += e.size;
    }
    if (declared > limits.maxInflatedBytes) throw tooLarge("inflated", formatBytes(limits.maxInflatedBytes));
    return new Package(bytes, entries, zlib);
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  entry(name: string): ZipEntry | undefined {
    return this.byKey.get(keyOf(name)) ?? this.byKey.get(keyOf(safeDecodeUri(name)));
  }

  /** The compressed bytes of a part exactly as stored (with `entry(name).method` and crc32). */
  stored(name: string): Uint8Array {
    const e = this.require(name);
    const start = dataStart(this.data, e);
    return this.data.subarray(start, start + e.compressedSize);
  }

  /**
   * The inflated part in pieces of at most a few MB each; stops (and throws) past the declared size.
   * `whole: false` when the caller means to stop early (a part's head): the part is then inflated
   * step by step as it is read, not at once by the lent native inflater, which has no such steps.
   */
  *chunks(name: string, { whole = true }: { whole?: boolean } = {}): Generator<Uint8Array> {
    const e = this.require(name);
    const input = this.stored(name);
    if (e.method === 0) {
      if (input.length !== e.size) throw new WorkbookOpenError("corrupt");
      for (let i = 0; i < input.length; i += INFLATE_STEP * 16) yield input.subarray(i, i + INFLATE_STEP * 16);
      return;
    }
    if (e.method !== 8) throw new WorkbookOpenError("corrupt");
    if (this.zlib.inflateRaw && whole) {
      let out: Uint8Array;
      try {
        out = this.zlib.inflateRaw(input, e.size);
      } catch (err) {
        throw new WorkbookOpenError("corrupt", err);
      }
      if (out.length !== e.size) throw new WorkbookOpenError("corrupt");
      yield out;
      return;
    }
    let produced = 0;
    let pending: Uint8Array[] = [];
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      // A part larger than its directory says is a lie (or a bomb): stop at once.
      if (produced > e.size) throw new WorkbookOpenError("corrupt");
      pending.push(chunk);
    });
    // A head read starts small and doubles: a sheet's <dimension> sits in its first kilobyte.
    let step = whole ? INFLATE_STEP : HEAD_STEP;
    try {
      for (let i = 0; i < input.length || i === 0; i += step, step = Math.min(step * 2, INFLATE_STEP)) {
        inflater.push(input.subarray(i, i + step), i + step >= input.length);
        if (pending.length > 0) {
          const out = pending;
          pending = [];
          for (const c of out) yield c;
        }
      }
    } catch (err) {
      if (err instanceof WorkbookOpenError) throw err;
      throw new WorkbookOpenError("corrupt", err);
    }
    if (produced !== e.size) throw new WorkbookOpenError("corrupt");
  }

  /** The whole inflated part. */
  bytes(name: string): Uint8Array {
    const e = this.require(name);
    if (e.method === 0) {
      const s = this.stored(name);
      if (s.length !== e.size) throw new WorkbookOpenError("corrupt");
      return s;
    }
    // The native inflater gives the whole part as one piece of the declared size (chunks checks
    // it): that piece is the part, with no copy.
    if (this.zlib.inflateRaw) for (const whole of this.chunks(name)) return whole;
    const out = new Uint8Array(e.size);
    let at = 0;
    for (const c of this.chunks(name)) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  /** The part as text (UTF-8 or UTF-16; a BOM is dropped), in the spelling the scanners read (canonical-xml.ts). */
  text(name: string): string {
    return readableXml(xmlText(this.bytes(name), this.zlib.decodeUtf8));
  }

  get contentTypes(): ContentTypes {
    if (this.contentTypesCache) return this.contentTypesCache;
    const ct: ContentTypes = { defaults: new Map(), overrides: new Map() };
    if (this.has("[Content_Types].xml")) {
      for (const t of tags(this.text("[Content_Types].xml"), ["Default", "Override"])) {
        const type = attr(t.attrs, "ContentType") ?? "";
        if (t.name === "Default") ct.defaults.set((attr(t.attrs, "Extension") ?? "").toLowerCase(), type);
        else ct.overrides.set(stripSlash(attr(t.attrs, "PartName") ?? ""), type);
      }
    }
    return (this.contentTypesCache = ct);
  }

  contentType(name: string): string | undefined {
    const ct = this.contentTypes;
    const key = keyOf(name);
    for (const [part, type] of ct.overrides) if (keyOf(part) === key) return type;
    const dot = name.lastIndexOf(".");
    return dot < 0 ? undefined : ct.defaults.get(name.slice(dot + 1).toLowerCase());
  }

  /** The relationships of a part (`""` for the package's own `_rels/.rels`), targets resolved against it. */
  rels(source: string): Relationship[] {
    const key = keyOf(source);
    const cached = this.relsCache.get(key);
    if (cached) return cached;
    const relsName = relsPartName(source);
    const out: Relationship[] = [];
    if (this.has(relsName)) {
      for (const t of tags(this.text(relsName), ["Relationship"])) {
        const rawTarget = attr(t.attrs, "Target") ?? "";
        const external = (attr(t.attrs, "TargetMode") ?? "").toLowerCase() === "external";
        out.push({
          id: attr(t.attrs, "Id") ?? "",
          type: attr(t.attrs, "Type") ?? "",
          rawTarget,
          target: external ? rawTarget : resolveTarget(source, rawTarget),
          external,
        });
      }
    }
    this.relsCache.set(key, out);
    return out;
  }

  /** The workbook part and its sheet list; throws "corrupt" when the package holds no workbook. */
  get workbook(): WorkbookInfo {
    if (this.workbookCache) return this.workbookCache;
    const part = this.findWorkbookPart();
    if (part === undefined) throw new WorkbookOpenError("corrupt");
    const xml = this.text(part);
    const rels = this.rels(part);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheets: WorkbookSheet[] = [];
    let date1904 = false;
    for (const t of tags(xml, ["sheet", "workbookPr"])) {
      if (t.name === "workbookPr") {
        date1904 = isTrue(attr(t.attrs, "date1904"));
        continue;
      }
      const rId = attr(t.attrs, "id") ?? "";
      const rel = byId.get(rId);
      const state = attr(t.attrs, "state");
      sheets.push({
        name: attr(t.attrs, "name") ?? "",
        sheetId: attr(t.attrs, "sheetId") ?? "",
        rId,
        state: state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible",
        kind: rel ? sheetKind(rel.type) : "unknown",
        part: rel && !rel.external ? rel.target : undefined,
      });
    }
    const relOf = (type: string): string | undefined => {
      const r = rels.find((x) => !x.external && typeName(x.type) === type);
      return r && this.has(r.target) ? r.target : undefined;
    };
    return (this.workbookCache = {
      part,
      rels,
      sheets,
      date1904,
      strict: xml.includes("http://purl.oclc.org/ooxml/spreadsheetml/main"),
      sharedStrings: relOf("sharedStrings"),
      styles: relOf("styles"),
    });
  }

  private findWorkbookPart(): string | undefined {
    const main = this.rels("").find((r) => !r.external && typeName(r.type) === "officeDocument");
    if (main && this.has(main.target)) return this.entry(main.target)!.name;
    // No package relationship (hand-made zips): the content type, then the usual name.
    for (const [part, type] of this.contentTypes.overrides) {
      if (
        /spreadsheetml\.(sheet|template)\.main\+xml$|ms-excel\.(sheet|template)\.macroEnabled\.main\+xml$/.test(type)
      ) {
        if (this.has(part)) return this.entry(part)!.name;
      }
    }
    return this.has("xl/workbook.xml") ? this.entry("xl/workbook.xml")!.name : undefined;
  }

  private require(name: string): ZipEntry {
    const e = this.entry(name);
    if (!e) throw new WorkbookOpenError("corrupt", new Error(`no part ${name}`));
    return e;
  }
}

/**
 * A relationship target as a part name. Absolute targets (`/xl/worksheets/sheet1.xml`, what
 * openpyxl writes) start from the package root; relative ones (`worksheets/sheet1.xml`,
 * `../media/image1.png`, what Excel writes) from the source part's folder (RFC 3986 §5.2,
 * as ECMA-376 Part 2 §9.3 requires). Percent escapes are decoded; `\` counts as `/`.
 */
export function resolveTarget(source: string, target: string): string {
  let t = safeDecodeUri(target.replace(/\\/g, "/"));
  const hash = t.indexOf("#");
  if (hash >= 0) t = t.slice(0, hash);
  let segments: string[];
  if (t.startsWith("/")) segments = [];
  else {
    segments = stripSlash(source.replace(/\\/g, "/")).split("/");
    segments.pop(); // the source's own name
  }
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segments.pop();
    else segments.push(seg);
  }
  return segments.join("/");
}

/** The rels part of a source part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `""` → `_rels/.rels`. */
export function relsPartName(source: string): string {
  const s = stripSlash(source);
  const slash = s.lastIndexOf("/");
  return `${s.slice(0, slash + 1)}_rels/${s.slice(slash + 1)}.rels`;
}

/** The last segment of a relationship type URI: the same in transitional and strict namespaces. */
export function typeName(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

function sheetKind(type: string): SheetKind {
  const n = typeName(type);
  return n === "worksheet" || n === "chartsheet" || n === "dialogsheet" || n === "macrosheet" ? n : "unknown";
}

function isTrue(v: string | undefined): boolean {
  return v === "1" || v === "true" || v === "on";
}

function stripSlash(name: string): string {
  return name.startsWith("/") ? name.slice(1) : name;
}

function keyOf(name: string): string {
  return stripSlash(name.replace(/\\/g, "/")).toLowerCase();
}

function safeDecodeUri(s: string): string {
  if (s.indexOf("%") < 0) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parts we may inflate: XML and relationships. Media, VBA and other binaries are only ever copied. */
function isXmlPart(name: string): boolean {
  const n = name.toLowerCase();
  return n.endsWith(".xml") || n.endsWith(".rels") || n.endsWith(".vml");
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MB` : `${n} B`;
}

// ---- the zip directory (APPNOTE.TXT 6.3: sections 4.3.12 central header, 4.3.16 end record, 4.3.14/15 zip64) ----

function u16(b: Uint8Array, i: number): number {
  return b[i]! | (b[i + 1]! << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
}

function u64(b: Uint8Array, i: number): number {
  // Sizes past 2^53 are not files we read; the limits refuse them anyway.
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function corrupt(why: string): WorkbookOpenError {
  return new WorkbookOpenError("corrupt", new Error(why));
}

function readDirectory(b: Uint8Array, limits: PackageLimits): ZipEntry[] {
  // The end record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--) {
    if (u32(b, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt("no end of central directory");
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(b, loc) === SIG_EOCD64_LOCATOR) {
      const at = u64(b, loc + 8);
      if (at + 56 <= b.length && u32(b, at) === SIG_EOCD64) {
        count = u64(b, at + 32);
        cdSize = u64(b, at + 40);
        cdOffset = u64(b, at + 48);
      }
    }
  }
  if (count > limits.maxParts) throw tooLarge("parts", limits.maxParts);
  if (cdOffset + cdSize > b.length) throw corrupt("central directory past the end");

  const entries: ZipEntry[] = [];
  const utf8 = new TextDecoder("utf-8");
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) throw corrupt("bad central directory entry");
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc32 = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let headerOffset = u32(b, p + 42);
    const name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, "/");
    // Zip64 extended information (APPNOTE 4.5.3): present for each field that is 0xFFFFFFFF, in order.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff) ((size = u64(b, q)), (q += 8));
        if (compressedSize === 0xffffffff) ((compressedSize = u64(b, q)), (q += 8));
        if (headerOffset === 0xffffffff) headerOffset = u64(b, q);
      }
      x += 4 + len;
    }
    if (!name.endsWith("/")) entries.push({ name, method, crc32, compressedSize, size, headerOffset, flags });
    p = xEnd + commentLen;
  }
  return entries;
}

function dataStart(b: Uint8Array, e: ZipEntry): number {
  const h = e.headerOffset;
  if (h + 30 > b.length || u32(b, h) !== SIG_LOCAL) throw corrupt(`bad local header for ${e.name}`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  if (start + e.compressedSize > b.length) throw corrupt(`${e.name} runs past the end`);
  return start;
}
