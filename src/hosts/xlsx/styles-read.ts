import { isDateFormat } from "../../core/number-format.js";
import { attr, tags, textUntilClose } from "./xml.js";

/**
 * What the reader needs of styles.xml: for each cell style index (`<c s="3">`), the number
 * format code, and whether it shows a date. Fonts, fills and borders are the writer's business.
 */
export interface CellFormats {
  /** Format code per cellXfs index ("General" where none). */
  codes: string[];
  /** True where the format shows a date. */
  isDate: boolean[];
  /** The decimals where the format shows a percentage (`0%` 0, `0.00%` 2), else -1. */
  percentDecimals: number[];
}

/**
 * Built-in number formats (ECMA-376 Part 1, §18.8.30 numFmt): ids a file may use without
 * declaring them. 14 is written `mm-dd-yy` as exceljs names it (number-format.ts shows it as the
 * clerks' short date, `2025/6/30`); 27–36 and 50–58 are the zh-CN built-ins, which Chinese Excel
 * and WPS use for 年月日 dates without a <numFmt> of their own.
 */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export const NO_FORMATS: CellFormats = { codes: [], isDate: [], percentDecimals: [] };

/** A percentage format's decimals, or -1: its first section's own characters (quoted text, escapes and [colour] say nothing). */
function percentDecimals(code: string): number {
  const own = code.split(";")[0]!.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  const m = /0(?:\.(0+))?%/.exec(own);
  return m ? (m[1]?.length ?? 0) : -1;
}

export function readCellFormats(xml: string | undefined): CellFormats {
  if (xml === undefined) return NO_FORMATS;
  const custom = new Map<number, string>();
  for (const t of tags(xml, ["numFmt"])) {
    const id = Number(attr(t.attrs, "numFmtId"));
    const code = attr(t.attrs, "formatCode");
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const codes: string[] = [];
  const isDate: boolean[] = [];
  const percents: number[] = [];
  // Only the xfs inside <cellXfs>: <cellStyleXfs> holds the named styles' xfs, which cells do not index.
  const open = /<(?:[A-Za-z_][\w.-]*:)?cellXfs\b[^>]*>/.exec(xml);
  if (open && !open[0].endsWith("/>")) {
    const body = textUntilClose(xml, open.index + open[0].length, "cellXfs");
    for (const t of tags(body, ["xf"])) {
      const id = Number(attr(t.attrs, "numFmtId") ?? "0");
      const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
      codes.push(code);
      isDate.push(isDateFormat(code));
      percents.push(percentDecimals(code));
    }
  }
  return { codes, isDate, percentDecimals: percents };
}
