/**
 * The XML the hand scanners read, from any well-formed XML. The scanners (sheet-scan.ts,
 * shared-strings.ts, the patchers) look for fixed spellings such as `</c>` and `</t>`, in one
 * prefix for the main namespace, because every writer we know emits that form and it is what
 * makes reading a ledger cheap. XML allows more (XML 1.0 §3.1 ETag `'</' Name S? '>'`, §2.7
 * CDATA sections; Namespaces in XML §6 lets two prefixes, or a prefix and the default, name one
 * namespace; §3.1 AttValue may hold `>`), and a part that uses it is first rewritten here into
 * that form: the same document, spelt as Excel spells it.
 *
 * `unusualXml` is the test, one regex pass and a count of the main namespace (23–24 ms for a 21.6 MB sheet);
 * `canonicalXml` the rewrite, paid only by the parts that need it.
 */

const MAIN = [
  "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  "http://purl.oclc.org/ooxml/spreadsheetml/main",
];

/** An end tag with space before its `>`, or a CDATA section. */
const UNUSUAL = /<\/[^>\s]*\s|<!\[CDATA\[/;
/** A `>` inside an attribute's value (only looked for in small parts: sheets' cells never hold one). */
const GT_IN_VALUE = /\s[\w:.-]+\s*=\s*(?:"[^"<]*>|'[^'<]*>)/;
/** Parts up to this many characters are also searched for GT_IN_VALUE. */
const SMALL = 4_000_000;

export function unusualXml(text: string): boolean {
  return new UnusualWatch().see(text) || (text.length <= SMALL && GT_IN_VALUE.test(text));
}

/** The text as the scanners read it when unusualXml says it needs it, else the text itself. */
export function readableXml(text: string): string {
  return unusualXml(text) ? canonicalXml(text) : text;
}

/**
 * The document with every end tag as `</name>`, CDATA as escaped text, attribute values in
 * double quotes with `>` and `"` escaped, and each element of the main namespace spelt with the
 * root's prefix for it (where that prefix means the main namespace). Comments, processing
 * instructions, text and every other name are kept as they are. Text that is not well-formed is
 * passed on from where it stops making sense, for the scanners' own checks to refuse.
 */
export function canonicalXml(text: string): string {
  const out: string[] = [];
  const scopes: Map<string, string>[] = [new Map()];
  /** The main namespace's spelling, from the root element (undefined until it is seen, null when the root is not in it). */
  let mainPrefix: string | null | undefined;
  const lookup = (prefix: string): string | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i]!.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  };
  const spell = (qname: string): string => {
    if (!mainPrefix && mainPrefix !== "") return qname;
    const colon = qname.indexOf(":");
    const prefix = colon < 0 ? "" : qname.slice(0, colon);
    const uri = lookup(prefix);
    if (uri === undefined || !MAIN.includes(uri) || prefix === mainPrefix) return qname;
    if (!MAIN.includes(lookup(mainPrefix) ?? "")) return qname;
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    return mainPrefix === "" ? local : `${mainPrefix}:${local}`;
  };

  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf("<", i);
    if (lt < 0) {
      out.push(text.slice(i));
      break;
    }
    if (lt > i) out.push(text.slice(i, lt));
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4);
      i = end < 0 ? n : end + 3;
      out.push(text.slice(lt, i));
    } else if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9);
      const body = text.slice(lt + 9, end < 0 ? n : end);
      out.push(body.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
      i = end < 0 ? n : end + 3;
    } else if (text.startsWith("<?", lt)) {
      const end = text.indexOf("?>", lt + 2);
      i = end < 0 ? n : end + 2;
      out.push(text.slice(lt, i));
    } else if (text.startsWith("<!", lt)) {
      // A document type declaration (no internal subset in a package part: OPC forbids DTDs).
      const end = text.indexOf(">", lt);
      i = end < 0 ? n : end + 1;
      out.push(text.slice(lt, i));
    } else if (text.charCodeAt(lt + 1) === 47 /* / */) {
      let j = lt + 2;
      while (j < n && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 62) j++;
      const name = text.slice(lt + 2, j);
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 62) {
        out.push(text.slice(lt));
        break;
      }
      out.push(`</${spell(name)}>`);
      if (scopes.length > 1) scopes.pop();
      i = j + 1;
    } else {
      const tag = startTag(text, lt);
      if (!tag) {
        out.push(text.slice(lt));
        break;
      }
      const scope = new Map<string, string>();
      for (const [name, value] of tag.attrs) {
        if (name === "xmlns") scope.set("", decodeRefs(value));
        else if (name.startsWith("xmlns:")) scope.set(name.slice(6), decodeRefs(value));
      }
      scopes.push(scope);
      if (mainPrefix === undefined) {
        const colon = tag.name.indexOf(":");
        const prefix = colon < 0 ? "" : tag.name.slice(0, colon);
        mainPrefix = MAIN.includes(lookup(prefix) ?? "") ? prefix : null;
      }
      let s = `<${spell(tag.name)}`;
      for (const [name, value] of tag.attrs) s += ` ${name}="${value.replace(/"/g, "&quot;").replace(/>/g, "&gt;")}"`;
      out.push(tag.empty ? `${s}/>` : `${s}>`);
      if (tag.empty) scopes.pop();
      i = tag.end;
    }
  }
  return out.join("");
}

interface StartTag {
  name: string;
  /** Attributes in order, values as written (references undecoded, quotes taken off). */
  attrs: [string, string][];
  empty: boolean;
  end: number;
}

function startTag(text: string, lt: number): StartTag | null {
  const n = text.length;
  let j = lt + 1;
  while (j < n && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 62 && text.charCodeAt(j) !== 47) j++;
  const name = text.slice(lt + 1, j);
  if (name === "") return null;
  const attrs: [string, string][] = [];
  for (;;) {
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    const c = text.charCodeAt(j);
    if (c === 62) return { name, attrs, empty: false, end: j + 1 };
    if (c === 47 && text.charCodeAt(j + 1) === 62) return { name, attrs, empty: true, end: j + 2 };
    const start = j;
    while (j < n && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 61 /* = */) j++;
    const attr = text.slice(start, j);
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (attr === "" || text.charCodeAt(j) !== 61) return null;
    j++;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    const quote = text.charCodeAt(j);
    if (quote !== 34 && quote !== 39) return null;
    const close = text.indexOf(quote === 34 ? '"' : "'", j + 1);
    if (close < 0) return null;
    attrs.push([attr, text.slice(j + 1, close)]);
    j = close + 1;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A namespace name as declared, its character references read (`&amp;` in a URI is rare but allowed). */
function decodeRefs(value: string): string {
  if (value.indexOf("&") < 0) return value;
  return value
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * A part's bytes as text: UTF-8, or UTF-16 when it starts with that byte order mark (XML 1.0
 * §4.3.3; ECMA-376 Part 2 §8.1.4 allows both), its declaration then saying UTF-8, as the text is
 * written again. `decodeUtf8` is the host's faster decoder, when it has one.
 */
export function xmlText(bytes: Uint8Array, decodeUtf8?: (b: Uint8Array) => string): string {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    return text.replace(/^(<\?xml\b[^?]*?\bencoding\s*=\s*)(["'])[^"']*\2/, "$1$2UTF-8$2");
  }
  return decodeUtf8 ? decodeUtf8(bytes) : new TextDecoder("utf-8").decode(bytes);
}

/** The UTF-16 of a part that starts with its byte order mark, else undefined. */
export function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/** Thrown by a scan that met unusual XML on the way: the part is to be read again, rewritten. */
export class UnusualXml extends Error {
  constructor() {
    super("unusual XML");
  }
}

/** Characters kept from the end of a piece: one fewer than the shortest namespace name counted. */
const OVERLAP = Math.min(...MAIN.map((ns) => ns.length)) - 1;

/**
 * unusualXml over a part that comes in pieces: a pattern cut between two pieces is seen in the
 * end of the one before, and the main namespace is counted over all of them.
 */
export class UnusualWatch {
  private tail = "";
  private mains = 0;

  /** Whether the text so far (with this piece) needs canonicalXml. */
  see(piece: string): boolean {
    if (piece === "") return false;
    // Where this piece meets the last one: a match that starts in the tail (shorter than any
    // pattern counted) ends in this piece, so it is counted once.
    const junction = this.tail === "" ? "" : this.tail + piece.slice(0, OVERLAP);
    if (junction !== "" && UNUSUAL.test(junction)) return true;
    if (UNUSUAL.test(piece)) return true;
    // The main namespace declared twice: its elements may be spelt with two prefixes.
    for (const ns of MAIN) {
      for (let at = junction.indexOf(ns); at >= 0 && at < this.tail.length; at = junction.indexOf(ns, at + 1))
        if (++this.mains > 1) return true;
      for (let at = piece.indexOf(ns); at >= 0; at = piece.indexOf(ns, at + ns.length))
        if (++this.mains > 1) return true;
    }
    this.tail = piece.slice(-OVERLAP);
    return false;
  }
}
