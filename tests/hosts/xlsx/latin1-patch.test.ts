import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { NODE_ZLIB } from "../../../src/cli/node-zlib.js";
import { Package } from "../../../src/hosts/xlsx/package.js";
import { XlsxReader } from "../../../src/hosts/xlsx/reader.js";
import { XlsxWriter } from "../../../src/hosts/xlsx/xlsx-writer.js";
import type { Mark } from "../../../src/hosts/workbook.js";
import { handXlsx } from "./handmade.js";
import { bulletin } from "./writer-helpers.js";

/**
 * The CLI patches a marked sheet as Latin-1 text (one character a byte: NODE_ZLIB.latin1), never
 * decoding its UTF-8; the browser preview, without an exact Latin-1, patches the decoded text.
 * Both must give the same sheet, and the bytes we do not change must be the input's own, whatever
 * they spell: CJK in cells and after sheetData, a byte-order mark, a prefixed namespace, and bytes
 * that read as whitespace to a regular expression once taken a byte a character (丠 is E4 B8 A0 in
 * UTF-8, and A0 as Latin-1 is a no-break space, which `\s` matches).
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const ROWS =
  `<row r="1"><c r="A1" t="inlineStr"><is><t>反馈问题</t></is></c><c r="B1" t="inlineStr"><is><t>整改措施</t></is></c></row>` +
  `<row r="2" spans="1:3"><c r="A2" t="inlineStr"><is><t>公务用车管理不规范「第1项」</t></is></c><c r="B2"/><c r="C2" t="inlineStr"><is><t>😀 emoji</t></is></c></row>` +
  // Row 3 is missing: a mark there makes a new row.
  `<row r="4"><c r="A4" t="inlineStr"><is><t>经费报销凭证不全丠\u00a0</t></is></c></row>`;
const AFTER =
  `<dataValidations count="1"><dataValidation type="list" sqref="B2:B9" prompt="请选择：已完成、正在推进丠\u00a0"><formula1>"已完成,正在推进"</formula1></dataValidation></dataValidations>` +
  `<headerFooter><oddFooter>&amp;C第 &amp;P 页　共 &amp;N 页</oddFooter></headerFooter>`;

const MARKS: Mark[] = [
  { row: 2, col: 1, severity: "error", note: "未填写责任领导" },
  { row: 2, col: 2, severity: "warning", note: "疑似纸面整改" },
  { row: 3, col: 2, severity: "info", note: "还剩5天到期" },
  { row: 4, col: 3, severity: "error", note: "已逾期3天" },
];

function sheetXml(prefix: string, bom: boolean): string {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const body = (ROWS + AFTER).replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`);
  const [data, after] = [
    body.slice(0, body.indexOf(`<${p}dataValidations`)),
    body.slice(body.indexOf(`<${p}dataValidations`)),
  ];
  return (
    (bom ? "\uFEFF" : "") +
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${ns} xmlns:r="${REL}">` +
    `<${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews><${p}sheetData>${data}</${p}sheetData>${after}</${p}worksheet>`
  );
}

function book(xml: string): Uint8Array {
  const files = unzipSync(handXlsx({ sheets: [{ name: "台账", rows: "" }] }));
  files["xl/worksheets/sheet1.xml"] = strToU8(xml);
  return zipSync(files);
}

function marked(input: Uint8Array, zlib: typeof NODE_ZLIB): Uint8Array {
  const writer = new XlsxWriter(Package.open(input, undefined, zlib));
  writer.writeMarks("台账", MARKS);
  return unzipSync(writer.toBytes())["xl/worksheets/sheet1.xml"]!;
}

const { latin1: _latin1, ...WITHOUT_LATIN1 } = NODE_ZLIB;

describe("patching a sheet byte for byte (Latin-1) and as decoded text", () => {
  for (const prefix of ["", "x"]) {
    it(`gives the same sheet either way${prefix ? `, with the ${prefix}: prefix` : ""}`, () => {
      const input = book(sheetXml(prefix, false));
      const bytes = marked(input, NODE_ZLIB);
      expect(Buffer.from(bytes).equals(Buffer.from(marked(input, WITHOUT_LATIN1)))).toBe(true);
      const xml = new TextDecoder().decode(bytes);
      // The marks: styles on the cells, a new row 3, a new cell C4, CJK text and the tail untouched.
      expect(xml).toMatch(new RegExp(`<${prefix ? "x:" : ""}c s="\\d+" r="A2" t="inlineStr">`));
      expect(xml).toMatch(new RegExp(`<${prefix ? "x:" : ""}row r="3"><${prefix ? "x:" : ""}c r="B3" s="\\d+"/>`));
      expect(xml).toContain("公务用车管理不规范「第1项」");
      expect(xml).toContain("😀 emoji");
      expect(xml).toContain('prompt="请选择：已完成、正在推进丠\u00a0"');
      expect(xml).toContain("经费报销凭证不全丠\u00a0");
      expect(xml).toContain("第 &amp;P 页　共 &amp;N 页");
    });
  }

  it("keeps a byte-order mark the decoded path would drop, and every other byte", () => {
    const input = book(sheetXml("", true));
    const bytes = marked(input, NODE_ZLIB);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(bytes.subarray(3)).equals(Buffer.from(marked(input, WITHOUT_LATIN1)))).toBe(true);
  });

  it("rechecks and clears a copy the same way: marks taken off, new ones put on, the clerk's bytes kept", () => {
    // B3 again (a cell we had added: unmarked and marked in one pass), C4 no longer (taken away).
    const LATER: Mark[] = [
      { row: 2, col: 1, severity: "warning", note: "疑似纸面整改" },
      { row: 3, col: 2, severity: "error", note: "逾期未完成" },
      { row: 4, col: 1, severity: "error", note: "已逾期10天" },
    ];
    for (const prefix of ["", "x"]) {
      const input = book(sheetXml(prefix, false));
      const run = (zlib: typeof NODE_ZLIB) => {
        const first = new XlsxWriter(Package.open(input, undefined, zlib));
        first.writeMarks("台账", MARKS);
        const recheck = new XlsxWriter(Package.open(first.toBytes(), undefined, zlib));
        recheck.writeMarks("台账", LATER);
        const rechecked = recheck.toBytes();
        const clear = new XlsxWriter(Package.open(rechecked, undefined, zlib));
        clear.clearMarks("台账");
        const sheet = (bytes: Uint8Array) => unzipSync(bytes)["xl/worksheets/sheet1.xml"]!;
        return { rechecked: sheet(rechecked), cleared: sheet(clear.toBytes()) };
      };
      const a = run(NODE_ZLIB);
      const b = run(WITHOUT_LATIN1);
      expect(Buffer.from(a.rechecked).equals(Buffer.from(b.rechecked))).toBe(true);
      expect(Buffer.from(a.cleared).equals(Buffer.from(b.cleared))).toBe(true);
      const rechecked = new TextDecoder().decode(a.rechecked);
      expect(rechecked).toContain("公务用车管理不规范「第1项」");
      expect(rechecked).toMatch(new RegExp(`<${prefix ? "x:" : ""}c s="\\d+" r="A4" t="inlineStr">`));
      // Cleared, the cells are as they came: no style where there was none, the cells we added gone.
      expect(rechecked).toMatch(
        new RegExp(`<${prefix ? "x:" : ""}row r="3"><${prefix ? "x:" : ""}c r="B3" s="\\d+"/>`),
      );
      expect(rechecked).not.toContain('r="C4"');
      // Cleared after the recheck, the sheet is byte for byte the one the clerk gave us.
      const original = unzipSync(input)["xl/worksheets/sheet1.xml"]!;
      expect(Buffer.from(a.cleared).equals(Buffer.from(original))).toBe(true);
    }
  });

  it("puts the bulletin in front the same way, the marked ledger losing its tabSelected and nothing else", () => {
    const input = book(
      sheetXml("", false).replace('<sheetView workbookViewId="0"/>', '<sheetView tabSelected="1" workbookViewId="0"/>'),
    );
    const run = (zlib: typeof NODE_ZLIB) => {
      const writer = new XlsxWriter(Package.open(input, undefined, zlib));
      writer.writeMarks("台账", MARKS);
      writer.select(writer.writeSheet(bulletin("关于整改进展情况的通报")), "A1");
      return unzipSync(writer.toBytes())["xl/worksheets/sheet1.xml"]!;
    };
    const bytes = run(NODE_ZLIB);
    expect(Buffer.from(bytes).equals(Buffer.from(run(WITHOUT_LATIN1)))).toBe(true);
    const xml = new TextDecoder().decode(bytes);
    expect(xml).toContain('<sheetView workbookViewId="0"/>');
    expect(xml).toContain("公务用车管理不规范「第1项」");
  });

  it("selects the bulletin without compressing the marked ledger again: only its start changes", () => {
    const input = book(
      sheetXml("x", true).replace(
        '<x:sheetView workbookViewId="0"/>',
        '<x:sheetView tabSelected="1" workbookViewId="0"/>',
      ),
    );
    for (const zlib of [NODE_ZLIB, WITHOUT_LATIN1]) {
      let deflated = 0;
      const counting = {
        ...zlib,
        deflateRaw: (data: Uint8Array, segment?: Parameters<NonNullable<typeof zlib.deflateRaw>>[1]) => {
          deflated += data.length;
          return zlib.deflateRaw!(data, segment);
        },
      };
      const writer = new XlsxWriter(Package.open(input, undefined, counting));
      writer.writeMarks("台账", MARKS);
      const name = writer.writeSheet(bulletin("关于整改进展情况的通报"));
      deflated = 0;
      writer.select(name, "A1");
      // The workbook part is set as text (compressed with the copy); the two sheets' starts are stored.
      expect(deflated).toBe(0);
      const selected = new TextDecoder().decode(unzipSync(writer.toBytes())["xl/worksheets/sheet1.xml"]!);
      const unselected = new TextDecoder().decode(marked(input, zlib));
      expect(unselected).toContain('<x:sheetView tabSelected="1" workbookViewId="0"/>');
      expect(selected).toBe(unselected.replace(' tabSelected="1"', ""));
    }
  });

  it("reads back with the same values", () => {
    const input = book(sheetXml("", false));
    const copy = new XlsxWriter(Package.open(input, undefined, NODE_ZLIB));
    copy.writeMarks("台账", MARKS);
    const before = XlsxReader.open(input).readGrid("台账").values;
    const after = XlsxReader.open(copy.toBytes()).readGrid("台账").values;
    expect(after).toEqual(before);
    expect(after[1]).toEqual(["公务用车管理不规范「第1项」", null, "😀 emoji"]);
  });
});
