import type { ByteSink } from "./byte-sink.js";
import { checksum } from "./state-part.js";
import { xmlAttr, xmlText } from "./xml-write.js";
import { attributes, decodeXml } from "./xml.js";

/**
 * A sheet's threaded comments (Excel 365's "comments": MS-XLSX §2.6.205 CT_ThreadedComment) and
 * the workbook's person list (§2.6.203 CT_Person). Excel 365 shows a cell's thread, not its legacy
 * note: the `<comment>` such a cell also has is a placeholder Excel writes for older programs
 * ("[Threaded comment] … Comment: …", SheetJS/sheetjs#2542) and writes anew from the thread on
 * every save. A paragraph of ours on that cell therefore goes into the thread too, as a reply by
 * our own person, or Excel 365 would show a red cell with no word of why. Every other element of
 * both parts is copied as it was.
 */

/** Our person in the person list: one fixed id, so a recheck finds the replies it wrote. */
export const OUR_PERSON_ID = "{4C454447-4552-4348-8543-4B0000000001}";
const OUR_PERSON = `<person displayName="ledger-check" id="${OUR_PERSON_ID}" userId="ledger-check" providerId="None"/>`;

/** A person list with no one in it, as Excel declares the part's namespaces. */
export const EMPTY_PERSON_LIST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';

/** How Excel writes a reply into a thread's placeholder note: `Comment:\n    …\nReply:\n    …`. */
export function placeholderReply(text: string): string {
  return `\nReply:\n    ${text}`;
}

interface Element {
  start: number;
  end: number;
  ref: string;
  id: string;
  parentId: string | undefined;
  personId: string | undefined;
  text: string;
}

export class ThreadsPatch {
  private readonly elements: Element[] = [];
  /** Each thread's top comment by cell, and the offset after the thread's last element there. */
  private readonly threads = new Map<string, { id: string; end: number }>();
  private readonly removed = new Set<number>();
  /** Replies we add, by cell: their XML, written after the thread's last element. */
  private readonly added = new Map<string, string>();
  private readonly ids = new Set<string>();
  private readonly prefix: string;

  constructor(private readonly xml: string) {
    this.prefix = /<(\w+:)?ThreadedComments\b/.exec(xml)?.[1] ?? "";
    const re = /<(\w+:)?threadedComment\b[^>]*?(?:\/>|>[\s\S]*?<\/\1threadedComment\s*>)/g;
    for (const m of xml.matchAll(re)) {
      const tag = m[0].slice(0, m[0].indexOf(">") + 1);
      const a = attributes(tag);
      const ref = (a.ref ?? "").toUpperCase();
      const id = a.id ?? "";
      const text = /<(?:\w+:)?text\b[^>]*>([\s\S]*?)<\/(?:\w+:)?text\s*>/.exec(m[0])?.[1];
      const el: Element = {
        start: m.index,
        end: m.index + m[0].length,
        ref,
        id,
        parentId: a.parentId,
        personId: a.personId,
        text: text === undefined ? "" : decodeXml(text),
      };
      this.elements.push(el);
      this.ids.add(id.toUpperCase());
      const thread = this.threads.get(ref);
      if (!el.parentId && !thread) this.threads.set(ref, { id, end: el.end });
      else if (thread) thread.end = Math.max(thread.end, el.end);
    }
  }

  /** Whether the cell has a thread (a top comment anchored to it). */
  has(ref: string): boolean {
    return this.threads.has(ref);
  }

  get changed(): boolean {
    return this.removed.size > 0 || this.added.size > 0;
  }

  /** Our reply with this text in the cell's thread, among those kept or those taken off. */
  private ours(ref: string, text: string, removed = false): Element | undefined {
    return this.elements.find(
      (e) =>
        e.ref === ref &&
        e.personId === OUR_PERSON_ID &&
        e.parentId &&
        e.text === text &&
        this.removed.has(e.start) === removed,
    );
  }

  /** Adds our reply to the cell's thread, unless it is there already; `dT` is Excel's UTC time stamp. */
  addReply(ref: string, text: string, dT: string): void {
    const thread = this.threads.get(ref);
    if (!thread || this.ours(ref, text) || this.added.has(ref)) return;
    // Taken off by this session's unmarking and asked for again (a recheck, same finding): the
    // reply stays as it was, id and time, and the part is not rewritten for nothing.
    const back = this.ours(ref, text, true);
    if (back) {
      this.removed.delete(back.start);
      return;
    }
    const id = this.newId(`${ref}\n${text}`);
    const p = this.prefix;
    this.added.set(
      ref,
      `<${p}threadedComment ref="${ref}" dT="${dT}" personId="${OUR_PERSON_ID}" id="${id}" parentId="${xmlAttr(thread.id)}">` +
        `<${p}text>${xmlText(text)}</${p}text></${p}threadedComment>`,
    );
  }

  /** Takes our reply with this text off the cell's thread; a reply the clerk edited stays. */
  removeReply(ref: string, text: string): void {
    if (this.added.delete(ref)) return;
    const el = this.ours(ref, text);
    if (el) this.removed.add(el.start);
  }

  writeTo(out: ByteSink): void {
    const inserts = new Map<number, string>();
    for (const [ref, xml] of this.added) {
      const end = this.threads.get(ref)!.end;
      inserts.set(end, (inserts.get(end) ?? "") + xml);
    }
    const cuts = [...new Set([...inserts.keys(), ...this.removed])].sort((a, b) => a - b);
    let at = 0;
    for (const c of cuts) {
      if (c < at) continue;
      out.write(this.xml.slice(at, c));
      at = c;
      if (this.removed.has(c)) at = this.elements.find((e) => e.start === c)!.end;
      const insert = inserts.get(c);
      if (insert) out.write(insert);
    }
    out.write(this.xml.slice(at));
  }

  /** A GUID of the reply's cell and text (copies stay the same from run to run), unique in the part. */
  private newId(seed: string): string {
    for (let n = 0; ; n++) {
      const id = guidOf(`${seed}\n${n}`);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }
}

/** The person list with our person added, or as it was when we are in it. */
export function withOurPerson(xml: string): string {
  if (xml.includes(OUR_PERSON_ID)) return xml;
  const close = /<\/(\w+:)?personList\s*>/.exec(xml);
  if (close) {
    const p = close[1] ?? "";
    return xml.slice(0, close.index) + OUR_PERSON.replace("<person", `<${p}person`) + xml.slice(close.index);
  }
  // An empty list written as `<personList …/>`.
  return xml.replace(
    /<((\w+:)?personList\b[^>]*?)\s*\/>/,
    (_, open: string, p = "") => `<${open}>${OUR_PERSON.replace("<person", `<${p}person`)}</${p}personList>`,
  );
}

/** The person list without our person (once no reply of ours is left anywhere). */
export function withoutOurPerson(xml: string): string {
  for (const m of xml.matchAll(/<(\w+:)?person\b[^>]*?(?:\/>|>[\s\S]*?<\/\1person\s*>)/g))
    if (attributes(m[0].slice(0, m[0].indexOf(">") + 1)).id === OUR_PERSON_ID)
      return xml.slice(0, m.index) + xml.slice(m.index + m[0].length);
  return xml;
}

/** A GUID in Excel's form (`{XXXXXXXX-XXXX-4XXX-8XXX-XXXXXXXXXXXX}`) made from a string, by the state's checksum. */
function guidOf(seed: string): string {
  const hex = (checksum(seed, "\u0000a") + checksum(seed, "\u0000b")).toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}}`;
}
