import type { ByteSink } from "./byte-sink.js";
import { damaged } from "./errors.js";
import { richText, setAttr, tElement, xmlText } from "./xml-write.js";
import { attributes, decodeXml } from "./xml.js";

/**
 * A sheet's notes: the comments part (ECMA-376 Part 1 §18.7) and the legacy VML drawing that
 * gives each note its box (MS-OI29500 §2.1.1683; Excel shows a note only with both). We edit
 * single `<comment>` elements and single `<v:shape>` elements and copy the rest as it was:
 * the clerk's notes, authors and every other shape (form controls live in the same VML) stay.
 */

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Our author name in the comments part, so Excel shows who wrote a note we created. */
export const OUR_AUTHOR = "ledger-check";

export interface Note {
  /** The `<comment>` element, verbatim. */
  xml: string;
  /** Its plain text. */
  text: string;
}

/** A `<comment>` start tag's ref, upper-cased, as attributes would read it ("" without one). */
function refOf(comment: string): string {
  const tag = comment.slice(0, comment.indexOf(">") + 1);
  // "ref" once in the tag cannot be inside another attribute's value: read it directly.
  if (tag.indexOf("ref") !== tag.lastIndexOf("ref")) return (attributes(tag).ref ?? "").toUpperCase();
  const m = /\sref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? "").toUpperCase() : "";
}

/**
 * A note we created, held as its text and author until it is read or written: the XML of 30,000
 * notes, made as they were marked, sat in the heap until the part was written.
 */
interface OurNote {
  text: string;
  author: number;
}

export class CommentsPatch {
  private prefix: string;
  private head: string;
  private authors: string[];
  /** Comments by cell, in the part's order (a Map keeps insertion order); new cells come after. */
  private readonly list = new Map<string, string | OurNote>();
  private readonly original = new Set<string>();
  /**
   * A second (third…) note on one cell, verbatim: Excel shows the first and we edit only that,
   * but the copy keeps every note the original had, each after the first of its cell.
   */
  private readonly extras = new Map<string, string[]>();
  /** Our author's index in `authors`, once looked up (each note we create names it). */
  private ourAuthor: number | undefined;
  /** Each note's text, worked out once: a recheck asks it of every note two or three times. */
  private readonly texts = new Map<string, string>();
  private tail: string;
  private dirty = false;
  /** Text between the end of <authors> and the start of <commentList> (kept as it was). */
  private middle: string;
  private readonly listOpen: string;

  constructor(xml: string | undefined) {
    const source =
      xml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;
    if (!xml) this.dirty = true;
    const root = /<((?:\w+:)?)comments\b[^>]*>/.exec(source);
    if (!root) throw damaged("not a comments part");
    this.prefix = root[1]!;
    const p = "(?:\\w+:)?";
    const authorsM = new RegExp(`<${p}authors\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}authors\\s*>)`).exec(source);
    const listM = new RegExp(`<(${p}commentList)\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}commentList\\s*>)`).exec(source);
    this.authors = [];
    if (authorsM?.[1])
      for (const a of authorsM[1].matchAll(
        new RegExp(`<${p}author\\b[^>]*>([\\s\\S]*?)</${p}author\\s*>|<${p}author\\b[^>]*/>`, "g"),
      ))
        this.authors.push(a[0]);
    const afterRoot = root.index + root[0].length;
    // Everything up to and including <authors> as the head; authors are re-emitted with ours appended.
    const closeIndex = new RegExp(`</${p}comments\\s*>`).exec(source)?.index ?? source.length;
    const authorsEnd = authorsM ? authorsM.index + authorsM[0].length : afterRoot;
    this.head = source.slice(0, authorsM ? authorsM.index : afterRoot);
    this.middle = source.slice(authorsEnd, listM ? listM.index : closeIndex);
    if (listM) {
      this.listOpen = /^<[^>]*?(?=\/?>)/.exec(listM[0])![0].replace(/\s*\/$/, "") + ">";
      const body = listM[2] ?? "";
      for (const c of body.matchAll(new RegExp(`<${p}comment\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}comment\\s*>)`, "g"))) {
        // Only the ref, read where it stands (every attribute of 30,000 notes is a tenth of a recheck).
        const ref = refOf(c[0]);
        if (this.list.has(ref)) {
          const more = this.extras.get(ref);
          if (more) more.push(c[0]);
          else this.extras.set(ref, [c[0]]);
          continue;
        }
        this.list.set(ref, c[0]);
        this.original.add(ref);
      }
      this.tail = source.slice(listM.index + listM[0].length);
    } else {
      this.listOpen = `<${this.prefix}commentList>`;
      this.tail = source.slice(closeIndex);
    }
  }

  get changed(): boolean {
    return this.dirty;
  }

  get empty(): boolean {
    return this.list.size === 0 && this.extras.size === 0;
  }

  get(ref: string): Note | null {
    const entry = this.list.get(ref);
    if (entry === undefined) return null;
    const xml = this.xmlOf(ref, entry);
    let text = this.texts.get(ref);
    if (text === undefined) this.texts.set(ref, (text = commentText(xml)));
    return { xml, text };
  }

  refs(): string[] {
    return [...this.list.keys()];
  }

  /** Puts a `<comment>` element in place of the cell's note (or adds it), keeping the list in cell order. */
  set(ref: string, xml: string | null): void {
    this.dirty = true;
    this.texts.delete(ref);
    if (xml === null) {
      // Gone from the part's own order: put back (a recheck marking it again), it is merged in by cell.
      this.list.delete(ref);
      this.original.delete(ref);
    } else this.list.set(ref, xml);
  }

  /** Puts a new note of ours on a cell without one, its XML made only when it is read or written. */
  setCreated(ref: string, text: string): void {
    this.dirty = true;
    this.texts.delete(ref);
    // The author now: looking it up may add ours to the authors, which are written first.
    this.list.set(ref, { text, author: this.ourAuthorId() });
  }

  private xmlOf(ref: string, entry: string | OurNote): string {
    return typeof entry === "string" ? entry : this.noteXml(ref, entry.text, entry.author);
  }

  /** The comment with our paragraph appended to the clerk's note, in its own run so the clerk's formatting stays. */
  appended(note: Note, ours: string): string {
    return this.withRun(note, `\n${ours}`);
  }

  /** The comment with `text` appended to its text as a run of its own. */
  withRun(note: Note, text: string): string {
    const p = this.prefix;
    const run = `<${p}r>${this.tElement(text)}</${p}r>`;
    const textClose = new RegExp(`</(?:\\w+:)?text\\s*>`);
    const m = textClose.exec(note.xml);
    if (!m) {
      const ref = note.xml.match(/\sref\s*=\s*"([^"]*)"/)?.[1] ?? "A1";
      return this.noteXml(ref, note.text + text, this.ourAuthorId());
    }
    let body = note.xml.slice(0, m.index);
    // A bare <t> (plain note) before runs is valid (CT_Rst: t?, r*) but unusual; wrap it as a run.
    body = body.replace(
      new RegExp(`(<(?:\\w+:)?text\\b[^>]*>)\\s*(<(?:\\w+:)?t\\b[^>]*>[\\s\\S]*?</(?:\\w+:)?t\\s*>)`),
      `$1<${p}r>$2</${p}r>`,
    );
    return body + run + note.xml.slice(m.index);
  }

  /** A note of ours: the `<comment>` element, its text one run. */
  private noteXml(ref: string, text: string, author: number): string {
    const p = this.prefix;
    // As a run, the way Excel writes notes: some readers (exceljs) see only runs.
    return `<${p}comment ref="${ref}" authorId="${author}"><${p}text><${p}r>${this.tElement(text)}</${p}r></${p}text></${p}comment>`;
  }

  /** xml-write's `<t>` element, in the part's prefix. */
  private tElement(text: string): string {
    const p = this.prefix;
    const t = tElement(text);
    return p ? t.replace(/^<t/, `<${p}t`).replace(/<\/t>$/, `</${p}t>`) : t;
  }

  /** The comment without our last run (the clerk's text kept), or null when the last run is not exactly ours. */
  withoutOurRun(note: Note, ours: string): string | null {
    const p = "(?:\\w+:)?";
    const re = new RegExp(`<${p}r\\b[^>]*>(?:(?!<${p}r\\b)[\\s\\S])*?</${p}r\\s*>\\s*(?=</${p}text\\s*>)`);
    const m = re.exec(note.xml);
    if (!m) return null;
    const text = richText(m[0]);
    if (text !== `\n${ours}` && text !== ours) return null;
    return note.xml.slice(0, m.index) + note.xml.slice(m.index + m[0].length);
  }

  /**
   * The comment without our paragraph, found by its text when it is no longer a run of its own
   * (openpyxl and LibreOffice rewrite a note as one plain text): the clerk's words kept, as plain
   * text. "" when nothing else is left; null when our paragraph is not there word for word.
   */
  withoutOurText(note: Note, ours: string): string | null {
    const text = note.text;
    let at = -1;
    for (let i = text.indexOf(ours); i >= 0; i = text.indexOf(ours, i + 1)) {
      const end = i + ours.length;
      if ((i === 0 || text[i - 1] === "\n") && (end === text.length || text[end] === "\n")) {
        at = i;
        break;
      }
    }
    if (at < 0) return null;
    const before = text.slice(0, at).replace(/\n$/, "");
    const after = text.slice(at + ours.length).replace(/^\n/, "");
    const rest = before && after ? `${before}\n${after}` : before + after;
    if (rest === "") return "";
    return this.withText(note, rest);
  }

  /** The comment (its start tag kept: ref, author, uid) with `text` as its whole text, one run. */
  withText(note: Note, text: string): string {
    const p = this.prefix;
    const open = note.xml.slice(0, note.xml.indexOf(">") + 1);
    return `${open}<${p}text><${p}r>${this.tElement(text)}</${p}r></${p}text></${p}comment>`;
  }

  /**
   * A clerk's note as recorded, made to fit the part as it is now: a program that saved the copy
   * (LibreOffice) may have renumbered the authors, spelt the namespace with another prefix, and
   * dropped declarations (`xr`, which Excel 365 puts on notes as `xr:uid`). An author index past the
   * list or an undeclared prefix makes the part unreadable (openpyxl: IndexError, "unbound prefix").
   * The note goes on the cell it is on now: rows inserted or sorted since moved it, and the
   * recorded ref would put it back on the cell it left (two notes there, none on its own cell).
   */
  restored(recorded: string, current: Note): string {
    let xml = recorded;
    const own = /^<(\w+:)?comment\b/.exec(xml)?.[1] ?? "";
    if (own !== this.prefix) xml = xml.replace(new RegExp(`<(/?)${own}(?=[\\w.-]+[\\s/>])`, "g"), `<$1${this.prefix}`);
    const now = /\sauthorId\s*=\s*["'](\d+)["']/.exec(current.xml.slice(0, current.xml.indexOf(">") + 1));
    const end = xml.indexOf(">") + 1;
    let open = now ? setAttr(xml.slice(0, end), "authorId", now[1]!) : xml.slice(0, end);
    const ref = refOf(current.xml);
    if (ref && refOf(open) !== ref) open = setAttr(open, "ref", ref);
    const root = /<(?:\w+:)?comments\b[^>]*>/.exec(this.head)?.[0] ?? "";
    for (const m of [...open.matchAll(/\s(\w+):[\w.-]+\s*=\s*(?:"[^"]*"|'[^']*')/g)]) {
      const p = m[1]!;
      if (p === "xml" || p === "xmlns" || root.includes(`xmlns:${p}=`) || open.includes(`xmlns:${p}=`)) continue;
      open = open.replace(m[0], "");
    }
    return open + xml.slice(end);
  }

  private ourAuthorId(): number {
    if (this.ourAuthor !== undefined) return this.ourAuthor;
    let i = this.authors.findIndex((a) => commentAuthor(a) === OUR_AUTHOR);
    if (i < 0) {
      i = this.authors.push(`<${this.prefix}author>${xmlText(OUR_AUTHOR)}</${this.prefix}author>`) - 1;
      this.dirty = true;
    }
    return (this.ourAuthor = i);
  }

  /** Writes the part, note by note (a 50,000-note part is never one string). */
  writeTo(out: ByteSink): void {
    const p = this.prefix;
    // Our author goes again once no note of ours is left (it is last, so no other index moves).
    const last = this.authors.length - 1;
    if (last >= 0 && commentAuthor(this.authors[last]!) === OUR_AUTHOR) {
      const used = [...this.list.values()].some((c) =>
        typeof c === "string" ? /\sauthorId\s*=\s*["'](\d+)["']/.exec(c)?.[1] === String(last) : c.author === last,
      );
      if (!used) {
        this.authors.pop();
        this.ourAuthor = undefined;
      }
    }
    out.write(this.head + `<${p}authors>${this.authors.join("")}</${p}authors>` + this.middle + this.listOpen);
    // The part's own comments in their order; new ones merged in by cell order (rows, then columns).
    const added = [...this.list.keys()].filter((r) => !this.original.has(r)).sort((a, b) => sortKey(a) - sortKey(b));
    let ai = 0;
    const writeAdded = () => {
      const ref = added[ai++]!;
      out.write(this.xmlOf(ref, this.list.get(ref)!));
    };
    for (const [ref, entry] of this.list) {
      if (!this.original.has(ref)) continue;
      const key = sortKey(ref);
      while (ai < added.length && sortKey(added[ai]!) < key) writeAdded();
      out.write(this.xmlOf(ref, entry));
      for (const more of this.extras.get(ref) ?? []) out.write(more);
    }
    while (ai < added.length) writeAdded();
    // The others of a cell whose first note is gone (ours alone, taken off) or new: where they were is lost, they stay.
    for (const [ref, more] of this.extras) if (!this.original.has(ref)) for (const x of more) out.write(x);
    out.write(`</${p}commentList>`);
    out.write(this.tail);
  }
}

function commentAuthor(xml: string): string {
  return richText(`<t>${xml.replace(/^<[^>]*>|<\/[^>]*>$/g, "")}</t>`);
}

/** Plain text of a `<comment>` element (its `<text>`). */
export function commentText(xml: string): string {
  const m = /<(?:\w+:)?text\b[^>]*>([\s\S]*?)<\/(?:\w+:)?text\s*>/.exec(xml);
  return m ? richText(m[1]!) : "";
}

function sortKey(ref: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return Number.MAX_SAFE_INTEGER;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return Number(m[2]) * 20000 + col;
}

// --- VML ---

const VML_HEAD =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">';
const SHAPETYPE =
  '<v:shapetype xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

export class VmlPatch {
  private readonly xml: string;
  private readonly fresh: boolean;
  /** The part's note shapes by "row,col" (0-based, as VML counts), found once. */
  private readonly shapes = new Map<string, { start: number; end: number }>();
  private readonly shapeCount: number;
  private readonly removed = new Set<string>();
  /** The shapes we add, by "row,col": their number and cell only; the XML is made as the part is written. */
  private readonly added = new Map<string, { n: number; r0: number; c0: number }>();
  private nextNumber: number;
  /** Whether the root element binds v, o and x to the VML namespaces. */
  private readonly bound: boolean;

  constructor(xml: string | undefined, idmap: number) {
    this.fresh = xml === undefined;
    this.xml =
      xml ??
      `${VML_HEAD}<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${SHAPETYPE}</xml>`;
    // Our shapes go before the root's end tag: a drawing without one (empty, cut short) cannot take them.
    // The root's name, past a declaration and comments (matched at the head, never a copy of a large drawing).
    const top = /^\uFEFF?(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*<([\w:.-]+)[\s/>]/.exec(this.xml);
    if (!top || !new RegExp(`</${top[1]!.replace(/\./g, "\\.")}\\s*>\\s*$`).test(this.xml))
      throw damaged("not a whole VML drawing");
    let count = 0;
    for (const m of this.xml.matchAll(/<(\w+:)?shape\b[^>]*>[\s\S]*?<\/\1shape\s*>/g)) {
      count++;
      const s = m[0];
      if (!/ObjectType\s*=\s*["']Note["']/.test(s)) continue;
      const row = /<(?:\w+:)?Row\s*>\s*(\d+)\s*</.exec(s);
      const col = /<(?:\w+:)?Column\s*>\s*(\d+)\s*</.exec(s);
      if (!row || !col) continue;
      const key = `${row[1]},${col[1]}`;
      if (!this.shapes.has(key)) this.shapes.set(key, { start: m.index, end: m.index + s.length });
    }
    this.shapeCount = count;
    const root = /<xml\b[^>]*>/.exec(this.xml)?.[0] ?? "";
    this.bound =
      root.includes('xmlns:v="urn:schemas-microsoft-com:vml"') &&
      root.includes('xmlns:o="urn:schemas-microsoft-com:office:office"') &&
      root.includes('xmlns:x="urn:schemas-microsoft-com:office:excel"');
    let max = 0;
    for (const m of this.xml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
    const idm = /<(?:\w+:)?idmap\b[^>]*\bdata\s*=\s*["'](\d+)/.exec(this.xml);
    this.nextNumber = Math.max(max + 1, (idm ? Number(idm[1]) : 1) * 1024 + 1);
  }

  get changed(): boolean {
    return this.fresh || this.removed.size > 0 || this.added.size > 0;
  }

  hasNoteShape(row: number, col: number): boolean {
    const key = `${row - 1},${col - 1}`;
    return this.added.has(key) || (this.shapes.has(key) && !this.removed.has(key));
  }

  /** Adds a hidden note box for the cell (1-based), self-contained with its own namespace declarations. */
  addNoteShape(row: number, col: number): void {
    if (this.hasNoteShape(row, col)) return;
    const r0 = row - 1;
    const c0 = col - 1;
    const key = `${r0},${c0}`;
    if (this.removed.delete(key)) return;
    this.added.set(key, { n: this.nextNumber++, r0, c0 });
  }

  private shapeXml({ n, r0, c0 }: { n: number; r0: number; c0: number }): string {
    // In a drawing whose root binds v, o and x as Excel does, the shape uses them; elsewhere
    // (openpyxl binds other prefixes) it carries its own declarations.
    const ns = this.bound
      ? ""
      : ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';
    // Anchor: from (col+1, 15px, row-1 or 0, 10px) to (col+3, 15px, row+3, 4px), as Excel places a new note.
    const anchor = `${c0 + 1}, 15, ${Math.max(0, r0 - 1)}, 10, ${c0 + 3}, 15, ${r0 + 3}, 4`;
    return (
      `<v:shape${ns} id="_x0000_s${n}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:79.5pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r0}</x:Row><x:Column>${c0}</x:Column></x:ClientData></v:shape>`
    );
  }

  removeNoteShape(row: number, col: number): void {
    const key = `${row - 1},${col - 1}`;
    if (this.added.delete(key)) return;
    if (this.shapes.has(key)) this.removed.add(key);
  }

  /** Whether any shape (note or control) is left. */
  get hasShapes(): boolean {
    return this.shapeCount - this.removed.size + this.added.size > 0;
  }

  /** Writes the part: the shapes we add go before the root's end tag, one by one. */
  writeTo(out: ByteSink): void {
    if (!this.changed) {
      out.write(this.xml);
      return;
    }
    const cuts = [...this.removed].map((k) => this.shapes.get(k)!).sort((a, b) => a.start - b.start);
    const kept: string[] = [];
    let at = 0;
    for (const c of cuts) {
      kept.push(this.xml.slice(at, c.start));
      at = c.end;
    }
    let xml = kept.join("") + this.xml.slice(at);
    if (this.added.size === 0) {
      out.write(xml);
      return;
    }
    if (!/id\s*=\s*["']_x0000_t202["']/.test(xml)) xml = insertBeforeLastClose(xml, SHAPETYPE);
    const close = xml.lastIndexOf("</");
    out.write(close < 0 ? xml : xml.slice(0, close));
    for (const shape of this.added.values()) out.write(this.shapeXml(shape));
    if (close >= 0) out.write(xml.slice(close));
  }
}

function insertBeforeLastClose(xml: string, text: string): string {
  const i = xml.lastIndexOf("</");
  return i < 0 ? xml + text : xml.slice(0, i) + text + xml.slice(i);
}
