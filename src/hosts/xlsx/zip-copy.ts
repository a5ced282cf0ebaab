import { deflateSync, inflateSync } from "fflate";

/**
 * The zip side of the patching writer: the copy is the original package with a few parts
 * replaced, added or removed. Every part we leave alone is copied as its original compressed
 * bytes (local header, data and data descriptor verbatim), so it is byte-identical once
 * inflated and costs no recompression; only the parts we change are deflated again.
 * Plain Uint8Array/DataView code: it runs in Node and in the browser alike.
 *
 * Format: PKWARE APPNOTE.TXT 6.3.x, §4.3 (local header, data descriptor, central directory,
 * end of central directory record) and §4.5.3 (Zip64 extra field).
 */

export interface ZipEntry {
  name: string;
  /** Compression method: 0 stored, 8 deflate. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local file header. */
  offset: number;
  /** The central directory record, verbatim (its offset field is rewritten on copy). */
  central: Uint8Array;
  /** Zip64 sizes or offset: copied by re-encoding rather than verbatim. */
  zip64: boolean;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64_LOCATOR = 0x07064b50;
const SIG_END64 = 0x06064b50;

/** The entries of a zip, by its central directory (the directory is what readers trust). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(bytes, view);
  let count = view.getUint16(end + 10, true);
  let dirOffset = view.getUint32(end + 16, true);
  if ((count === 0xffff || dirOffset === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === SIG_END64_LOCATOR) {
    const end64 = Number(view.getBigUint64(end - 12, true));
    if (view.getUint32(end64, true) === SIG_END64) {
      count = Number(view.getBigUint64(end64 + 32, true));
      dirOffset = Number(view.getBigUint64(end64 + 48, true));
    }
  }
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) throw new Error("zip: bad central directory");
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let offset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    let zip64 = false;
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) {
      zip64 = true;
      // Zip64 extra: the fields present are those whose 32-bit value is all ones, in this order.
      let q = p + 46 + nameLen;
      const stop = q + extraLen;
      while (q + 4 <= stop) {
        const id = view.getUint16(q, true);
        const len = view.getUint16(q + 2, true);
        if (id === 1) {
          let r = q + 4;
          if (size === 0xffffffff) (size = Number(view.getBigUint64(r, true))), (r += 8);
          if (compressedSize === 0xffffffff) (compressedSize = Number(view.getBigUint64(r, true))), (r += 8);
          if (offset === 0xffffffff) offset = Number(view.getBigUint64(r, true));
          break;
        }
        q += 4 + len;
      }
    }
    const recordLen = 46 + nameLen + extraLen + commentLen;
    entries.push({ name, method, crc, compressedSize, size, offset, central: bytes.subarray(p, p + recordLen), zip64 });
    p += recordLen;
  }
  return entries;
}

function findEnd(bytes: Uint8Array, view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535.
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === SIG_END) return i;
  }
  throw new Error("zip: no end of central directory");
}

/** Offset of an entry's data and the length of its local header. */
function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(entry.offset, true) !== SIG_LOCAL) throw new Error(`zip: bad local header for ${entry.name}`);
  return entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
}

/** The inflated bytes of one entry. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const start = dataStart(bytes, entry);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateSync(data, { out: new Uint8Array(entry.size) });
  throw new Error(`zip: compression method ${entry.method} of ${entry.name}`);
}

/** What becomes of a part in the copy: new bytes, or null to leave it out. */
export type PartChange = Uint8Array | null;

/**
 * The copy: original entries in their original order (replaced ones in place), new parts
 * after them. `changes` maps part names (zip entry names, no leading slash) to new bytes or null.
 */
export function writeZipCopy(original: Uint8Array, entries: ZipEntry[], changes: ReadonlyMap<string, PartChange>): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const push = (c: Uint8Array) => {
    chunks.push(c);
    offset += c.length;
  };
  const known = new Set<string>();

  for (const entry of entries) {
    known.add(entry.name);
    const change = changes.get(entry.name);
    if (change === null) continue;
    if (change === undefined && !entry.zip64) {
      const start = dataStart(original, entry);
      let stop = start + entry.compressedSize;
      const view = new DataView(original.buffer, original.byteOffset, original.byteLength);
      const flags = view.getUint16(entry.offset + 6, true);
      if (flags & 0x8) {
        // Data descriptor: optional signature, crc, then two sizes (8 bytes each under Zip64).
        stop += view.getUint32(stop, true) === 0x08074b50 ? 16 : 12;
      }
      const central = entry.central.slice();
      new DataView(central.buffer).setUint32(42, offset, true);
      centrals.push(central);
      push(original.subarray(entry.offset, stop));
      continue;
    }
    const data = change ?? readEntry(original, entry);
    const { local, central } = encodeEntry(encoder.encode(entry.name), data, offset);
    centrals.push(central);
    push(local);
  }
  for (const [name, data] of changes) {
    if (known.has(name) || data === null) continue;
    const { local, central } = encodeEntry(encoder.encode(name), data, offset);
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

  const out = new Uint8Array(offset);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

function encodeEntry(name: Uint8Array, data: Uint8Array, offset: number): { local: Uint8Array; central: Uint8Array } {
  // Small parts are stored deflated too: every xlsx writer does, and some readers expect it.
  const compressed = deflateSync(data, { level: 6 });
  const crc = crc32(data);
  const local = new Uint8Array(30 + name.length + compressed.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, SIG_LOCAL, true);
  lv.setUint16(4, 20, true); // version needed: 2.0 (deflate)
  lv.setUint16(6, 0x0800, true); // bit 11: the name is UTF-8
  lv.setUint16(8, 8, true);
  lv.setUint16(10, DOS_TIME, true);
  lv.setUint16(12, DOS_DATE, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, compressed.length, true);
  lv.setUint32(22, data.length, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  local.set(compressed, 30 + name.length);

  const central = new Uint8Array(46 + name.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, SIG_CENTRAL, true);
  cv.setUint16(4, 20, true); // made by: MS-DOS, 2.0
  cv.setUint16(6, 20, true);
  cv.setUint16(8, 0x0800, true);
  cv.setUint16(10, 8, true);
  cv.setUint16(12, DOS_TIME, true);
  cv.setUint16(14, DOS_DATE, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, compressed.length, true);
  cv.setUint32(24, data.length, true);
  cv.setUint16(28, name.length, true);
  cv.setUint32(42, offset, true);
  central.set(name, 46);
  return { local, central };
}

/** 1980-01-01 00:00, as Excel itself stamps every part: the copy's bytes then depend on content only. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

let CRC_TABLE: Uint32Array | null = null;

/** CRC-32 (ISO-HDLC), as the zip format asks of every entry. */
export function crc32(data: Uint8Array): number {
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
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
