import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalXml, unusualXml, UnusualWatch, xmlText } from "../../../src/hosts/xlsx/canonical-xml.js";

/**
 * Well-formed XML the scanners do not read as it is, rewritten into the spelling they do
 * (XML 1.0 §3.1 end tags `</name S?>`, §2.7 CDATA, §3.1 attribute values with `>`, Namespaces in
 * XML §6 two prefixes for one namespace), and the ordinary spelling left alone.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

describe("canonicalXml", () => {
  it("writes end tags without space, CDATA as escaped text, values in double quotes with > escaped", () => {
    expect(canonicalXml(`<sst xmlns="${MAIN}"><si ><t >a<![CDATA[<b> & c]]></t ></si\n></sst >`)).toBe(
      `<sst xmlns="${MAIN}"><si><t>a&lt;b&gt; &amp; c</t></si></sst>`,
    );
    expect(canonicalXml(`<workbook xmlns="${MAIN}"><sheet name='a>"b"' sheetId = "1"/></workbook>`)).toBe(
      `<workbook xmlns="${MAIN}"><sheet name="a&gt;&quot;b&quot;" sheetId="1"/></workbook>`,
    );
  });

  it("spells the main namespace with the root's prefix, whichever prefix an element used", () => {
    // Root prefixed, children in the default namespace, which is the main one too.
    expect(
      canonicalXml(`<x:worksheet xmlns:x="${MAIN}" xmlns="${MAIN}"><sheetData><row r="1"/></sheetData></x:worksheet>`),
    ).toBe(`<x:worksheet xmlns:x="${MAIN}" xmlns="${MAIN}"><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>`);
    // Root unprefixed, children with a prefix for the main namespace.
    expect(
      canonicalXml(
        `<worksheet xmlns="${MAIN}" xmlns:x="${MAIN}"><x:sheetData><x:row r="1"></x:row></x:sheetData></worksheet>`,
      ),
    ).toBe(`<worksheet xmlns="${MAIN}" xmlns:x="${MAIN}"><sheetData><row r="1"></row></sheetData></worksheet>`);
  });

  it("leaves other namespaces, comments, instructions and an ordinary part as they are", () => {
    const ordinary =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac">` +
      `<!-- a > comment --><sheetData><row r="1" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c></row></sheetData>` +
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings/></ext></extLst></worksheet>`;
    expect(canonicalXml(ordinary)).toBe(ordinary);
    expect(unusualXml(ordinary)).toBe(false);
  });

  it("is told from the ordinary by unusualXml, also when a pattern falls between two pieces", () => {
    for (const t of [`<a></a >`, `<a><![CDATA[x]]></a>`, `<a b='>'/>`, `<x:a xmlns:x="${MAIN}" xmlns="${MAIN}"/>`])
      expect(unusualXml(t), t).toBe(true);
    const watch = new UnusualWatch();
    expect(watch.see(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"></row`)).toBe(false);
    expect(watch.see(` ></sheetData></worksheet>`)).toBe(true);
    // The second declaration cut where one piece ends and the next begins (a stored part read in 1 MiB steps).
    const cut = new UnusualWatch();
    expect(cut.see(`<x:worksheet xmlns:x="${MAIN}" xmlns="${MAIN.slice(0, 30)}`)).toBe(false);
    expect(cut.see(`${MAIN.slice(30)}"><sheetData/></x:worksheet>`)).toBe(true);
    const counting = new UnusualWatch();
    expect(counting.see(`<x:worksheet xmlns:x="${MAIN}"`)).toBe(false);
    expect(counting.see(` xmlns="${MAIN}">`)).toBe(true);
  });

  it("reads a UTF-16 part, its declaration then saying UTF-8", () => {
    const xml = `<?xml version="1.0" encoding="UTF-16" standalone="yes"?><sst xmlns="${MAIN}"><si><t>整改</t></si></sst>`;
    const le = new Uint8Array(2 + xml.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      le[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const be = le.slice();
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    const utf8 = xml.replace("UTF-16", "UTF-8");
    expect(xmlText(le)).toBe(utf8);
    expect(xmlText(be)).toBe(utf8);
  });

  // A random element tree in the canonical spelling, and the same tree spelt in the ways XML allows.
  const name = fc.constantFrom("row", "c", "v", "t", "si", "is", "f");
  const textArb = fc.string({ unit: fc.constantFrom("a", "整", " ", "&amp;", "&lt;", ">", "\n"), maxLength: 6 });
  const valueArb = fc.string({ unit: fc.constantFrom("a", "1", " ", "&amp;", "&gt;", "&quot;", "'"), maxLength: 5 });
  interface Node {
    name: string;
    attrs: [string, string][];
    children: (Node | string)[];
  }
  const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.record({
      name,
      attrs: fc.uniqueArray(fc.tuple(fc.constantFrom("r", "s", "t", "ht"), valueArb), {
        selector: (a) => a[0],
        maxLength: 3,
      }),
      children: fc.array(fc.oneof(textArb, tie("node")), { maxLength: 3 }),
    }),
  })).node;
  interface Spelling {
    endSpace: boolean;
    cdata: boolean;
    single: boolean;
    prefix: boolean;
  }
  const spellingArb = fc.record({
    endSpace: fc.boolean(),
    cdata: fc.boolean(),
    single: fc.boolean(),
    prefix: fc.boolean(),
  });
  const decode = (s: string) =>
    s
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");

  function write(n: Node, sp: Spelling | null, depth = 0): string {
    const nm = sp?.prefix && depth > 0 ? `m:${n.name}` : n.name;
    const attrs = n.attrs
      .map(([k, v]) =>
        sp?.single
          ? ` ${k} = '${decode(v).replace(/&/g, "&amp;").replace(/'/g, "&apos;").replace(/</g, "&lt;")}'`
          : ` ${k}="${v.replace(/'/g, "'")}"`,
      )
      .join("");
    const body = n.children
      .map((c) =>
        typeof c === "string"
          ? sp?.cdata && c !== "" && !decode(c).includes("]]>")
            ? `<![CDATA[${decode(c)}]]>`
            : c
          : write(c, sp, depth + 1),
      )
      .join("");
    return `<${nm}${attrs}>${body}</${nm}${sp?.endSpace ? " \n" : ""}>`;
  }
  // The canonical form escapes > in text only where CDATA held it; compare decoded texts and values.
  const normal = (xml: string) =>
    xml
      .replace(/>([^<]*)</g, (_, t: string) => `>${decode(t)}<`)
      .replace(/="([^"]*)"/g, (_, v: string) => `="${decode(v)}"`);

  it("gives back the canonical spelling of every way of writing the same tree (property)", () => {
    fc.assert(
      fc.property(nodeArb, spellingArb, (tree, sp) => {
        const root = (inner: string, extra: string) => `<sheetData xmlns="${MAIN}"${extra}>${inner}</sheetData>`;
        const canonical = root(write(tree, null), sp.prefix ? ` xmlns:m="${MAIN}"` : "");
        const variant = root(write(tree, sp), sp.prefix ? ` xmlns:m="${MAIN}"` : "");
        expect(normal(canonicalXml(variant))).toBe(normal(canonical));
        if (
          sp.endSpace ||
          (sp.prefix && tree.children.some((c) => typeof c !== "string")) ||
          variant.includes("<![CDATA[")
        )
          expect(unusualXml(variant)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
