import { decodeState } from "../../../src/core/marks-state.js";
import { STATE_NAMESPACE } from "../../../src/hosts/excel/state.js";
import type { FakeExcel } from "../../support/excel-fake.js";

/** The marks state as the host keeps it: JSON in custom XML parts of its namespace. */
export function stateOf(excel: FakeExcel) {
  const parts = excel.xmlParts
    .filter((p) => p.namespaceUri === STATE_NAMESPACE)
    .map((p) => ({
      i: Number(/index="(\d+)"/.exec(p.xml)![1]),
      json: /<state[^>]*>([\s\S]*)<\/state>/.exec(p.xml)![1]!,
    }))
    .sort((a, b) => a.i - b.i);
  const json = parts
    .map((p) => p.json)
    .join("")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  return decodeState([json]);
}
