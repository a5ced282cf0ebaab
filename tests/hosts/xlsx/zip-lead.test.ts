import fc from "fast-check";
import { inflateSync } from "fflate";
import { crc32 as nodeCrc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, crc32Combine, withLead } from "../../../src/hosts/xlsx/zip-copy.js";

/**
 * A part stored as a lead (stored deflate blocks, RFC 1951 §3.2.4) followed by a deflate stream of
 * its own, with the CRC-32 of the whole made from the two (zlib's crc32_combine). Checked against
 * Node's zlib (the inflater Excel's, LibreOffice's and openpyxl's zip readers share in kind) and
 * fflate's (the browser preview's), and against the CRC of the joined bytes.
 */

const bytes = (max: number) => fc.uint8Array({ maxLength: max });

describe("crc32Combine", () => {
  it("gives the CRC-32 of A then B from the CRCs of A and of B", () => {
    fc.assert(
      fc.property(bytes(300), bytes(3000), (a, b) => {
        const joined = new Uint8Array([...a, ...b]);
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(nodeCrc32(joined) >>> 0);
      }),
    );
  });

  it("holds for lengths past 16 bits and for an empty B", () => {
    const a = new TextEncoder().encode("<worksheet>");
    const b = new Uint8Array(200_003).map((_, i) => (i * 31) & 0xff);
    expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(nodeCrc32(new Uint8Array([...a, ...b])) >>> 0);
    expect(crc32Combine(crc32(a), crc32(new Uint8Array(0)), 0)).toBe(crc32(a));
  });
});

describe("withLead", () => {
  const part = (body: Uint8Array) => ({
    deflated: deflateRawSync(body, { level: 3 }),
    crc32: crc32(body),
    size: body.length,
  });

  it("inflates, with either inflater, to the lead then the body, with the whole's CRC and size", () => {
    fc.assert(
      fc.property(bytes(200_000), bytes(5000), (lead, body) => {
        const whole = new Uint8Array([...lead, ...body]);
        const p = withLead(lead, part(body));
        expect(Buffer.from(inflateRawSync(p.deflated)).equals(Buffer.from(whole))).toBe(true);
        expect(Buffer.from(inflateSync(p.deflated)).equals(Buffer.from(whole))).toBe(true);
        expect(p.crc32).toBe(nodeCrc32(whole) >>> 0);
        expect(p.size).toBe(whole.length);
      }),
      { numRuns: 30 },
    );
  });

  it("cuts a lead longer than a stored block can hold (65,535 bytes) into several", () => {
    const lead = new Uint8Array(65_535 * 2 + 7).fill(0x41);
    const body = part(new TextEncoder().encode("<sheetData/></worksheet>"));
    const p = withLead(lead, body);
    // Three stored blocks of 5 header bytes each, then the body's stream.
    expect(p.deflated.length).toBe(lead.length + 15 + body.deflated.length);
    expect(new TextDecoder().decode(inflateRawSync(p.deflated)).endsWith("A<sheetData/></worksheet>")).toBe(true);
  });

  it("leaves a part without a lead as it was", () => {
    const body = part(new TextEncoder().encode("<sheetData/>"));
    expect(withLead(new Uint8Array(0), body)).toBe(body);
  });
});
