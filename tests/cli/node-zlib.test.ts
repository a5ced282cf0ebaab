import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { deflateSync } from "fflate";
import { NODE_ZLIB } from "../../src/cli/node-zlib.js";

describe("NODE_ZLIB: what the CLI lends the .xlsx host", () => {
  const decode = NODE_ZLIB.decodeUtf8!;
  const utf8 = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes);
  const enc = (s: string) => new TextEncoder().encode(s);

  it("decodes UTF-8 exactly as TextDecoder does: ASCII, CJK, a BOM, broken bytes, nothing", () => {
    const cases: Uint8Array[] = [
      enc('<c r="A1" s="3" t="s"><v>0</v></c>'),
      enc("<t>整改措施①😀</t>"),
      new Uint8Array([0xef, 0xbb, 0xbf, ...enc("<sst>")]),
      new Uint8Array([0x3c, 0xe6, 0x95, 0x3e, 0xff, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0x41]),
      new Uint8Array([0x00, 0x09, 0x7f, 0x41]),
      new Uint8Array(0),
    ];
    for (const bytes of cases) expect(decode(bytes)).toBe(utf8(bytes));
  });

  it("reads only the bytes of a view, not the rest of its buffer", () => {
    const all = enc('xx<row r="1"/>yy');
    const view = all.subarray(2, all.length - 2);
    expect(decode(view)).toBe('<row r="1"/>');
    const cjk = enc("前整改后");
    expect(decode(cjk.subarray(3, 9))).toBe("整改");
  });

  it("inflates a part into exactly its declared size, and refuses one that grows past it", () => {
    const part = enc("<row/>".repeat(50_000));
    const packed = deflateSync(part);
    const out = NODE_ZLIB.inflateRaw!(packed, part.length);
    expect(new Uint8Array(out)).toEqual(part);
    expect(out.buffer.byteLength).toBe(part.length);
    expect(() => NODE_ZLIB.inflateRaw!(packed, 1000)).toThrow();
    expect(inflateRawSync(packed).length).toBe(part.length);
  });
});
