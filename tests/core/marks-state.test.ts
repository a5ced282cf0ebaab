import { describe, expect, it } from "vitest";
import {
  decodeState,
  emptyState,
  encodeState,
  STATE_CHUNK_SIZE,
  STATE_SHEET,
  type MarksState,
} from "../../src/core/marks-state.js";

const sample: MarksState = {
  version: 1,
  generatedSheets: ["整改通报"],
  marks: {
    台账: {
      H12: { fill: "FFFF00", note: "原批注" },
      C3: { fill: null, note: null },
    },
  },
};

describe("marks state", () => {
  it("names the state sheet", () => {
    expect(STATE_SHEET).toBe("ledger-check");
  });

  it("round-trips through chunks", () => {
    expect(decodeState(encodeState(sample))).toEqual(sample);
    expect(encodeState(emptyState())).toEqual(['{"version":1,"generatedSheets":[],"marks":{}}']);
  });

  it("splits long state into chunks no longer than the limit, and joins them back", () => {
    const cells: MarksState["marks"][string] = {};
    for (let r = 1; r <= 3000; r++)
      cells[`A${r}`] = { fill: "DDEBF7", note: `第${r}行的原批注，内容较长，用来撑大状态。` };
    const big: MarksState = { version: 1, generatedSheets: [], marks: { 台账: cells } };
    const chunks = encodeState(big);
    expect(chunks.length).toBe(Math.ceil(JSON.stringify(big).length / STATE_CHUNK_SIZE));
    expect(chunks.every((c) => c.length <= 30000)).toBe(true);
    expect(chunks.join("")).toBe(JSON.stringify(big));
    expect(decodeState(chunks)).toEqual(big);
  });

  it("never splits a surrogate pair across chunks", () => {
    // The opening `{"version":1,"generatedSheets":["` is 33 chars; pad so an emoji straddles the cut.
    const prefix = '{"version":1,"generatedSheets":["';
    const name = "x".repeat(STATE_CHUNK_SIZE - prefix.length - 1) + "😀";
    const state: MarksState = { version: 1, generatedSheets: [name], marks: {} };
    const chunks = encodeState(state);
    expect(chunks[0]!.length).toBe(STATE_CHUNK_SIZE - 1);
    expect(chunks[1]!.startsWith("😀")).toBe(true);
    expect(decodeState(chunks)).toEqual(state);
  });

  it("keeps host-specific originals", () => {
    const s: MarksState = {
      version: 1,
      generatedSheets: [],
      marks: {
        S: {
          B2: { fill: null, note: "n", raw: { fill: { type: "pattern", pattern: "solid", fgColor: { theme: 4 } } } },
        },
      },
    };
    expect(decodeState(encodeState(s))).toEqual(s);
  });

  it("tolerates bad or missing state", () => {
    expect(decodeState([])).toEqual(emptyState());
    expect(decodeState([""])).toEqual(emptyState());
    expect(decodeState(["{not json"])).toEqual(emptyState());
    expect(decodeState(['{"version":2,"generatedSheets":[],"marks":{}}'])).toEqual(emptyState());
    expect(decodeState(['{"version":1,"generatedSheets":"x","marks":{}}'])).toEqual(emptyState());
    expect(decodeState(['{"version":1,"generatedSheets":[],"marks":{"S":{"A1":{"fill":3,"note":null}}}}'])).toEqual(
      emptyState(),
    );
    expect(decodeState(["null"])).toEqual(emptyState());
    expect(decodeState([undefined as unknown as string])).toEqual(emptyState());
  });
});
