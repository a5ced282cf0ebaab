import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openWorkbookFile } from "../../../src/hosts/xlsx/open.js";
import {
  checksum,
  packState,
  unpackState,
  type MarkRecord,
  type XlsxState,
} from "../../../src/hosts/xlsx/state-part.js";
import { XlsxWriter } from "../../../src/hosts/xlsx/xlsx-writer.js";
import { xmlText } from "../../../src/hosts/xlsx/xml-write.js";
import { sampleLedger, toBytes } from "./helpers.js";
import { parts, text } from "./writer-helpers.js";

const record: fc.Arbitrary<MarkRecord> = fc.record(
  {
    s: fc.option(fc.nat(300), { nil: null }),
    existed: fc.boolean(),
    fillId: fc.nat(40),
    applyFill: fc.constantFrom(null, "0", "1", "true", "2"),
    fill: fc.nat(5),
    severity: fc.constantFrom("error" as const, "warning" as const, "info" as const),
    note: fc.option(fc.record({ xml: fc.string(), text: fc.string() }), { nil: null }),
    ours: fc.constantFrom("【整改台账校验】已逾期3天", "【整改台账校验】未填写整改措施", "", "a b"),
    kept: fc.constant(true),
  },
  { requiredKeys: ["s", "existed", "fillId", "applyFill", "fill", "severity", "note", "ours"] },
);
const address = fc
  .tuple(fc.constantFrom("A", "H", "Z", "AB", "XFD"), fc.integer({ min: 1, max: 1_048_576 }))
  .map(([c, r]) => `${c}${r}`);
const state: fc.Arbitrary<XlsxState> = fc.record({
  version: fc.constant(2 as const),
  marks: fc.dictionary(
    fc.constantFrom("1", "2", "7"),
    fc.record({ name: fc.string(), cells: fc.dictionary(address, record, { maxKeys: 30 }) }),
  ),
  generated: fc.constant([{ sheetId: 3, name: "整改通报", codeName: "lc0123456789ab" }]),
  fills: fc.array(fc.string(), { maxLength: 3 }),
});

/** A state part written by hand: column A's rows, as saveState writes them. */
function statePart(rows: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    rows
      .map((t, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${xmlText(t)}</t></is></c></row>`)
      .join("") +
    "</sheetData></worksheet>"
  );
}

/** A copy of the sample ledger marked on two cells (inside their rows' spans, which a clear gives back exactly), and its state as the writer held it. */
async function markedCopy(): Promise<{ original: Uint8Array; copy: Uint8Array; state: XlsxState; part: string }> {
  const original = await toBytes(sampleLedger());
  const book = await openWorkbookFile(original, "台账.xlsx");
  await book.writeMarks("台账", [
    { row: 4, col: 3, severity: "warning", note: "措施仅为开会发文" },
    { row: 5, col: 4, severity: "error", note: "已逾期3天" },
  ]);
  const copy = await book.toBuffer();
  const writer = new XlsxWriter(copy);
  const part = writer.sheets().find((s) => s.state === "veryHidden")!.part!;
  return { original, copy, state: book.marksState, part };
}

/** The copy with its state part replaced by these rows (signed or not, as the test makes them). */
function withStateRows(copy: Uint8Array, part: string, rows: string[]): Uint8Array {
  const writer = new XlsxWriter(copy);
  writer.pkg.setText(part, statePart(rows));
  return writer.toBytes();
}

const signed = (version: number, json: string, id = "0123456789abcdef0123456789abcdef") => [
  `ledger-check state ${version} id=${id} sig=${checksum(`${id}\n`, json)}`,
  json,
];

describe("the .xlsx state as stored (version 3: the marks as columns, their texts once)", () => {
  it("gives back every record as it was, in its order", () => {
    fc.assert(
      fc.property(state, (s) => {
        const stored = JSON.parse(JSON.stringify(packState(s)));
        const back = unpackState(stored);
        expect(back).toEqual(s);
        for (const id of Object.keys(s.marks))
          expect(Object.keys(back!.marks[id]!.cells)).toEqual(Object.keys(s.marks[id]!.cells));
      }),
      { numRuns: 300 },
    );
  });

  it("stores each distinct note text once", () => {
    const cells: Record<string, MarkRecord> = {};
    for (let r = 1; r <= 1000; r++)
      cells[`H${r}`] = {
        s: 3,
        existed: true,
        fillId: 0,
        applyFill: null,
        fill: 0,
        severity: "error",
        note: null,
        ours: "【整改台账校验】未填写整改时限：请填写完成日期，或“立行立改”“长期坚持”。",
      };
    const s: XlsxState = { version: 2, marks: { "1": { name: "台账", cells } }, generated: [], fills: [] };
    const stored = packState(s);
    expect(stored.texts).toHaveLength(1);
    // As records (version 2) each repeated its text and its keys.
    expect(JSON.stringify(stored).length * 5).toBeLessThan(JSON.stringify(s).length);
  });

  it("columns that do not agree are not ours, even under a valid signature", () => {
    const s: XlsxState = {
      version: 2,
      marks: {
        "1": {
          name: "台账",
          cells: {
            A1: { s: 1, existed: true, fillId: 0, applyFill: null, fill: 0, severity: "info", note: null, ours: "x" },
          },
        },
      },
      generated: [],
      fills: [],
    };
    const good = packState(s);
    expect(unpackState(good)).toEqual(s);
    const m = good.marks["1"]!;
    for (const bad of [
      { ...m, s: [1, 2] },
      { ...m, existed: "" },
      { ...m, ours: [5] },
      { ...m, applyFill: [3] },
      { ...m, cells: "A1 A1" },
      { ...m, cells: "ZZZZ1" },
      { ...m, kept: [1] },
      { ...m, notes: { "1": { xml: "", text: "" } } },
      { ...m, notes: { "00": { xml: "", text: "" } } },
    ])
      expect(unpackState({ ...good, marks: { "1": bad } })).toBeNull();
  });
});

describe("a copy's state, read back", () => {
  it("is written as version 3, and a recheck's copy reads the same records", async () => {
    const { copy, state, part } = await markedCopy();
    const first = text(parts(copy)[part]);
    expect(first).toMatch(/ledger-check state 3 id=[0-9a-f]{32} sig=[0-9a-f]{16}/);
    expect(first).toContain('"cells":"C4 D5"');
    const again = await openWorkbookFile(copy, "台账.checked.xlsx");
    expect(again.stateTampered).toBe(false);
    expect(again.marksState).toEqual(state);
  });

  it("a copy an earlier version wrote (state 2: records as objects) is still read, and clears to the original", async () => {
    const { original, copy, state, part } = await markedCopy();
    const v2 = withStateRows(copy, part, signed(2, JSON.stringify(state)));
    const book = await openWorkbookFile(v2, "台账.checked.xlsx");
    expect(book.stateTampered).toBe(false);
    expect(book.marksState).toEqual(state);
    await book.clearMarks("台账");
    const cleared = parts(await book.toBuffer());
    expect(text(cleared["xl/worksheets/sheet1.xml"])).toBe(text(parts(original)["xl/worksheets/sheet1.xml"]));
  });

  it("a version-2 header over version-3 columns (or the other way round) is not trusted", async () => {
    const { copy, state, part } = await markedCopy();
    for (const rows of [signed(2, JSON.stringify(packState(state))), signed(3, JSON.stringify(state))]) {
      const book = await openWorkbookFile(withStateRows(copy, part, rows), "台账.checked.xlsx");
      expect(book.stateTampered).toBe(true);
      expect(book.marksState.marks).toEqual({});
    }
  });
});
