import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { NODE_ZLIB } from "../../../src/cli/node-zlib.js";
import type { Mark } from "../../../src/hosts/workbook.js";
import { openWorkbookFile } from "../../../src/hosts/xlsx/open.js";
import { XlsxReader } from "../../../src/hosts/xlsx/reader.js";
import { handXlsx, type HandBook } from "./handmade.js";
import { parts, text } from "./writer-helpers.js";

/**
 * Valid packages in spellings no writer we know uses but XML allows, found by a hostile sweep
 * (2026-12-02): each must read as the plain package does, and its marked copy must keep every
 * value. An end tag `</row >` once made the copy repeat the marked rows with their values lost.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const BOOK: HandBook = {
  strings: ["问题", "责任部门", "整改时限", "校外培训监管存在盲区", "办公室"],
  sheets: [
    {
      name: "台账",
      rows:
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
        `<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>45000</v></c><c r="D2" t="b"><v>1</v></c></row>` +
        `<row r="3"><c r="A3" t="inlineStr"><is><t>内联文字</t></is></c><c r="C3"><v>45001</v></c></row>`,
      after: `<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>`,
    },
  ],
};

/** The plain package with its parts passed through `edit` (name → text). */
function variant(
  edit: (name: string, xml: string) => string | Uint8Array,
  rename?: (name: string) => string,
): Uint8Array {
  const files = unzipSync(handXlsx(BOOK));
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) {
    const edited = edit(name, text(bytes));
    out[rename ? rename(name) : name] = typeof edited === "string" ? strToU8(edited) : edited;
  }
  return zipSync(out);
}

const onPart = (part: string, f: (xml: string) => string | Uint8Array) => (name: string, xml: string) =>
  name === part ? f(xml) : xml;
const SHEET = "xl/worksheets/sheet1.xml";
const SST = "xl/sharedStrings.xml";

function utf16le(xml: string): Uint8Array {
  const s = xml.replace(/encoding="UTF-8"/, 'encoding="UTF-16"');
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) {
    out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = s.charCodeAt(i) >> 8;
  }
  return out;
}

const VARIANTS: [string, Uint8Array][] = [
  [
    "end tags with space (XML 1.0 §3.1 ETag)",
    variant((_, x) => x.replace(/<\/(row|c|v|t|si|is|sheetData|mergeCells|sst)>/g, "</$1 \n>")),
  ],
  [
    "CDATA in shared and inline strings (§2.7)",
    variant((_, x) => x.replace(/<t( xml:space="preserve")?>([^<]*)<\/t>/g, "<t$1><![CDATA[$2]]></t>")),
  ],
  [
    "'>' in an attribute value, the sheet's name (§3.1 AttValue)",
    variant(onPart("xl/workbook.xml", (x) => x.replace('name="台账"', 'name="台账>2025"'))),
  ],
  [
    "root prefixed, rows in the default namespace (Namespaces in XML §6)",
    variant(
      onPart(SHEET, (x) =>
        x
          .replace(`<worksheet xmlns="${MAIN}"`, `<x:worksheet xmlns:x="${MAIN}" xmlns="${MAIN}"`)
          .replace("</worksheet>", "</x:worksheet>"),
      ),
    ),
  ],
  [
    "root unprefixed, rows with a prefix for the main namespace",
    variant(
      onPart(SHEET, (x) =>
        x
          .replace(`<worksheet xmlns="${MAIN}"`, `<worksheet xmlns="${MAIN}" xmlns:x="${MAIN}"`)
          .replace(/<(\/?)(sheetData|row|c|v|is|t|mergeCells|mergeCell)\b/g, "<$1x:$2"),
      ),
    ),
  ],
  [
    "whitespace and character references in values (xsd's whitespace collapse; XML 1.0 §4.1)",
    variant(
      onPart(SHEET, (x) =>
        x
          .replace(/(<c r="[AB]\d" t="s"><v>)(\d)(<\/v>)/g, (_, a, d, z) => `${a} &#${d.charCodeAt(0)}; ${z}`)
          .replace(/<v>(450\d\d)<\/v>/g, "<v>\n $1\t</v>")
          .replace('t="b"><v>1</v>', 't="b"><v> 1 </v>'),
      ),
    ),
  ],
  [
    "UTF-16 sheet and shared strings (ECMA-376 Part 2 §8.1.4)",
    variant((name, x) => (name === SHEET || name === SST ? utf16le(x) : x)),
  ],
  [
    "a part name stored percent-encoded (OPC zip item names are ASCII)",
    variant(
      (name, x) =>
        name === "xl/_rels/workbook.xml.rels"
          ? x.replace("worksheets/sheet1.xml", "worksheets/%E5%8F%B0%E8%B4%A6.xml")
          : x.replace('PartName="/xl/worksheets/sheet1.xml"', 'PartName="/xl/worksheets/%E5%8F%B0%E8%B4%A6.xml"'),
      (name) => (name === SHEET ? "xl/worksheets/%E5%8F%B0%E8%B4%A6.xml" : name),
    ),
  ],
];

/** The first sheet's grid (whatever its name). */
const gridOf = (bytes: Uint8Array, zlib = NODE_ZLIB) => {
  const reader = XlsxReader.open(bytes, undefined, zlib);
  const g = reader.readGrid(reader.sheets()[0]!.name);
  return { values: g.values, text: g.text, merges: g.merges };
};

describe("valid XML in unusual spellings", () => {
  const plain = gridOf(handXlsx(BOOK));

  it.each(VARIANTS)("%s reads as the plain package", (_, bytes) => {
    expect(gridOf(bytes)).toEqual(plain);
    // fflate's inflater and the browser's decoding (no Node zlib) read the same.
    expect(gridOf(bytes, {})).toEqual(plain);
  });

  const MARKS: Mark[] = [
    { row: 2, col: 2, severity: "error", note: "未填写责任领导" },
    { row: 3, col: 3, severity: "warning", note: "临近时限" },
  ];

  // With Node's zlib and Latin-1 (the CLI), and with fflate and no Latin-1 (the browser preview).
  const HOSTS: [string, typeof NODE_ZLIB][] = [
    ["node", NODE_ZLIB],
    ["browser", {}],
  ];
  const CASES = VARIANTS.flatMap(([v, bytes]) => HOSTS.map(([h, zlib]) => [`${v} (${h})`, bytes, zlib] as const));

  it.each(CASES)(
    "%s: the marked copy keeps every value, and is read as the plain one's copy",
    async (_, bytes, zlib) => {
      const book = await openWorkbookFile(bytes, "台账.xlsx", { zlib });
      await book.writeMarks((await book.listSheets())[0]!.name, MARKS);
      const copy = await book.toBuffer();
      expect(gridOf(copy)).toEqual(plain);
      // The ledger's part has no row twice (the `</row >` copy repeated the marked rows, values lost).
      const ledger = Object.values(parts(copy))
        .map((b) => text(b))
        .find((x) => x.includes("内联文字") && /<(?:x:)?sheetData/.test(x))!;
      expect(ledger.match(/<(?:x:)?row\b/g)?.length).toBe(3);
      expect(gridOf(copy, {})).toEqual(plain);
    },
  );
});

describe("where the notes' legacyDrawing goes (CT_Worksheet's order, ECMA-376 Part 1 §18.3.1.99)", () => {
  const EXT = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"/></extLst>`;
  const TAILS: [string, string][] = [
    [
      "the word sheetData in a later attribute",
      `<dataValidations count="1"><dataValidation type="list" promptTitle="见 sheetData 说明" sqref="C2"><formula1>"是,否"</formula1></dataValidation></dataValidations>${EXT}`,
    ],
    ["a processing instruction naming extLst", `<?mso-note <extLst> marker?>${EXT}`],
    [
      "a data bar's own extLst",
      `<conditionalFormatting sqref="C2:C3"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}"/></extLst></cfRule></conditionalFormatting>${EXT}`,
    ],
  ];

  it.each(TAILS)("%s: right before the sheet's own extLst", async (_, after) => {
    const book = await openWorkbookFile(handXlsx({ ...BOOK, sheets: [{ ...BOOK.sheets[0]!, after }] }), "台账.xlsx");
    await book.writeMarks("台账", [{ row: 2, col: 2, severity: "error", note: "未填写责任领导" }]);
    const sheet = text(parts(await book.toBuffer())["xl/worksheets/sheet1.xml"]);
    const tail = sheet.slice(sheet.indexOf("</sheetData>"));
    expect(tail).toContain(`<legacyDrawing r:id="`);
    // Everything of the clerk's stays as it was, with ours just before the last extLst.
    const at = tail.indexOf("<legacyDrawing");
    expect(tail.slice(at).replace(/^<legacyDrawing[^>]*\/>/, "")).toBe(`${EXT}</worksheet>`);
  });
});
