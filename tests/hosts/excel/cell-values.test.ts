import { describe, expect, it } from "vitest";
import { toCellValue } from "../../../src/hosts/excel/cell-values.js";
import { parseRangeAddress, splitAreas } from "../../../src/hosts/excel/address.js";

describe("number formats and cell values", () => {
  // Which formats show a date is core's reading (tests/core/number-format.test.ts): the host uses it as is.
  it("turns Office.js values into cell values", () => {
    expect(toCellValue("", "General", false)).toBeNull();
    expect(toCellValue(45838, 'yyyy"年"m"月"d"日"', false)).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(toCellValue(45838, "0.00", false)).toBe(45838);
    expect(toCellValue("#DIV/0!", "General", false)).toEqual({ error: "#DIV/0!" });
    expect(toCellValue("#不是错误", "General", false)).toBe("#不是错误");
    expect(toCellValue(true, "General", false)).toBe(true);
  });

  it("parses addresses with quoted sheet names", () => {
    expect(parseRangeAddress("'整改 台账!'!B3:D10")).toEqual({ top: 3, left: 2, bottom: 10, right: 4 });
    expect(splitAreas("'a,b'!A1:B2,'a,b'!C3")).toEqual(["'a,b'!A1:B2", "'a,b'!C3"]);
  });
});
