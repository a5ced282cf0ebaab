import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkWorkbook, markWorkbook, writeBulletin, writeNotices } from "../../../src/app/check-workbook.js";
import { makeConfig } from "../../../src/core/config.js";
import { ContentPrint, gridPrint } from "../../../src/hosts/xlsx/content-print.js";
import { openWorkbookFile } from "../../../src/hosts/xlsx/open.js";
import { XlsxReader } from "../../../src/hosts/xlsx/reader.js";
import type { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsx-workbook.js";
import { generateLedger } from "../../support/generate-ledger.js";
import { ledgerBytes } from "../../support/ledger-builder.js";

/**
 * The content print the writer takes of each sheet it generates (as it writes each cell) is the
 * print the reader gives of that sheet read back: else a copy LibreOffice saved would never find
 * its sheets ours again (xlsx-writer.ts ourSheet). Checked on every sheet a check writes.
 */
async function copyOf(bytes: Uint8Array): Promise<{ copy: Uint8Array; book: XlsxWorkbook }> {
  const book = (await openWorkbookFile(bytes, "台账.xlsx")) as XlsxWorkbook;
  const config = makeConfig({ today: "2025-07-01" });
  const check = await checkWorkbook(book, config);
  await markWorkbook(book, check);
  await writeBulletin(book, check);
  await writeNotices(book, check, config);
  return { copy: await book.toBuffer(), book };
}

describe("content prints", () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    [
      "the sample ledger",
      async () => new Uint8Array(readFileSync(new URL("../../../samples/sample-ledger.xlsx", import.meta.url))),
    ],
    ["a generated ledger of 400 rows", async () => ledgerBytes(generateLedger(400, { seed: 7 }))],
  ];
  for (const [name, bytes] of cases) {
    it(`of every sheet a check of ${name} writes are the reader's prints of them`, async () => {
      const { copy, book } = await copyOf(await bytes());
      const generated = book.marksState.generated;
      expect(generated.map((g) => g.name)).toEqual(["整改通报", "校验明细", "督办清单"]);
      const reader = XlsxReader.open(copy);
      for (const g of generated) expect(gridPrint(reader.readGrid(g.name)), g.name).toBe(g.print);
    });
  }

  it("tells a change of a value, of its kind or of its place, and ignores empty text", () => {
    const print = (cells: [number, number, string | number][]) => {
      const p = new ContentPrint();
      for (const [r, c, v] of cells) p.add(r, c, v);
      return p.digest();
    };
    const base = print([
      [1, 1, "通报"],
      [2, 1, 3],
    ]);
    expect(
      print([
        [1, 1, "通报"],
        [2, 1, 3],
        [2, 2, ""],
      ]),
    ).toBe(base);
    expect(
      print([
        [1, 1, "通报"],
        [2, 1, "3"],
      ]),
    ).not.toBe(base);
    expect(
      print([
        [1, 1, "通报"],
        [2, 2, 3],
      ]),
    ).not.toBe(base);
    expect(
      print([
        [1, 1, "通报 "],
        [2, 1, 3],
      ]),
    ).not.toBe(base);
    expect(print([[1, 1, "通报"]])).not.toBe(base);
  });
});
