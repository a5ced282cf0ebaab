import { describe, expect, it } from "vitest";
import { isDateFormat, toCellValue } from "../../../src/hosts/excel/cell-values.js";
import { parseRangeAddress, splitAreas } from "../../../src/hosts/excel/address.js";

describe("number formats and cell values", () => {
  it.each([
    ['yyyy"年"m"月"d"日"', true],
    ["yyyy年m月d日", true],
    ["[$-804]yyyy/m/d", true],
    ["m/d/yy h:mm", true],
    ["mmm", true],
    ["0.00", false],
    ["@", false],
    ["General", false],
    ['0"年"', false],
    ["h:mm:ss", false],
    ["[h]:mm", false],
    ["0.00E+00", false],
    ['[Red]0;"-"', false],
  ])("isDateFormat(%s) is %s", (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });

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
