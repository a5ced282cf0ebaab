import { deflateSync } from "fflate";
import type { Zlib } from "./package.js";
import { concatBytes } from "./bytes.js";

/**
 * The zip side of the patching writer: the copy is the original package with a few parts
 * replaced, added or removed. Every part we leave alone is copied as its original compressed
 * bytes, so it is byte-identical once inflated and costs no recompression; only the parts we
 * change are deflated again.
 * Plain Uint8Array/DataView code: it runs in Node and in the browser alike.
 *
 * Format: PKWARE APPNOTE.TXT 6.3.x, §4.3 (local header, central directory, end of central
 * directory record). Reading the original's directory is package.ts's.
 */

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

/** What the copy needs of the original package (package.ts's Package gives it). */
export interface ZipSource {
  readonly names: readonly string[];
  entry(
    name: string,
  ): { name: string; method: number; crc32: number; compressedSize: number; size: number } | undefined;
  /** The compressed bytes as stored. */
  stored(name: string): Uint8Array;
}

/** A part compressed already (raw deflate), with what its zip entry says of it. */
export interface DeflatedPart {
  deflated: Uint8Array;
  crc32: number;
  /** Inflated size. */
  size: number;
}

/**
 * What becomes of a part in the copy: new bytes, new text (encoded only as its turn comes), a part
 * compressed as soon as it was made (a big one: so that a 50,000-row ledger's changed parts are never
 * all held inflated at once), or null to leave it out.
 */
export type PartChange = Uint8Array | string | DeflatedPart | null;

/**
 * The copy: original entries in their original order (replaced ones in place), new parts
 * after them. `changes` maps part names (zip entry names, no leading slash) to new bytes or null.
 */
export function writeZipCopy(
  source: ZipSource | null,
  changes: ReadonlyMap<string, PartChange>,
  zlib: Zlib = {},
): Uint8Array {
  const encoder = new TextEncoder();
  const deflated = (name: Uint8Array, data: Uint8Array | string | DeflatedPart, offset: number) => {
    const part = data instanceof Uint8Array || typeof data === "string" ? deflatePart(data, zlib) : data;
    return encodeEntry(name, part.deflated, offset, 8, part.crc32, part.size);
  };
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const push = (c: Uint8Array) => {
    chunks.push(c);
    offset += c.length;
  };
  const known = new Set<string>();

  for (const name of source?.names ?? []) {
    if (known.has(name) || name.endsWith("/")) continue;
    known.add(name);
    const change = changes.get(name);
    if (change === null) continue;
    const entry = source!.entry(name)!;
    const { local, central } =
      change === undefined
        ? // Untouched: its compressed bytes as they were, under fresh headers.
          encodeEntry(encoder.encode(name), source!.stored(name), offset, entry.method, entry.crc32, entry.size)
        : deflated(encoder.encode(name), change, offset);
    centrals.push(central);
    push(local);
  }
  for (const [name, data] of changes) {
    if (known.has(name) || data === null) continue;
    const { local, central } = deflated(encoder.encode(name), data, offset);
    centrals.push(central);
    push(local);
  }

  const dirOffset = offset;
  let dirSize = 0;
  for (const c of centrals) {
    push(c);
    dirSize += c.length;
  }
  if (centrals.length > 0xffff || dirOffset > 0xffffffff) throw new Error("zip: the copy would need Zip64");
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, SIG_END, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, dirOffset, true);
  push(end);

  return concatBytes(chunks, offset);
}

/** A part's bytes (text as UTF-8) compressed as the copy stores them. */
export function deflatePart(data: Uint8Array | string, zlib: Zlib = {}): DeflatedPart {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  // Level 1: the sheet we patch is most of the package, and level 6 costs 3× for a few % of size.
  const deflated = zlib.deflateRaw ? zlib.deflateRaw(bytes) : deflateSync(bytes, { level: 1 });
  return { deflated, crc32: (zlib.crc32 ?? crc32)(bytes), size: bytes.length };
}

function encodeEntry(
  name: Uint8Array,
  compressed: Uint8Array,
  offset: number,
  method: number,
  crc: number,
  size: number,
): { local: Uint8Array; central: Uint8Array } {
  const local = new Uint8Array(30 + name.length + compressed.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, SIG_LOCAL, true);
  lv.setUint16(4, 20, true); // version needed: 2.0 (deflate)
  lv.setUint16(6, 0x0800, true); // bit 11: the name is UTF-8
  lv.setUint16(8, method, true);
  lv.setUint16(10, DOS_TIME, true);
  lv.setUint16(12, DOS_DATE, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, compressed.length, true);
  lv.setUint32(22, size, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  local.set(compressed, 30 + name.length);

  const central = new Uint8Array(46 + name.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, SIG_CENTRAL, true);
  cv.setUint16(4, 20, true); // made by: MS-DOS, 2.0
  cv.setUint16(6, 20, true);
  cv.setUint16(8, 0x0800, true);
  cv.setUint16(10, method, true);
  cv.setUint16(12, DOS_TIME, true);
  cv.setUint16(14, DOS_DATE, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, compressed.length, true);
  cv.setUint32(24, size, true);
  cv.setUint16(28, name.length, true);
  cv.setUint32(42, offset, true);
  central.set(name, 46);
  return { local, central };
}

/** 1980-01-01 00:00, as Excel itself stamps every part: the copy's bytes then depend on content only. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

let CRC_TABLE: Uint32Array | null = null;

/** CRC-32 (ISO-HDLC), as the zip format asks of every entry; `value` is the CRC of what came before. */
export function crc32(data: Uint8Array, value = 0): number {
  let table = CRC_TABLE;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
    CRC_TABLE = table;
  }
  let crc = (value ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A part whose start (`lead`) is stored apart from the rest (`body`, a deflate stream of its own):
 * the lead goes in as stored blocks (RFC 1951 §3.2.4, BFINAL 0), byte-aligned, so the body's
 * stream follows it unchanged. Editing the start of a 20 MB sheet then costs the lead, not the
 * sheet's compression again. The CRC of the whole comes from the two CRCs (crc32Combine).
 */
export function withLead(lead: Uint8Array, body: DeflatedPart, zlib: Zlib = {}): DeflatedPart {
  if (lead.length === 0) return body;
  const blocks = Math.ceil(lead.length / 0xffff);
  const deflated = new Uint8Array(lead.length + 5 * blocks + body.deflated.length);
  let o = 0;
  for (let i = 0; i < lead.length; i += 0xffff) {
    const n = Math.min(0xffff, lead.length - i);
    // Header bits BFINAL=0, BTYPE=00, padded to the byte; then LEN and its complement, little-endian.
    deflated[o] = 0;
    deflated[o + 1] = n & 0xff;
    deflated[o + 2] = n >>> 8;
    deflated[o + 3] = ~n & 0xff;
    deflated[o + 4] = (~n >>> 8) & 0xff;
    deflated.set(lead.subarray(i, i + n), o + 5);
    o += 5 + n;
  }
  deflated.set(body.deflated, o);
  const leadCrc = (zlib.crc32 ?? crc32)(lead);
  return { deflated, crc32: crc32Combine(leadCrc, body.crc32, body.size), size: lead.length + body.size };
}

const CRC_POLY = 0xedb88320;

/** a·b modulo the CRC-32 polynomial, bits reflected (zlib's multmodp, crc32.c). */
function multmodp(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ CRC_POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31 (zlib's x2n_table). */
const X2N = (() => {
  const table = new Uint32Array(32);
  let p = 0x40000000; // x^1
  table[0] = p;
  for (let n = 1; n < 32; n++) table[n] = p = multmodp(p, p);
  return table;
})();

/**
 * The CRC-32 of A followed by B from CRC(A), CRC(B) and B's length, as zlib's crc32_combine
 * (zlib 1.2.12's method: CRC(A) times x^(8·len B), plus CRC(B)). Node's zlib has no combine.
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  let p = 0x80000000; // x^0
  let k = 3; // x^(8n) = x^(2^3 · n)
  for (let n = lengthB; n > 0; n = Math.floor(n / 2), k++) if (n % 2 === 1) p = multmodp(X2N[k & 31]!, p);
  return (multmodp(p, crcA) ^ crcB) >>> 0;
}
