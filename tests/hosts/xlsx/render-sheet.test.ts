import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellAddress, parseAddress } from "../../../src/core/grid.js";
import type { CellStyle, DocCell, SheetDocument } from "../../../src/core/sheet-document.js";
import { renderSheetDocument } from "../../../src/hosts/xlsx/render-sheet.js";
import { MINIMAL_STYLES, StylesPatch } from "../../../src/hosts/xlsx/styles-patch.js";
import { decodeXml } from "../../../src/hosts/xlsx/xml.js";
import { bulletin } from "./writer-helpers.js";

/**
 * renderSheetDocument writes a row at a time from the cells in reading order. Held to what a grid
 * of the document means: every place a cell or a merge covers, each with its cell's style, a
 * later cell winning a place; rows and cells in order; heights; the used range; the merges.
 */

const STYLES: Record<string, CellStyle> = {
  a: { font: { name: "宋体", size: 12 }, wrap: true },
  b: { font: { name: "黑体", size: 14, bold: true }, border: true, horizontal: "center" },
  c: { font: { name: "仿宋_GB2312", size: 16 }, fill: "DDEBF7" },
};

const cell: fc.Arbitrary<DocCell> = fc
  .record({
    row: fc.integer({ min: 1, max: 12 }),
    col: fc.integer({ min: 1, max: 6 }),
    value: fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -50, max: 50 })),
    style: fc.constantFrom("a", "b", "c"),
    colSpan: fc.integer({ min: 1, max: 3 }),
    rowSpan: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ colSpan, rowSpan, ...c }) => ({
    ...c,
    ...(colSpan > 1 ? { colSpan } : {}),
    ...(rowSpan > 1 ? { rowSpan } : {}),
  }));

function doc(cells: DocCell[], rowHeights: Record<number, number>): SheetDocument {
  return { ...bulletin(""), columnWidths: [10, 12], rowHeights, styles: STYLES, cells };
}

interface Place {
  cell: DocCell | null;
  key: string;
}

/** The document as a grid: the cells in reading order (stably), each covering its merge, the later winning. */
function grid(cells: DocCell[]): Map<string, Place> {
  const sorted = cells.map((c, i) => ({ c, i })).sort((x, y) => x.c.row - y.c.row || x.c.col - y.c.col || x.i - y.i);
  const out = new Map<string, Place>();
  for (const { c } of sorted) {
    const key = `${c.style}/${typeof c.value}`;
    for (let r = c.row; r < c.row + (c.rowSpan ?? 1); r++)
      for (let k = c.col; k < c.col + (c.colSpan ?? 1); k++)
        out.set(`${r},${k}`, { cell: r === c.row && k === c.col ? c : null, key });
  }
  return out;
}

function written(xml: string) {
  const rows: { r: number; ht: string | undefined; cells: { ref: string; s: string; value: string | null }[] }[] = [];
  const data = /<sheetData>([\s\S]*)<\/sheetData>/.exec(xml)![1]!;
  for (const m of data.matchAll(/<row r="(\d+)"(?: ht="([^"]+)" customHeight="1")?>([\s\S]*?)<\/row>/g)) {
    const cells = [];
    for (const c of m[3]!.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"(?: t="inlineStr")?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = c[3];
      const value =
        body === undefined
          ? null
          : decodeXml(
              /<t[^>]*>([\s\S]*?)<\/t>|<v>([^<]*)<\/v>/
                .exec(body)!
                .slice(1)
                .find((x) => x !== undefined) ?? "",
            );
      cells.push({ ref: c[1]!, s: c[2]!, value });
    }
    rows.push({ r: Number(m[1]), ht: m[2], cells });
  }
  return rows;
}

describe("renderSheetDocument: a row at a time, as the document's grid means", () => {
  it("writes every place once, in order, with its cell's value and style, and the heights, range and merges", () => {
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 25 }),
        fc.dictionary(fc.integer({ min: 1, max: 16 }).map(String), fc.integer({ min: 10, max: 40 }), { maxKeys: 5 }),
        fc.boolean(),
        (cells, heights, shuffle) => {
          const rowHeights = Object.fromEntries(Object.entries(heights).map(([r, h]) => [Number(r), h]));
          const given = shuffle ? [...cells].reverse() : cells;
          const xml = renderSheetDocument(doc(given, rowHeights), new StylesPatch(MINIMAL_STYLES));
          const want = grid(given);
          const rows = written(xml);
          // Rows in order, each a row with a place or a height, nothing else.
          const wantRows = new Set([
            ...[...want.keys()].map((k) => Number(k.split(",")[0])),
            ...Object.keys(rowHeights).map(Number),
          ]);
          expect(rows.map((r) => r.r)).toEqual([...wantRows].sort((a, b) => a - b));
          const styleOf = new Map<string, string>();
          let count = 0;
          for (const row of rows) {
            expect(row.ht).toBe(rowHeights[row.r] === undefined ? undefined : String(rowHeights[row.r]));
            let lastCol = 0;
            for (const c of row.cells) {
              const col = parseAddress(c.ref).col;
              expect(c.ref).toBe(cellAddress(row.r, col));
              expect(col).toBeGreaterThan(lastCol);
              lastCol = col;
              const place = want.get(`${row.r},${col}`);
              expect(place).toBeDefined();
              expect(c.value).toBe(place!.cell === null ? null : String(place!.cell.value));
              // One style (and number or text) is one xf wherever it stands.
              expect(styleOf.get(place!.key) ?? c.s).toBe(c.s);
              styleOf.set(place!.key, c.s);
              count++;
            }
          }
          expect(count).toBe(want.size);
          // The used range covers every place; the merges are the spanning cells'.
          const dim = /<dimension ref="A1:([A-Z]+)(\d+)"\/>/.exec(xml);
          if (want.size === 0) expect(dim).toBeNull();
          else {
            const bottom = Math.max(...[...want.keys()].map((k) => Number(k.split(",")[0])));
            expect(Number(dim![2])).toBe(bottom);
          }
          const merges = [...xml.matchAll(/<mergeCell ref="([^"]+)"\/>/g)].map((m) => m[1]);
          const spanning = given.filter((c) => (c.rowSpan ?? 1) > 1 || (c.colSpan ?? 1) > 1);
          expect(merges.length).toBe(spanning.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("leaves out cells with no place on a sheet, and stops a merge at Excel's last row", () => {
    const valid: DocCell = { row: 2, col: 2, value: "留下", style: "a" };
    const nowhere: DocCell[] = [
      { row: 0, col: 1, value: "行0", style: "a" },
      { row: 1, col: 0, value: "列0", style: "a" },
      { row: 1.5, col: 1, value: "半行", style: "a" },
      { row: Number.NaN, col: 1, value: "NaN", style: "a" },
    ];
    const xml = renderSheetDocument(doc([...nowhere, valid], {}), new StylesPatch(MINIMAL_STYLES));
    expect(written(xml).map((r) => r.cells.map((c) => [c.ref, c.value]))).toEqual([[["B2", "留下"]]]);
    const tall = renderSheetDocument(
      doc([{ row: 1_048_575, col: 1, value: "到底", style: "a", rowSpan: 10 }], {}),
      new StylesPatch(MINIMAL_STYLES),
    );
    expect(written(tall).map((r) => r.r)).toEqual([1_048_575, 1_048_576]);
    expect(tall).toContain('<dimension ref="A1:A1048576"/>');
    expect(tall).toContain('<mergeCell ref="A1048575:A1048576"/>');
  });

  it("gives a document's cells in any order the same sheet", () => {
    fc.assert(
      fc.property(fc.uniqueArray(cell, { selector: (c) => `${c.row},${c.col}`, maxLength: 20 }), (cells) => {
        const render = (cs: DocCell[]) => renderSheetDocument(doc(cs, { 2: 20 }), new StylesPatch(MINIMAL_STYLES));
        const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
        expect(render([...cells].reverse())).toBe(render(sorted));
      }),
      { numRuns: 200 },
    );
  });
});
