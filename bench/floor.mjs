/**
 * The floor of reading an .xlsx (issue 10): what any tool pays just to look at every cell once.
 * Inflates the worksheet and shared-strings parts with Node's native zlib and makes one regex pass
 * over every cell and every shared string; nothing else (no values, no grid). Standalone: no
 * project code, so the floor does not move when the reader does.
 *
 *   node bench/floor.mjs FILE.xlsx     → prints `cells strings`
 *
 * Plain JavaScript, not TypeScript, so it runs as a bare `node` process: a TypeScript loader's
 * start-up would be charged to the floor.
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { inflateRawSync } from "node:zlib";

/** @param {Buffer} b @param {number} i */
const u16 = (b, i) => b.readUInt16LE(i);
/** @param {Buffer} b @param {number} i */
const u32 = (b, i) => b.readUInt32LE(i);

/** @param {string} file @returns {{ cells: number, strings: number }} */
export function floor(file) {
  const b = readFileSync(file);
  let eocd = b.length - 22;
  while (eocd >= 0 && u32(b, eocd) !== 0x06054b50) eocd--;
  const count = u16(b, eocd + 10);
  let p = u32(b, eocd + 16);
  let cells = 0;
  let strings = 0;
  for (let n = 0; n < count; n++) {
    const method = u16(b, p + 10);
    const csize = u32(b, p + 20);
    const nameLen = u16(b, p + 28);
    const extra = u16(b, p + 30);
    const comment = u16(b, p + 32);
    const local = u32(b, p + 42);
    const name = b.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extra + comment;
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(name);
    if (!sheet && name !== "xl/sharedStrings.xml") continue;
    const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    const raw = b.subarray(start, start + csize);
    const xml = (method === 8 ? inflateRawSync(raw) : raw).toString("utf8");
    if (sheet) {
      for (const m of xml.matchAll(/<c\b[^>]*?(?:\/>|>(.*?)<\/c>)/gs)) if (m[0].length > 0) cells++;
    } else {
      for (const m of xml.matchAll(/<si>(.*?)<\/si>/gs)) if (m[0].length > 0) strings++;
    }
  }
  return { cells, strings };
}

if (process.argv[1]?.endsWith("floor.mjs") && process.argv[2]) {
  const { cells, strings } = floor(process.argv[2]);
  console.log(`${cells} ${strings}`);
}
