#!/usr/bin/env node
// Draws the add-in icons (a ledger on a clipboard with a green check badge) into assets/ as PNGs.
// Pure Node: shapes are tested per sub-sample (5x5 per pixel, so edges are anti-aliased) and the
// PNG is written by hand with zlib, so no image library is needed. Run: node scripts/make-icons.mjs
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, "../assets");

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
// Fluent / Office palette: neutral grey outline, Excel green header, Fluent green badge.
const C = {
  outline: hex("#616161"),
  paper: hex("#FFFFFF"),
  clip: hex("#424242"),
  header: hex("#217346"),
  line: hex("#B3B3B3"),
  badge: hex("#107C10"),
  white: hex("#FFFFFF"),
};

// Shapes in a unit square (0..1, y down); each is a point-inside test.
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x0, y0, x1, y1) => roundRect(x0, y0, x1, y1, 0);
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
// A stroked polyline with round caps and joins.
const stroke = (points, w) => (x, y) => {
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2) return true;
  }
  return false;
};

/** The layers, back to front; small sizes get fewer, thicker lines so they stay legible. */
function layers(size) {
  if (size <= 16) return layers16();
  const rows = size <= 32 ? [0.44, 0.58, 0.72] : [0.42, 0.53, 0.64, 0.75, 0.86];
  const lineH = 0.045;
  const L = [
    [roundRect(0.1, 0.08, 0.8, 0.97, 0.08), C.outline],
    [roundRect(0.15, 0.13, 0.75, 0.92, 0.04), C.paper],
    [rect(0.21, 0.23, 0.69, 0.33), C.header],
  ];
  for (const y of rows) L.push([rect(0.21, y, 0.69, y + lineH), C.line]);
  L.push([rect(0.33, 0.33, 0.33 + lineH * 0.8, rows[rows.length - 1] + lineH), C.line]);
  L.push([roundRect(0.3, 0.02, 0.6, 0.17, 0.045), C.clip]);
  // The badge sits on a white ring so it reads against the sheet behind it.
  L.push([circle(0.73, 0.73, 0.27), C.white]);
  L.push([circle(0.73, 0.73, 0.23), C.badge]);
  L.push([
    stroke(
      [
        [0.62, 0.735],
        [0.7, 0.815],
        [0.84, 0.655],
      ],
      0.07,
    ),
    C.white,
  ]);
  return L;
}

/** 16 px: the same picture with every edge on the pixel grid, so the ribbon icon is crisp. */
function layers16() {
  const u = (n) => n / 16;
  return [
    [roundRect(u(1), u(2), u(13), u(16), u(1)), C.outline],
    [rect(u(2), u(3), u(12), u(15)), C.paper],
    [rect(u(3), u(5), u(11), u(7)), C.header],
    [rect(u(3), u(8), u(8), u(9)), C.line],
    [rect(u(3), u(10), u(7), u(11)), C.line],
    [roundRect(u(4), u(0.5), u(10), u(3.5), u(1)), C.clip],
    [circle(u(11.5), u(11.5), u(5)), C.white],
    [circle(u(11.5), u(11.5), u(4.3)), C.badge],
    [
      stroke(
        [
          [u(9.2), u(11.6)],
          [u(10.8), u(13.2)],
          [u(13.8), u(10)],
        ],
        u(1.5),
      ),
      C.white,
    ],
  ];
}

function render(size) {
  const N = 5; // sub-samples per axis
  const L = layers(size);
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxx = 0; pxx < size; pxx++) {
      let r = 0, g = 0, b = 0, a = 0; // prettier-ignore
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const x = (pxx + (sx + 0.5) / N) / size;
          const y = (py + (sy + 0.5) / N) / size;
          let hit = null;
          for (const [inside, color] of L) if (inside(x, y)) hit = color;
          if (hit) {
            r += hit[0];
            g += hit[1];
            b += hit[2];
            a += 1;
          }
        }
      }
      const o = (py * size + pxx) * 4;
      // Colours are averaged over covered samples only (straight alpha), alpha is coverage.
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round((255 * a) / (N * N));
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, filter 0 on every row). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) main();
function main() {
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
