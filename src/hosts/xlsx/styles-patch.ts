import { damaged } from "./errors.js";
import { setAttr } from "./xml-write.js";
import { attributes } from "./xml.js";

/**
 * styles.xml, patched: the writer only ever appends (fills, fonts, borders, number formats,
 * cell formats) and never renumbers, so every index the sheets hold keeps its meaning, and
 * conditional formats (dxfs), named styles and everything else stay as they were.
 * (SpreadsheetML styles: ECMA-376 Part 1 §18.8.)
 */

interface Section {
  /** Local element name: fills, fonts, borders, numFmts, cellXfs. */
  name: string;
  /** Item element local name: fill, font, border, numFmt, xf. */
  item: string;
  items: string[];
  /** Items appended by us (written before the section's closing tag). */
  added: string[];
}

const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"] as const;

export class StylesPatch {
  private readonly prefix: string;
  private readonly sections = new Map<string, Section>();
  private xml: string;
  private dirty = false;

  constructor(xml: string) {
    this.xml = xml;
    const root = /<(\w+:)?styleSheet\b[^>]*?(\/?)>/.exec(xml);
    // Every edit goes inside the root: a part cut short or of another kind cannot take one.
    if (!root || (root[2] !== "/" && !new RegExp(`</${root[1] ?? ""}styleSheet\\s*>`).test(xml)))
      throw damaged("not a whole styles part");
    this.prefix = root[1] ?? "";
    // A root with nothing in it (valid, if odd) is opened, for sections to go inside.
    if (root[2] === "/")
      this.xml = `${xml.slice(0, root.index)}${root[0].replace(/\s*\/>$/, ">")}</${this.prefix}styleSheet>${xml.slice(root.index + root[0].length)}`;
  }

  get changed(): boolean {
    return this.dirty;
  }

  private section(name: (typeof ORDER)[number]): Section {
    let s = this.sections.get(name);
    if (s) return s;
    const item = {
      numFmts: "numFmt",
      fonts: "font",
      fills: "fill",
      borders: "border",
      cellStyleXfs: "xf",
      cellXfs: "xf",
    }[name];
    const body = this.body(name);
    const items: string[] = [];
    if (body !== null) {
      const p = "(?:\\w+:)?";
      // Items are either empty elements or elements with children of other names (no nesting of the same name).
      const re = new RegExp(`<${p}${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}${item}\\s*>)`, "g");
      for (const m of body.matchAll(re)) items.push(m[0]);
    }
    s = { name, item, items, added: [] };
    this.sections.set(name, s);
    return s;
  }

  /** Text between a section's tags, or null when the section is absent or empty. */
  private body(name: string): string | null {
    const m = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(/?)>`).exec(this.xml);
    if (!m || m[1] === "/") return null;
    const close = new RegExp(`</(?:\\w+:)?${name}\\s*>`).exec(this.xml.slice(m.index));
    return close ? this.xml.slice(m.index + m[0].length, m.index + close.index) : null;
  }

  count(name: (typeof ORDER)[number]): number {
    const s = this.section(name);
    return s.items.length + s.added.length;
  }

  item(name: (typeof ORDER)[number], index: number): string | undefined {
    const s = this.section(name);
    return index < s.items.length ? s.items[index] : s.added[index - s.items.length];
  }

  /** Appends an item (its text given without prefix; ours is added when the file uses one) and returns its index. */
  append(name: (typeof ORDER)[number], text: string): number {
    const s = this.section(name);
    s.added.push(this.prefixed(text));
    this.dirty = true;
    return s.items.length + s.added.length - 1;
  }

  /** The index of an item equal to `text` (ours or the file's), or -1. */
  find(name: (typeof ORDER)[number], text: string): number {
    const s = this.section(name);
    const t = this.prefixed(text);
    const i = s.items.indexOf(t);
    if (i >= 0) return i;
    const j = s.added.indexOf(t);
    return j >= 0 ? s.items.length + j : -1;
  }

  /** The index of an item equal to `text` (ours or the file's), else appends it. */
  findOrAppend(name: (typeof ORDER)[number], text: string): number {
    const i = this.find(name, text);
    return i >= 0 ? i : this.append(name, text);
  }

  /** A custom number format's id (existing or new, from 164 as Excel numbers them). */
  numFmtId(code: string): number {
    const s = this.section("numFmts");
    let max = 163;
    for (const item of [...s.items, ...s.added]) {
      const a = attributes(item);
      const id = Number(a.numFmtId);
      if (a.formatCode === code) return id;
      if (id > max) max = id;
    }
    this.append("numFmts", `<numFmt numFmtId="${max + 1}" formatCode="${escapeAttr(code)}"/>`);
    return max + 1;
  }

  private prefixed(text: string): string {
    if (!this.prefix) return text;
    return text.replace(/<(\/?)(?![\w]+:)(\w)/g, `<$1${this.prefix}$2`);
  }

  toString(): string {
    if (!this.dirty) return this.xml;
    let xml = this.xml;
    for (const name of ORDER) {
      const s = this.sections.get(name);
      if (!s || s.added.length === 0) continue;
      const total = s.items.length + s.added.length;
      const open = new RegExp(`<((?:\\w+:)?${name})\\b[^>]*?(/?)>`).exec(xml);
      if (open) {
        const tag = setAttr(open[0].replace(/\s*\/>$/, ">"), "count", String(total));
        if (open[2] === "/") {
          xml = `${xml.slice(0, open.index)}${tag}${s.added.join("")}</${open[1]}>${xml.slice(open.index + open[0].length)}`;
        } else {
          const closeRe = new RegExp(`</(?:\\w+:)?${name}\\s*>`);
          const rest = xml.slice(open.index);
          const close = closeRe.exec(rest)!;
          const inner = rest.slice(open[0].length, close.index);
          xml = `${xml.slice(0, open.index)}${tag}${inner}${s.added.join("")}${rest.slice(close.index)}`;
        }
      } else {
        // An absent section goes where the schema's sequence puts it: before the first later section present.
        const section = `<${this.prefix}${name} count="${total}">${s.added.join("")}</${this.prefix}${name}>`;
        const later = ORDER.slice(ORDER.indexOf(name) + 1).concat([
          "cellStyles",
          "dxfs",
          "tableStyles",
          "colors",
          "extLst",
        ] as never[]);
        let at = -1;
        for (const l of later) {
          const m = new RegExp(`<(?:\\w+:)?${l}\\b`).exec(xml);
          if (m) {
            at = m.index;
            break;
          }
        }
        if (at < 0) at = new RegExp(`</(?:\\w+:)?styleSheet\\s*>`).exec(xml)!.index;
        xml = xml.slice(0, at) + section + xml.slice(at);
      }
    }
    this.xml = xml;
    this.sections.clear();
    this.dirty = false;
    return xml;
  }
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A minimal styles part for a package that has none (Excel requires at least these). */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/**
 * A fill's meaning, for comparing fills written by different programs (openpyxl, Excel and
 * LibreOffice spell the same fill differently): pattern and both colours' attributes.
 */
export function fillKey(fillXml: string): string {
  const pattern = /<(?:\w+:)?patternFill\b[^>]*>/.exec(fillXml);
  if (!pattern) return fillXml.replace(/\s+/g, " ");
  const type = attributes(pattern[0]).patternType ?? "none";
  const colour = (name: string) => {
    const m = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`).exec(fillXml);
    if (!m) return "";
    const a = attributes(m[0]);
    return Object.keys(a)
      .sort()
      .map((k) => `${k}=${k === "rgb" ? a[k]!.toUpperCase() : a[k]}`)
      .join(",");
  };
  return `${type}|${colour("fgColor")}|${colour("bgColor")}`;
}

/** The xf's attribute, as a number (0 when absent, as the schema defaults). */
export function xfNumber(xf: string, name: string): number {
  const v = attributes(xf.slice(0, xf.indexOf(">") + 1))[name];
  const n = v === undefined ? 0 : Number(v);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/** The xf with its fill changed (and applyFill as given; null removes it). */
export function xfWithFill(xf: string, fillId: number, applyFill: string | null): string {
  const end = xf.indexOf(">") + 1;
  let tag = xf.slice(0, end);
  tag = setAttr(tag, "fillId", String(fillId));
  tag = setAttr(tag, "applyFill", applyFill);
  return tag + xf.slice(end);
}

/** The raw applyFill attribute of an xf (null when absent). */
export function xfApplyFill(xf: string): string | null {
  return attributes(xf.slice(0, xf.indexOf(">") + 1)).applyFill ?? null;
}
