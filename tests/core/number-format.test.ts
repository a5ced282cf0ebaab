import { describe, expect, it } from "vitest";
import { formatDate, isDateFormat, OFFICE_JS_SHORT_DATE } from "../../src/core/number-format.js";

// Format codes: ECMA-376 Part 1 §18.8.31 (numFmts) and Microsoft's "Number format codes" page;
// built-in format 14 shown in the system's short-date style: office-js#229, #2824.
describe("number formats", () => {
  it.each([
    ['yyyy"年"m"月"d"日"', true],
    ["yyyy年m月d日", true],
    ["[$-804]yyyy/m/d", true],
    ["m/d/yy h:mm", true],
    ["mmm", true],
    ["mm-dd-yy", true],
    ["0.00", false],
    ["@", false],
    ["General", false],
    ['0"年"', false],
    ["h:mm:ss", false],
    ["[h]:mm", false],
    ["0.00E+00", false],
    ['[Red]0;"-"', false],
    ["", false],
  ])("isDateFormat(%j) is %s", (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });

  const d = new Date(Date.UTC(2025, 6, 1, 14, 5, 9));

  it.each([
    ['yyyy"年"m"月"d"日"', "2025年7月1日"],
    ["[$-804]yyyy年m月d日;@", "2025年7月1日"],
    ["yyyy/m/d", "2025/7/1"],
    ["yyyy-mm-dd hh:mm:ss", "2025-07-01 14:05:09"],
    ["yyyy\\.m\\.d", "2025.7.1"],
    ["h:mm AM/PM", "2:05 PM"],
    ["d-mmm-yy", "1-Jul-25"],
    ["yyyy年m月d日 aaaa", "2025年7月1日 星期二"],
    ["[Red]yyyy-mm-dd", "2025-07-01"],
    // Excel's system long date and time, shown in the clerk's Chinese locale (they were quoted in
    // a Chinese message as "Tuesday, July 1, 2025").
    ["[$-F800]dddd, mmmm dd, yyyy", "2025年7月1日"],
    ["[$-x-sysdate]dddd, mmmm dd, yyyy", "2025年7月1日"],
    ["[$-F400]h:mm:ss\\ AM/PM", "14:05:09"],
  ])("formats a date under %j as %j", (fmt, shown) => {
    expect(formatDate(d, fmt)).toBe(shown);
  });

  it("shows the locale short date (built-in 14) as the clerks' Chinese Windows does, in each host's spelling", () => {
    expect(formatDate(d, "mm-dd-yy")).toBe("2025/7/1");
    expect(formatDate(d, OFFICE_JS_SHORT_DATE, OFFICE_JS_SHORT_DATE)).toBe("2025/7/1");
    // In a file, m/d/yyyy is a format the clerk chose, not format 14.
    expect(formatDate(d, "m/d/yyyy")).toBe("7/1/2025");
  });

  it("gives no text for formats that show no date or time, so the value itself is used", () => {
    for (const fmt of ["General", "0.00", "[h]:mm:ss", "@", "not a [format"]) expect(formatDate(d, fmt)).toBe("");
  });

  it("reads the calendar date from the Date's UTC fields, with Excel's 1900 leap-year serials", () => {
    expect(formatDate(new Date(Date.UTC(1900, 1, 28)), "yyyy-mm-dd")).toBe("1900-02-28");
    expect(formatDate(new Date(Date.UTC(1900, 2, 1)), "yyyy-mm-dd")).toBe("1900-03-01");
    expect(formatDate(new Date(Date.UTC(2025, 11, 31, 23, 59, 59)), "yyyy/m/d h:mm")).toBe("2025/12/31 23:59");
  });
});
