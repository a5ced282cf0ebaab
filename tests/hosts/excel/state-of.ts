import { decodeState } from "../../../src/core/marks-state.js";
import { readStateXml } from "../../../src/hosts/excel/state.js";
import type { FakeExcel } from "../../support/excel-fake.js";

/** The marks state as the host keeps it: in custom XML parts of its namespace. */
export async function stateOf(excel: FakeExcel) {
  return decodeState([await readStateXml(excel.xmlParts.map((p) => p.xml))]);
}
