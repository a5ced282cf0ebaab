import { parse } from "csv-parse/sync";
import type { CellValue, Grid } from "../../core/grid.js";

/**
 * CSV bytes → Grid. Excel's "CSV UTF-8" starts with a BOM; the plain "CSV" of Chinese
 * Windows Excel is GB18030 (GBK) with no marker at all; "Unicode text" is UTF-16LE with tabs.
 * Values stay strings: the engine reads text, and a clerk's "001" must not become 1.
 */
export function readCsv(bytes: Uint8Array, sheetName: string): Grid {
  const text = decodeCsvBytes(bytes);
  const delimiter = guessDelimiter(text);
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];

  const values: CellValue[][] = [];
  let usedRows = 0;
  for (const record of records) {
    const row: CellValue[] = record.map((s) => (s === "" ? null : s));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    values.push(row);
    if (row.length > 0) usedRows = values.length;
  }
  values.length = usedRows;
  return { sheet: sheetName, origin: { row: 1, col: 1 }, values, merges: [] };
}

export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  // Not valid UTF-8: Chinese Windows Excel's plain CSV (GB18030 is a superset of GBK), unless it
  // is UTF-8 with a few bad bytes (a line pasted in from a GBK file): GBK read as UTF-8 is almost
  // all U+FFFD, while such a file read as GBK lost every header (未找到整改台账).
  let bad = 0;
  let wide = 0;
  for (let i = 0; i < utf8.length; i++) {
    const c = utf8.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) wide++;
  }
  if (bad === 0 || wide >= 20 * bad) return utf8;
  return new TextDecoder("gb18030").decode(bytes);
}

/** Tab when the first line has tabs and no commas (Excel's text exports), else comma. */
function guessDelimiter(text: string): string {
  const nl = text.indexOf("\n");
  const first = nl < 0 ? text : text.slice(0, nl);
  return first.includes("\t") && !first.includes(",") ? "\t" : ",";
}
