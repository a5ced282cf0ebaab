/**
 * The little XML the package layer needs: attributes of one tag, entity decoding, and the
 * OOXML `_xHHHH_` escape. Small parts (rels, content types, workbook, styles) are read with
 * these; worksheets and shared strings have their own scanners (sheet-scan.ts, shared-strings.ts).
 * No DOM: this module runs in Node and in the browser alike.
 */

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references. */
export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/**
 * The `_xHHHH_` escape of ST_Xstring (ECMA-376 Part 1, §22.9.2.19): characters XML 1.0 cannot
 * carry (NUL, ESC, VT, U+FFFE …) are written as `_x001B_`, and a literal `_x` sequence as
 * `_x005F_x…`. Decoded here so the clerk's text arrives exactly as typed, control characters kept.
 */
export function unescapeOoxml(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Cell text as stored: entities, then the OOXML escape. */
export function decodeCellText(s: string): string {
  return unescapeOoxml(decodeXml(s));
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a tag's text (`<sheet name="a" r:id="rId1"/>`), decoded, keyed by qualified name. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  // Skip the element name so `<x:sheet` is not taken for an attribute.
  const start = tag.search(/[\s/>]/);
  const body = start < 0 ? "" : tag.slice(start);
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(body)) !== null) out[m[1]!] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

/** An attribute by local name, whatever its prefix (`r:id`, `id`): writers choose prefixes freely. */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  for (const k in attrs) {
    const colon = k.indexOf(":");
    if (colon >= 0 && k.slice(colon + 1) === local && k.slice(0, colon) !== "xmlns") return attrs[k];
  }
  return undefined;
}

export interface Tag {
  /** Local name, prefix dropped (`x:sheet` → `sheet`). */
  name: string;
  attrs: Record<string, string>;
  /** Offset of `<` and just past `>` in the text. */
  start: number;
  end: number;
  selfClosing: boolean;
}

/**
 * Every start (or empty) tag with one of the given local names, in document order. For small
 * parts only: it runs a regex over the whole text. Comments, CDATA and processing instructions
 * are not tags and are skipped.
 */
export function* tags(xml: string, names: readonly string[]): Generator<Tag> {
  const re = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?=[\s/>])[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const name = m[2]!;
    if (!names.includes(name)) continue;
    const text = m[0];
    yield {
      name,
      attrs: attributes(text),
      start: m.index,
      end: m.index + text.length,
      selfClosing: text.endsWith("/>"),
    };
  }
}

/** The text content between a start tag ending at `from` and its matching end tag (no nesting). */
export function textUntilClose(xml: string, from: number, name: string): string {
  const re = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${name}\\s*>`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  return m ? xml.slice(from, m.index) : "";
}
