import { describe, expect, it } from "vitest";
import { decodeCsvBytes, readCsv } from "../../../src/hosts/xlsx/csv.js";

const TEXT =
  "序号,反馈问题,整改措施,完成时限,整改进展\r\n" +
  '1,"问题一，含逗号",措施甲,2025年6月30日,已完成\r\n' +
  '2,问题二,"措施乙\r\n第二行",2025.6.30,进行中（𠮷）\r\n' +
  ",,,,\r\n";

// TEXT as Chinese Windows Excel saves a plain CSV: GB18030 (encoded by Python's gb18030 codec).
// 𠮷 is outside GBK and takes four bytes (95 34 B2 35), so this proves GB18030, not just GBK.
const GB18030_HEX =
  "d0f2bac52cb7b4c0a1cecacce22cd5fbb8c4b4ebcaa92ccdeab3c9cab1cfde2cd5fbb8c4bdf8d5b90d0a312c22cecacce2d2bba3acbaacb6babac5222c" +
  "b4ebcaa9bcd72c32303235c4ea36d4c23330c8d52cd2d1cdeab3c90d0a322ccecacce2b6fe2c22b4ebcaa9d2d20d0ab5dab6fed0d0222c323032352e362e" +
  "33302cbdf8d0d0d6d0a3a89534b235a3a90d0a2c2c2c2c0d0a";

function hex(s: string): Uint8Array {
  return new Uint8Array(s.match(/../g)!.map((b) => parseInt(b, 16)));
}

const EXPECTED = [
  ["序号", "反馈问题", "整改措施", "完成时限", "整改进展"],
  ["1", "问题一，含逗号", "措施甲", "2025年6月30日", "已完成"],
  ["2", "问题二", "措施乙\r\n第二行", "2025.6.30", "进行中（𠮷）"],
];

describe("readCsv", () => {
  const utf8 = new TextEncoder().encode(TEXT);
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);

  it("reads UTF-8 with a BOM (Excel's CSV UTF-8)", () => {
    expect(readCsv(withBom, "台账")).toEqual({
      sheet: "台账",
      origin: { row: 1, col: 1 },
      values: EXPECTED,
      merges: [],
    });
  });

  it("reads UTF-8 without a BOM", () => {
    expect(readCsv(utf8, "台账").values).toEqual(EXPECTED);
  });

  it("reads GB18030 (Chinese Windows Excel's plain CSV)", () => {
    expect(readCsv(hex(GB18030_HEX), "台账").values).toEqual(EXPECTED);
  });

  it("gives the same grid for all three encodings", () => {
    const a = readCsv(withBom, "S");
    expect(readCsv(utf8, "S")).toEqual(a);
    expect(readCsv(hex(GB18030_HEX), "S")).toEqual(a);
  });

  it("reads UTF-16LE tab-separated text (Excel's Unicode text)", () => {
    const tsv = "序号\t问题\r\n1\t问题一\r\n";
    const bytes = new Uint8Array(2 + tsv.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < tsv.length; i++) {
      bytes[2 + 2 * i] = tsv.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = tsv.charCodeAt(i) >> 8;
    }
    expect(readCsv(bytes, "S").values).toEqual([
      ["序号", "问题"],
      ["1", "问题一"],
    ]);
  });

  it("empty cells are null, text that looks like a formula stays text", () => {
    const bytes = new TextEncoder().encode('a,,=1+1\n\n,b\n"",""\n');
    expect(readCsv(bytes, "S").values).toEqual([["a", null, "=1+1"], [], [null, "b"]]);
  });

  it("reads UTF-8 with a few bad bytes as UTF-8, not the whole file as GB18030 (the hostile sweep of 2026-12-03)", () => {
    // A cell pasted in from a GBK file: 办公室 in GBK (B0 EC B9 AB CA D2) inside a UTF-8 ledger.
    const head = new TextEncoder().encode(TEXT.replace(",,,,\r\n", "3,问题三,措施丙,2025年12月31日,"));
    const bytes = new Uint8Array([...head, ...hex("b0ecb9abcad2"), 0x0d, 0x0a]);
    const values = readCsv(bytes, "台账").values;
    expect(values.slice(0, 3)).toEqual(EXPECTED);
    expect(values[3]!.slice(0, 4)).toEqual(["3", "问题三", "措施丙", "2025年12月31日"]);
    // A file that is all GBK still reads as GB18030.
    expect(readCsv(hex(GB18030_HEX), "台账").values).toEqual(EXPECTED);
  });

  it("decodes the BOM away", () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("a");
  });
});
