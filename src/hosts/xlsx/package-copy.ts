import { Inflate, inflateSync } from "fflate";
import { ByteSink } from "./byte-sink.js";
import { readableXml, utf16Of, xmlText } from "./canonical-xml.js";
import { Package } from "./package.js";
import { deflatePart, withLead, writeZipCopy, type DeflatedPart, type PartChange } from "./zip-copy.js";
import { xmlAttr } from "./xml-write.js";
import { attributes } from "./xml.js";
import { concatBytes } from "./bytes.js";
import { damaged } from "./errors.js";

/**
 * The package as the writer sees it: the original parts by name, and the few it changes.
 * Part names are zip entry names (`xl/workbook.xml`, no leading slash); OPC compares them
 * without regard to case (ECMA-376 Part 2 §9.1.1.1), so lookups do too. Only parts the writer
 * asks for are inflated; toBytes copies the others as they are.
 */

export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
  customXml: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml",
  customXmlProps: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps",
  vbaProject: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
  /** MS-XLSX §2.1.38 and §2.1.39: a sheet's threaded comments, the workbook's person list. */
  threadedComment: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
  person: "http://schemas.microsoft.com/office/2017/10/relationships/person",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  customXmlProps: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  xml: "application/xml",
  person: "application/vnd.ms-excel.person+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** The raw Target attribute. */
  target: string;
  /** The part it points to (resolved, no leading slash), or null for an external target. */
  part: string | null;
}

/** Strict OOXML names relationship types under purl.oclc.org; compare by the last path segment. */
export function relTypeIs(type: string, wanted: string): boolean {
  return type === wanted || type.slice(type.lastIndexOf("/")) === wanted.slice(wanted.lastIndexOf("/"));
}

/**
 * A part this big (bytes, or characters) is kept compressed, not as a string: a 50,000-row
 * ledger's sheet, notes and drawing are 20 MB each, and as strings they sat in V8's heap (with a
 * decoded copy of the original beside them), which then grew to several times their size before
 * collecting; compressed, they are a tenth of that, outside the heap, and the copy deflates each
 * part once either way. Read again, such a part is inflated anew each time: the writer reads each once.
 */
const BIG_PART = 1024 * 1024;
/** Compressed bytes inflated at a time when only a part's head is wanted. */
const PREFIX_STEP = 16 * 1024;

/** Zlib.inflateRawHead by fflate: what the start of a raw deflate stream holds, at most `limit` bytes. */
function inflateHead(data: Uint8Array, limit: number): Uint8Array {
  const out: Uint8Array[] = [];
  let size = 0;
  new Inflate((chunk) => {
    if ((size += chunk.length) > limit) throw new Error("longer than its part");
    out.push(chunk);
  }).push(data, false);
  return concatBytes(out, size);
}

/** What `f` gives, or undefined when it throws (the checked whole read then says what is wrong). */
function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

export class PackageCopy {
  /** The original, read through package.ts (bounded inflation, limits); null for a new package. */
  private readonly source: Package | null;
  private readonly texts = new Map<string, string>();
  /** The heads read of parts not held as text (see head), until the part changes. */
  private readonly heads = new Map<string, { chars: number; text: string }>();
  /** New content by part: text is encoded only when the copy is made (a part may change several times). */
  private readonly changes = new Map<string, PartChange>();
  /**
   * Parts set with a lead (see setSink), until they change otherwise: the lead, and the body's
   * stream as the end of the part in `changes` (a view, not a second copy of its bytes).
   */
  private readonly leads = new Map<string, { lead: string; latin1: boolean; body: DeflatedPart }>();
  private readonly decoder = new TextDecoder();
  private readonly encoder = new TextEncoder();

  constructor(original: Uint8Array | Package | null) {
    this.source = original === null ? null : original instanceof Package ? original : Package.open(original);
  }

  /** The entry name as stored (case kept), or the name given when the part is new. */
  private key(part: string): string {
    return this.source?.entry(part)?.name ?? part;
  }

  has(part: string): boolean {
    const change = this.changes.get(this.key(part));
    if (change !== undefined) return change !== null;
    return this.source?.has(part) ?? false;
  }

  /** All part names in the copy. */
  parts(): string[] {
    const out: string[] = [];
    for (const name of this.source?.names ?? [])
      if (!name.endsWith("/") && this.changes.get(name) !== null) out.push(name);
    for (const [name, c] of this.changes) if (c !== null && !this.source?.has(name)) out.push(name);
    return out;
  }

  bytes(part: string): Uint8Array | undefined {
    const change = this.changes.get(this.key(part));
    if (change === null) return undefined;
    if (typeof change === "string") return this.encoder.encode(change);
    if (change instanceof Uint8Array) return change;
    if (change !== undefined) return this.inflate(change.deflated, change.size);
    if (!this.source?.has(part)) return undefined;
    const entry = this.source.entry(part)!;
    if (entry.method === 8 && !this.source.zlib.inflateRaw) {
      // One-shot inflate into a buffer of the declared size: ~2× faster on a 20 MB sheet than the
      // stepped inflate; anything that does not fill it exactly goes the checked way below.
      try {
        const out = inflateSync(this.source.stored(part), { out: new Uint8Array(entry.size) });
        if (out.length === entry.size) return out;
      } catch {
        // the checked path says what is wrong
      }
    }
    return this.source.bytes(part);
  }

  /** A part this copy compressed itself (so its size is known to be true). */
  private inflate(deflated: Uint8Array, size: number): Uint8Array {
    const zlib = this.source?.zlib;
    return zlib?.inflateRaw ? zlib.inflateRaw(deflated, size) : inflateSync(deflated, { out: new Uint8Array(size) });
  }

  text(part: string): string | undefined {
    const k = this.key(part);
    const cached = this.texts.get(k);
    if (cached !== undefined) return cached;
    const b = this.bytes(k);
    if (!b) return undefined;
    // The host's decoder where it has one: a notes drawing (VML) of 30,000 notes is 17 MB of ASCII.
    const t = readableXml(xmlText(b, this.source?.zlib.decodeUtf8));
    if (b.length < BIG_PART) this.texts.set(k, t);
    return t;
  }

  /**
   * The first `chars` characters of a part (at least; fewer only when the part is shorter), for
   * what sits at the top (a sheet's code name), without decoding a big part the writer made as bytes.
   */
  head(part: string, chars: number): string | undefined {
    const k = this.key(part);
    const cached = this.texts.get(k);
    if (cached !== undefined) return cached.slice(0, chars);
    const known = this.heads.get(k);
    if (known && known.chars >= chars) return known.text.slice(0, chars);
    // A UTF-16 unit is at most 3 UTF-8 bytes: 3 × chars bytes hold `chars` characters.
    const b = this.prefix(k, chars * 3);
    if (!b) return undefined;
    const text = this.decoder.decode(b.subarray(0, chars * 3)).slice(0, chars);
    this.heads.set(k, { chars, text });
    return text;
  }

  /**
   * At least the first `n` bytes of a part (all of it when shorter), inflated no further than
   * that: the head of a 20 MB sheet (its sheetView, its code name) is in its first kilobytes. A
   * growing start of the compressed stream is inflated (the host's inflater, else fflate's), the
   * part's size its bound; what is not deflated, or does not inflate, is read whole.
   */
  private prefix(part: string, n: number): Uint8Array | undefined {
    const change = this.changes.get(part);
    const entry = change === undefined ? this.source?.entry(part) : undefined;
    const [deflated, size] =
      change !== undefined && change !== null && typeof change === "object" && !(change instanceof Uint8Array)
        ? [change.deflated, change.size]
        : entry?.method === 8
          ? [this.source!.stored(part), entry.size]
          : [undefined, 0];
    if (deflated) {
      const head = this.source?.zlib.inflateRawHead ?? inflateHead;
      for (let take = PREFIX_STEP; take < deflated.length; take *= 4) {
        const out = safely(() => head(deflated.subarray(0, take), size));
        if (out === undefined) break;
        if (out.length >= n) return out;
      }
    }
    return this.bytes(part);
  }

  /** What the copy knew of a part's old content, let go when it changes. */
  private forget(k: string): void {
    this.heads.delete(k);
    this.texts.delete(k);
    this.leads.delete(k);
  }

  setText(part: string, xml: string): void {
    const k = this.key(part);
    this.forget(k);
    if (xml.length >= BIG_PART) {
      this.setBytes(k, this.encoder.encode(xml));
      return;
    }
    this.texts.set(k, xml);
    this.changes.set(k, xml);
  }

  /** A sink for a part's new content, compressing as it is written (see setSink); `latin1` for latin1Text's text. */
  sink(latin1?: "latin1"): ByteSink {
    const zlib = this.source?.zlib ?? {};
    return new ByteSink(zlib, latin1 && zlib.latin1 ? { latin1: zlib.latin1 } : {});
  }

  /** New content given as latin1Text's text (one character a byte), stored as those bytes. */
  setLatin1Text(part: string, text: string): void {
    const sink = this.sink("latin1");
    if (!sink.latin1) throw new Error("setLatin1Text: the host has no exact Latin-1");
    sink.write(text);
    this.setSink(part, sink);
  }

  /**
   * A part as Latin-1 text (one character a byte, see Zlib.latin1), for a patch that writes it back
   * through sink("latin1"); undefined where the host has no exact Latin-1 or the part is missing.
   */
  latin1Text(part: string): string | undefined {
    const latin1 = this.source?.zlib.latin1;
    if (!latin1) return undefined;
    const b = this.bytes(part);
    // UTF-16 is no Latin-1 of UTF-8: such a part is patched as text. The rewrite reads Latin-1
    // text as it reads decoded text: it looks only at the markup, which is ASCII.
    if (!b || utf16Of(b)) return undefined;
    return readableXml(latin1.decode(b));
  }

  /**
   * New content from a sink (written to the end): held compressed. With a `lead`, the part is the
   * lead followed by what the sink holds, and the lead stays editable (editLead) without the rest
   * being compressed again.
   */
  setSink(part: string, sink: ByteSink, lead = ""): void {
    const k = this.key(part);
    this.forget(k);
    const body = sink.deflated(this.source?.zlib);
    if (lead === "") {
      this.changes.set(k, body);
      return;
    }
    this.setLed(k, lead, sink.latin1 !== undefined, body);
  }

  /** The part as its lead then `body`; the body kept as a view into the part's own bytes. */
  private setLed(k: string, lead: string, latin1: boolean, body: DeflatedPart): void {
    const part = withLead(this.leadBytes(lead, latin1), body, this.source?.zlib);
    const tail = part.deflated.subarray(part.deflated.length - body.deflated.length);
    this.leads.set(k, { lead, latin1, body: { ...body, deflated: tail } });
    this.changes.set(k, part);
  }

  /**
   * Edits the lead of a part set with one (setSink): `edit` gets the lead and returns the new one.
   * False when the part has no lead (the caller edits the whole part then).
   */
  editLead(part: string, edit: (lead: string) => string): boolean {
    const k = this.key(part);
    const held = this.leads.get(k);
    if (!held) return false;
    const lead = edit(held.lead);
    if (lead === held.lead) return true;
    this.forget(k);
    this.setLed(k, lead, held.latin1, held.body);
    return true;
  }

  /** A lead encoded as its part is: one byte a character for a Latin-1 sink (Zlib.latin1), else UTF-8. */
  private leadBytes(lead: string, latin1: boolean): Uint8Array {
    const host = this.source?.zlib.latin1;
    if (!latin1 || !host) return this.encoder.encode(lead);
    const bytes = new Uint8Array(lead.length);
    host.encodeInto(lead, bytes);
    return bytes;
  }

  /** New content as UTF-8 bytes; a big part is compressed at once. */
  setBytes(part: string, bytes: Uint8Array): void {
    const k = this.key(part);
    this.forget(k);
    this.changes.set(k, bytes.length >= BIG_PART ? deflatePart(bytes, this.source?.zlib) : bytes);
  }

  remove(part: string): void {
    const k = this.key(part);
    this.forget(k);
    if (this.source?.has(k)) this.changes.set(k, null);
    else this.changes.delete(k);
  }

  /** Whether a part differs from the original (for tests and diagnostics). */
  changed(part: string): boolean {
    return this.changes.has(this.key(part));
  }

  toBytes(): Uint8Array {
    return writeZipCopy(this.source, this.changes, this.source?.zlib);
  }

  // --- relationships (ECMA-376 Part 2 §9.3) ---

  relsPartOf(part: string): string {
    const slash = part.lastIndexOf("/");
    return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  }

  rels(source: string): Relationship[] {
    const xml = this.text(this.relsPartOf(source));
    if (!xml) return [];
    const out: Relationship[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const a = attributes(m[0]);
      const target = a.Target ?? "";
      const external = (a.TargetMode ?? "").toLowerCase() === "external";
      out.push({ id: a.Id ?? "", type: a.Type ?? "", target, part: external ? null : resolveTarget(source, target) });
    }
    return out;
  }

  /** Adds a relationship with a relative target; returns its id. */
  addRel(source: string, type: string, targetPart: string): string {
    const relsPart = this.relsPartOf(source);
    const xml =
      this.text(relsPart) ??
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set(this.rels(source).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<Relationship Id="${id}" Type="${xmlAttr(type)}" Target="${xmlAttr(relativeTarget(source, targetPart))}"/>`;
    this.setText(relsPart, insertBeforeClose(xml, "Relationships", rel));
    return id;
  }

  removeRel(source: string, id: string): void {
    const relsPart = this.relsPartOf(source);
    const xml = this.text(relsPart);
    if (!xml) return;
    const next = xml.replace(/<(?:\w+:)?Relationship\b[^>]*>(?:\s*<\/(?:\w+:)?Relationship>)?/g, (tag) =>
      attributes(tag).Id === id ? "" : tag,
    );
    if (next !== xml) this.setText(relsPart, next);
  }

  // --- content types (ECMA-376 Part 2 §10.1.2) ---

  contentTypeOf(part: string): string | undefined {
    const xml = this.text("[Content_Types].xml") ?? "";
    const name = `/${part}`.toLowerCase();
    for (const m of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
      const a = attributes(m[0]);
      if ((a.PartName ?? "").toLowerCase() === name) return a.ContentType;
    }
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    for (const m of xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) {
      const a = attributes(m[0]);
      if ((a.Extension ?? "").toLowerCase() === ext) return a.ContentType;
    }
    return undefined;
  }

  /** Declares a part's content type: by Override, unless the extension's Default already says it. */
  declare(part: string, contentType: string): void {
    if (this.contentTypeOf(part) === contentType) return;
    const xml = this.text("[Content_Types].xml") ?? "";
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    const hasDefault = [...xml.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)].some(
      (m) => (attributes(m[0]).Extension ?? "").toLowerCase() === ext,
    );
    const entry =
      !hasDefault && (contentType === CONTENT_TYPE.vml || contentType === CONTENT_TYPE.rels)
        ? `<Default Extension="${ext}" ContentType="${contentType}"/>`
        : `<Override PartName="/${xmlAttr(part)}" ContentType="${xmlAttr(contentType)}"/>`;
    this.setText("[Content_Types].xml", insertBeforeClose(xml, "Types", entry));
  }

  undeclare(part: string): void {
    const xml = this.text("[Content_Types].xml");
    if (!xml) return;
    const name = `/${part}`.toLowerCase();
    const next = xml.replace(/<(?:\w+:)?Override\b[^>]*>(?:\s*<\/(?:\w+:)?Override>)?/g, (tag) =>
      (attributes(tag).PartName ?? "").toLowerCase() === name ? "" : tag,
    );
    if (next !== xml) this.setText("[Content_Types].xml", next);
  }

  /** The first free name `prefix{n}suffix` (n from 1). */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name)) return name;
    }
  }

  /** The workbook part, by the package's officeDocument relationship. */
  workbookPart(): string {
    const rel = this.rels("").find((r) => relTypeIs(r.type, REL.officeDocument) && r.part);
    return rel?.part ?? "xl/workbook.xml";
  }
}

/** Resolves a relationship target against its source part (absolute `/xl/…` or relative `../…`). */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // A stray % is a literal character of the name.
  }
  t = t.replace(/\\/g, "/");
  const base = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** A target relative to the source's folder (what Excel writes). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** Inserts text before the closing tag of the root element (or opens a self-closed root). */
export function insertBeforeClose(xml: string, local: string, text: string): string {
  const close = new RegExp(`</(?:\\w+:)?${local}\\s*>(?![\\s\\S]*</(?:\\w+:)?${local}\\s*>)`);
  const m = close.exec(xml);
  if (m) return xml.slice(0, m.index) + text + xml.slice(m.index);
  const selfClosed = new RegExp(`<((?:\\w+:)?${local})\\b([^>]*?)\\s*/>`);
  const s = selfClosed.exec(xml);
  if (!s) throw damaged(`no <${local}> element`);
  return `${xml.slice(0, s.index)}<${s[1]}${s[2]}>${text}</${s[1]}>${xml.slice(s.index + s[0].length)}`;
}
