import { decodeCellText } from "./xml.js";
/**
 * Text that the writer puts into XML: the clerk's own text never, only what ledger-check adds
 * (notes, bulletin cells, state). Always well-formed, whatever the characters.
 */

/**
 * Element content in a SpreadsheetML string (ST_Xstring, ECMA-376 Part 1 §22.9.2.19): characters
 * XML 1.0 cannot carry (NUL…US except tab/LF/CR, U+FFFE, U+FFFF, lone surrogates) become `_xHHHH_`,
 * and an `_x` that would read as such an escape is itself escaped (`_x005F_`). CR is written as
 * `&#13;` so that XML's line-end normalisation does not turn it into LF.
 */
const NEEDS_ESCAPE = /[&<>\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;

export function xmlText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = "";
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c === 0x26) rep = "&amp;";
    else if (c === 0x3c) rep = "&lt;";
    else if (c === 0x3e) rep = "&gt;";
    else if (c === 0x0d) rep = "&#13;";
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0xfffe || c === 0xffff) rep = hexEscape(c);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      rep = hexEscape(c);
    } else if (c >= 0xdc00 && c <= 0xdfff) rep = hexEscape(c);
    else if (c === 0x5f && /^_x[0-9A-Fa-f]{4}_/.test(s.slice(i, i + 7))) rep = "_x005F_";
    if (rep === null) continue;
    out += s.slice(last, i) + rep;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** An attribute value in double quotes; characters XML cannot carry are dropped (names, ids only). */
export function xmlAttr(s: string): string {
  return s
    .replace(
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      "",
    )
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

function hexEscape(c: number): string {
  return `_x${c.toString(16).toUpperCase().padStart(4, "0")}_`;
}

/** `<t>` keeps leading/trailing spaces and line breaks only with xml:space="preserve". */
export function tElement(s: string): string {
  return /^\s|\s$|\n/.test(s) ? `<t xml:space="preserve">${xmlText(s)}</t>` : `<t>${xmlText(s)}</t>`;
}

/** The text of a string item (`<si>`, a comment's `<text>`): every `<t>` joined, phonetic runs left out, `_xHHHH_` decoded. */
export function richText(xml: string): string {
  const noPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  let out = "";
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>|<(?:\w+:)?t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(noPhonetic)) !== null) out += m[1] ?? "";
  return decodeCellText(out);
}

/** setAttr's expression for each attribute name, made once (the marks set `s` on 30,000 cells). */
const ATTR_BY_NAME = new Map<string, RegExp>();

/** Sets (or, with null, removes) one attribute in a start tag's text, keeping every other byte. */
export function setAttr(tag: string, name: string, value: string | null): string {
  let re = ATTR_BY_NAME.get(name);
  if (re === undefined) {
    re = new RegExp(`(\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
    ATTR_BY_NAME.set(name, re);
  }
  const m = re.exec(tag);
  if (m) {
    if (value === null) return tag.slice(0, m.index) + tag.slice(m.index + m[0].length);
    return `${tag.slice(0, m.index)}${m[1]}${name}="${xmlAttr(value)}"${tag.slice(m.index + m[0].length)}`;
  }
  if (value === null) return tag;
  // Insert after the element name.
  const nameEnd = tag.search(/[\s/>]/);
  return `${tag.slice(0, nameEnd)} ${name}="${xmlAttr(value)}"${tag.slice(nameEnd)}`;
}
