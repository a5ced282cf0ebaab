import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteSink } from "../../../src/hosts/xlsx/byte-sink.js";
import { finished, patchSheet, targetsOf, type CellState } from "../../../src/hosts/xlsx/sheet-patch.js";
import { attributes } from "../../../src/hosts/xlsx/xml.js";

/**
 * The mark patch finds a row's cells by their r (ECMA-376 Part 1 §18.3.1.4: optional, then the
 * cell follows the one before). Excel's spelling (`<c r="H5" s="3">`) is read by hand; any other
 * must find the same cells.
 */
describe("patchSheet: a cell is found by its r however the tag is spelled", () => {
  const LETTERS = ["A", "B", "C", "H", "Z", "AA", "AB", "XFD"];
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const cell = fc.record({
    letters: fc.constantFrom(...LETTERS),
    /** 0: Excel's; 1: s before r; 2: single quotes; 3: lower-case letters; 4: `$H$5`; 5: no r; 6: spaces around `=`. */
    way: fc.nat(6),
    s: fc.option(fc.nat(9), { nil: undefined }),
    value: fc.boolean(),
  });
  type Cell = typeof cell extends fc.Arbitrary<infer C> ? C : never;
  const tag = (c: Cell, row: number, p: string) => {
    const s = c.s === undefined ? "" : ` s="${c.s}"`;
    const r = [
      ` r="${c.letters}${row}"`,
      "",
      ` r='${c.letters}${row}'`,
      ` r="${c.letters.toLowerCase()}${row}"`,
      ` r="$${c.letters}$${row}"`,
      "",
      ` r = "${c.letters}${row}"`,
    ][c.way]!;
    const attrs = c.way === 1 ? `${s}${r || ` r="${c.letters}${row}"`}` : `${r}${s}`;
    return c.value ? `<${p}c${attrs}><${p}v>1</${p}v></${p}c>` : `<${p}c${attrs}/>`;
  };

  it("marks the cells asked for, and only them", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(cell, { selector: (c) => c.letters, maxLength: 6 }),
        fc.constantFrom("", "x:"),
        fc.array(fc.constantFrom(...LETTERS), { maxLength: 4 }),
        (unsorted, p, wanted) => {
          const cells = [...unsorted].sort((a, b) => col(a.letters) - col(b.letters));
          const row = 5;
          const xml =
            `<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>` +
            `<${p}row r="${row}">${cells.map((c) => tag(c, row, p)).join("")}</${p}row></${p}sheetData></${p}worksheet>`;
          // Where each cell is: by its r, or (without one) after the cell before.
          const at: number[] = [];
          for (const c of cells) at.push(c.way === 5 ? (at.at(-1) ?? 0) + 1 : col(c.letters));
          const wantedCols = [...new Set(wanted.map(col))];
          const seen: { col: number; state: Omit<CellState, "plain"> }[] = [];
          const patched = patchSheet(
            xml,
            targetsOf(wantedCols.map((c) => ({ row, col: c }))),
            (r, c, state) => {
              const { plain: _plain, ...rest } = state;
              seen.push({ col: c, state: rest });
              return { s: 99 };
            },
            new ByteSink(),
          );
          const existing = cells.flatMap((c, i) => (wantedCols.includes(at[i]!) ? [{ c, col: at[i]! }] : []));
          expect(seen.filter((x) => x.state.exists)).toEqual(
            existing.map(({ c, col }) => ({
              col,
              state: { s: c.s ?? null, exists: true, hasValue: c.value, effective: 0 },
            })),
          );
          if (!patched) return;
          const out = patched.lead + new TextDecoder().decode(finished(patched).bytes());
          // Every cell of the patched row: its style is ours where it was asked for, else as it was.
          const tags = [...out.matchAll(/<(?:x:)?c\b[^>]*?\/?>/g)].map((m) => attributes(m[0]));
          for (const [i, c] of cells.entries()) {
            const found = tags.find(
              (t) => t.r !== undefined && t.r.replaceAll("$", "").toUpperCase() === `${c.letters}${row}`,
            );
            if (c.way === 5 || !found) continue;
            expect(found.s).toBe(wantedCols.includes(at[i]!) ? "99" : c.s === undefined ? undefined : String(c.s));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
