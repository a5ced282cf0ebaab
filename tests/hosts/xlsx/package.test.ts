import { inflateSync, strFromU8, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { WorkbookOpenError } from "../../../src/hosts/xlsx/errors.js";
import { NODE_ZLIB } from "../../../src/cli/node-zlib.js";
import { PackageCopy } from "../../../src/hosts/xlsx/package-copy.js";
import { Package, relsPartName, resolveTarget } from "../../../src/hosts/xlsx/package.js";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

function rels(items: [id: string, type: string, target: string][], ns = REL): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${ns}/${type}" Target="${target}"/>`).join("") +
    `</Relationships>`
  );
}

function zip(files: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) out[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(out, { level });
}

const WORKBOOK = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><workbookPr date1904="1"/><sheets><sheet name="台账" sheetId="1" r:id="rId1"/><sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/><sheet name="State" sheetId="3" state="veryHidden" r:id="rId3"/></sheets></workbook>`;

describe("resolveTarget", () => {
  // ECMA-376 Part 2 §9.3 resolves relative targets against the source part (RFC 3986 §5.2);
  // openpyxl writes absolute ones (`/xl/worksheets/sheet1.xml`), the case exceljs fails on
  // (exceljs issue #1453: "Cannot read properties of undefined (reading 'comments')").
  it.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/sheet1.xml", "../drawings/drawing1.xml", "xl/drawings/drawing1.xml"],
    ["xl/worksheets/sheet1.xml", "./../comments1.xml", "xl/comments1.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["/xl/workbook.xml", "worksheets/my%20sheet.xml", "xl/worksheets/my sheet.xml"],
    ["xl/workbook.xml", "worksheets\\sheet2.xml", "xl/worksheets/sheet2.xml"],
  ])("%s + %s → %s", (source, target, expected) => {
    expect(resolveTarget(source, target)).toBe(expected);
  });

  it("names rels parts", () => {
    expect(relsPartName("")).toBe("_rels/.rels");
    expect(relsPartName("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPartName("/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/_rels/sheet1.xml.rels");
  });
});

describe("Package", () => {
  const files = (target: (n: number) => string): Record<string, string> => ({
    "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "xl/workbook.xml": WORKBOOK,
    "xl/_rels/workbook.xml.rels": rels([
      ["rId1", "worksheet", target(1)],
      ["rId2", "worksheet", target(2)],
      ["rId3", "worksheet", target(3)],
      ["rId4", "sharedStrings", "/xl/sharedStrings.xml"],
      ["rId5", "styles", "styles.xml"],
    ]),
    "xl/worksheets/sheet1.xml": "<worksheet/>",
    "xl/worksheets/sheet2.xml": "<worksheet/>",
    "xl/worksheets/sheet3.xml": "<worksheet/>",
    "xl/sharedStrings.xml": "<sst/>",
    "xl/styles.xml": "<styleSheet/>",
  });

  it.each([
    ["relative", (n: number) => `worksheets/sheet${n}.xml`],
    ["absolute", (n: number) => `/xl/worksheets/sheet${n}.xml`],
  ])("lists the sheets with %s targets, their states and the 1904 system", (_, target) => {
    const pkg = Package.open(zip(files(target)));
    const wb = pkg.workbook;
    expect(wb.part).toBe("xl/workbook.xml");
    expect(wb.date1904).toBe(true);
    expect(wb.strict).toBe(false);
    expect(wb.sheets.map((s) => [s.name, s.state, s.kind, s.part])).toEqual([
      ["台账", "visible", "worksheet", "xl/worksheets/sheet1.xml"],
      ["隐藏", "hidden", "worksheet", "xl/worksheets/sheet2.xml"],
      ["State", "veryHidden", "worksheet", "xl/worksheets/sheet3.xml"],
    ]);
    expect(wb.sharedStrings).toBe("xl/sharedStrings.xml");
    expect(wb.styles).toBe("xl/styles.xml");
    expect(pkg.text("xl/worksheets/sheet1.xml")).toBe("<worksheet/>");
    expect(pkg.contentType("/xl/workbook.xml")).toMatch(/sheet\.main\+xml$/);
    expect(pkg.contentType("xl/styles.xml")).toBe("application/xml");
  });

  it("looks parts up regardless of case and reads stored (uncompressed) entries", () => {
    const pkg = Package.open(
      zip(
        files((n) => `Worksheets/SHEET${n}.xml`),
        0,
      ),
    );
    expect(pkg.workbook.sheets[0]!.part).toBe("xl/Worksheets/SHEET1.xml");
    expect(pkg.text(pkg.workbook.sheets[0]!.part!)).toBe("<worksheet/>");
    expect(pkg.entry("XL/WORKBOOK.XML")?.name).toBe("xl/workbook.xml");
  });

  it("reads strict OOXML relationship types", () => {
    const f = files((n) => `worksheets/sheet${n}.xml`);
    f["_rels/.rels"] = rels([["rId1", "officeDocument", "xl/workbook.xml"]], STRICT_REL);
    f["xl/_rels/workbook.xml.rels"] = rels(
      [
        ["rId1", "worksheet", "worksheets/sheet1.xml"],
        ["rId2", "worksheet", "worksheets/sheet2.xml"],
        ["rId3", "worksheet", "worksheets/sheet3.xml"],
        ["rId4", "sharedStrings", "sharedStrings.xml"],
      ],
      STRICT_REL,
    );
    f["xl/workbook.xml"] = WORKBOOK.replace(
      "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "http://purl.oclc.org/ooxml/spreadsheetml/main",
    ).replaceAll(REL, STRICT_REL);
    const wb = Package.open(zip(f)).workbook;
    expect(wb.strict).toBe(true);
    expect(wb.sheets.map((s) => s.part)).toEqual([
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet3.xml",
    ]);
    expect(wb.sharedStrings).toBe("xl/sharedStrings.xml");
  });

  it("finds the workbook without package relationships", () => {
    const f = files((n) => `worksheets/sheet${n}.xml`);
    delete f["_rels/.rels"];
    expect(Package.open(zip(f)).workbook.sheets).toHaveLength(3);
  });

  it("gives the stored bytes of a part for a byte-for-byte copy", () => {
    const pkg = Package.open(zip({ "a.xml": "x".repeat(1000) }));
    const e = pkg.entry("a.xml")!;
    expect(e.method).toBe(8);
    expect(pkg.stored("a.xml").length).toBe(e.compressedSize);
    expect(e.compressedSize).toBeLessThan(100);
  });

  it("streams a part in pieces that add up to the part", () => {
    const big = "<row>".repeat(300_000);
    const pkg = Package.open(zip({ "a.xml": big }));
    let n = 0;
    let pieces = 0;
    for (const c of pkg.chunks("a.xml")) {
      n += c.length;
      pieces++;
    }
    expect(n).toBe(big.length);
    expect(pieces).toBeGreaterThan(0);
    expect(pkg.text("a.xml")).toBe(big);
  });

  it("reads a part's head step by step even with a native inflater lent, and gives whole parts uncopied", () => {
    const big = Array.from({ length: 200_000 }, (_, i) => `<c r="A${i}"/>`).join("");
    let calls = 0;
    const inflateRaw = (data: Uint8Array, size: number) => {
      calls++;
      const out = inflateSync(data, { out: new Uint8Array(size) });
      return out;
    };
    const pkg = Package.open(zip({ "a.xml": big }), undefined, { inflateRaw });
    const head = pkg.chunks("a.xml", { whole: false }).next().value!;
    expect(calls).toBe(0);
    expect(head.length).toBeLessThan(big.length / 10);
    expect(strFromU8(head)).toBe(big.slice(0, head.length));
    let all = "";
    for (const c of pkg.chunks("a.xml", { whole: false })) all += strFromU8(c);
    expect(all).toBe(big);
    expect(pkg.text("a.xml")).toBe(big);
    expect(calls).toBe(1);
  });

  it("refuses a package whose declared sizes pass the limit, from its directory alone", () => {
    const bytes = zip({ "xl/worksheets/sheet1.xml": "a".repeat(2_000_000) });
    const err = (() => {
      try {
        Package.open(bytes, { maxInflatedBytes: 1_000_000, maxParts: 10 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(WorkbookOpenError);
    expect((err as WorkbookOpenError).code).toBe("too-large");
    expect((err as WorkbookOpenError).text.zh).toMatch(/解压后的大小.*拆分/);
    expect((err as WorkbookOpenError).text.en).toMatch(/size once unzipped.*Split/);
  });

  it("stops inflating a part that grows past its declared size (a lying zip bomb)", () => {
    const bytes = zip({ "a.xml": "a".repeat(5_000_000) });
    // Rewrite the central directory's declared size (offset 24 of the central header) to 1000.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 1000, true);
        break;
      }
    }
    const pkg = Package.open(bytes);
    let seen = 0;
    expect(() => {
      for (const c of pkg.chunks("a.xml")) seen += c.length;
    }).toThrow(WorkbookOpenError);
    // One inflate step at most, not the 5 MB.
    expect(seen).toBeLessThanOrEqual(1000);
  });

  it.each([
    ["not a zip", strToU8("hello, this is not a zip file at all")],
    ["a truncated zip", zip({ "a.xml": Array.from({ length: 5000 }, (_, i) => i * 7919).join(",") }).subarray(0, 2000)],
  ])("calls %s corrupt", (_, bytes) => {
    expect(() => Package.open(bytes)).toThrow(WorkbookOpenError);
  });

  it("calls a zip without a workbook corrupt when the workbook is asked for", () => {
    const pkg = Package.open(zip({ "readme.txt": "hi" }));
    expect(() => pkg.workbook).toThrow(WorkbookOpenError);
  });
});

describe("PackageCopy.head: a part's first characters, inflating no more than holds them", () => {
  // A sheet whose text is not all one byte a character: CJK at the cut, an emoji after it.
  const big = `<worksheet><sheetPr codeName="lc0123456789ab"/>${"<row>整改😀</row>".repeat(60_000)}</worksheet>`;
  const original = zip({
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": rels([["rId1", "officeDocument", "xl/workbook.xml"]]),
    "xl/workbook.xml": `<workbook xmlns:r="${REL}"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": rels([["rId1", "worksheet", "worksheets/sheet1.xml"]]),
    "xl/worksheets/sheet1.xml": big,
    "xl/worksheets/stored.xml": big,
  });
  const stored = zip({ "xl/worksheets/sheet1.xml": big }, 0);

  it.each([1, 17, 100, 4096, 65_536, 1_000_000])("gives %i characters as the whole text does", (chars) => {
    for (const zlib of [{}, NODE_ZLIB]) {
      const copy = new PackageCopy(Package.open(original, undefined, zlib));
      expect(copy.head("xl/worksheets/sheet1.xml", chars)).toBe(big.slice(0, chars));
      // A part the copy holds compressed itself (a sink), as the marked sheet is.
      const sink = copy.sink();
      sink.write(big);
      copy.setSink("xl/worksheets/stored.xml", sink);
      expect(copy.head("xl/worksheets/stored.xml", chars)).toBe(big.slice(0, chars));
      expect(new PackageCopy(Package.open(stored, undefined, zlib)).head("xl/worksheets/sheet1.xml", chars)).toBe(
        big.slice(0, chars),
      );
    }
  });
});
