import fc from "fast-check";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isErrorValue, type Grid } from "../../../src/core/grid.js";
import { WorkbookOpenError } from "../../../src/hosts/xlsx/errors.js";
import { NODE_ZLIB } from "../../../src/cli/node-zlib.js";
import { XlsxReader } from "../../../src/hosts/xlsx/reader.js";
import { DEFAULT_SCAN_LIMITS, scanSheet } from "../../../src/hosts/xlsx/sheet-scan.js";
import { NO_FORMATS } from "../../../src/hosts/xlsx/styles-read.js";
import { handXlsx, type HandBook } from "./handmade.js";

function read(book: HandBook, sheet?: string, maxRows?: number): Grid {
  const reader = XlsxReader.open(handXlsx(book));
  return reader.readGrid(sheet ?? book.sheets[0]!.name, maxRows === undefined ? {} : { maxRows });
}

function refusal(f: () => unknown): WorkbookOpenError {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkbookOpenError) return e;
    throw e;
  }
  throw new Error("not refused");
}

const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

describe("XlsxReader: cell values (ECMA-376 Part 1 §18.3.1.4, §18.18.11 ST_CellType)", () => {
  it("reads shared, inline and formula strings, numbers, booleans and errors", () => {
    const g = read({
      strings: ["问题", "整改措施"],
      sheets: [
        {
          name: "台账",
          rows:
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>内联</t></is></c></row>` +
            `<row r="2"><c r="A2"><v>42.5</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#N/A</v></c>` +
            `<c r="E2" t="str"><f>A1&amp;"x"</f><v>问题x</v></c><c r="F2"><f>1+1</f><v>2</v></c><c r="G2"><f>1-1</f><v>0</v></c></row>`,
        },
      ],
    });
    expect(g.values).toEqual([
      ["问题", "整改措施", "内联"],
      [42.5, true, false, { error: "#N/A" }, "问题x", 2, 0],
    ]);
    expect(g.origin).toEqual({ row: 1, col: 1 });
  });

  it("flattens rich text and leaves out phonetic guides (§18.4.6 rPh)", () => {
    const g = read({
      strings: {
        xml:
          `<si><r><rPr><b/><rFont val="宋体"/></rPr><t>招投标</t></r><r><t xml:space="preserve">管理 </t></r><r><rPr><i/></rPr><t>不规范</t></r></si>` +
          `<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>` +
          `<si/><si><t/></si>`,
      },
      sheets: [
        {
          name: "S",
          rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>`,
        },
      ],
    });
    expect(g.values).toEqual([["招投标管理 不规范", "漢字", "", ""]]);
  });

  it("decodes entities and _xHHHH_ escapes, keeping control characters (§22.9.2.19 ST_Xstring)", () => {
    const g = read({
      strings: {
        xml: `<si><t>a&amp;b&lt;c&gt;&#x4E2D;&#25991;</t></si><si><t>NUL_x0000_ESC_x001B_VT_x000B_FF_x000C_BEL_x0007_</t></si><si><t>lit_x005F_x0041_</t></si>`,
      },
      sheets: [
        {
          name: "S",
          rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>_xFFFE__xFFFF_</t></is></c></row>`,
        },
      ],
    });
    expect(g.values[0]).toEqual([
      "a&b<c>中文",
      "NUL\u0000ESC\u001bVT\u000bFF\u000cBEL\u0007",
      "lit_x0041_",
      "\ufffe\uffff",
    ]);
  });

  it("takes a formula cell's cached result, for shared and array formulas too", () => {
    const g = read({
      strings: ["招投标管理不规范"],
      sheets: [
        {
          name: "S",
          rows:
            `<row r="1"><c r="A1" t="s"><f>HYPERLINK("http://x.cn/a","招投标管理不规范")</f><v>0</v></c>` +
            `<c r="B1"><f t="shared" ref="B1:B3" si="0">ROW()*2</f><v>2</v></c><c r="C1"><f t="array" ref="C1">SUM(1,2)</f><v>3</v></c></row>` +
            `<row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>`,
        },
      ],
    });
    expect(g.values).toEqual([
      ["招投标管理不规范", 2, 3],
      [null, 4],
      [null, 6],
    ]);
  });

  it("shows the text of a HYPERLINK formula written without a cached result (openpyxl writes none)", () => {
    const g = read({
      sheets: [
        {
          name: "S",
          rows: `<row r="1"><c r="A1"><f>HYPERLINK("http://x.cn/a?q=""1""","招投标""管理""")</f></c><c r="B1"><f>SUM(A2:A3)</f></c></row>`,
        },
      ],
    });
    // A formula with nothing cached is empty, as exceljs and Excel before recalculation give it.
    expect(g.values).toEqual([['招投标"管理"']]);
  });

  it("reads cells and rows without the optional r attribute (§18.3.1.4, §18.3.1.73)", () => {
    const g = read({
      strings: ["a", "b", "c"],
      sheets: [
        {
          name: "S",
          rows:
            `<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>` +
            `<row><c/><c t="s"><v>2</v></c></row>` +
            `<row r="5"><c r="C5"><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`,
        },
      ],
    });
    expect(g.values).toEqual([["a", "b"], [null, "c"], [], [], [null, null, 1, 2], [3]]);
  });

  it("reads worksheets whose elements carry a namespace prefix (<x:row>, as .NET writers emit)", () => {
    const sheet =
      `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData>` +
      `<x:mergeCells count="1"><x:mergeCell ref="A1:A2"/></x:mergeCells></x:worksheet>`;
    const g = read({ sheets: [{ name: "S", rows: sheet }] });
    expect(g.values).toEqual([["前缀", 7]]);
  });
});

describe("XlsxReader: dates", () => {
  const xfs = [0, 14, 'yyyy"年"m"月"d"日"', 31, "0.00", "[$-804]yyyy/m/d;@"];

  it("makes a number a date where its format shows one: built-in, zh-CN built-in and custom", () => {
    const g = read({
      xfs,
      sheets: [
        {
          name: "S",
          rows: `<row r="1"><c r="A1"><v>45839</v></c><c r="B1" s="1"><v>45839</v></c><c r="C1" s="2"><v>45839</v></c><c r="D1" s="3"><v>45839</v></c><c r="E1" s="4"><v>45839</v></c><c r="F1" s="5"><v>45839</v></c></row>`,
        },
      ],
    });
    const d = day("2025-07-01");
    expect(g.values[0]).toEqual([45839, d, d, d, 45839, d]);
    expect(g.text?.[0]).toEqual([undefined, "2025/7/1", "2025年7月1日", "2025年7月1日", undefined, "2025/7/1"]);
    expect(g.formats?.[0]?.[1]).toBe("mm-dd-yy");
    expect(g.formats?.[0]?.[3]).toBe('yyyy"年"m"月"d"日"');
  });

  it("shows a number in a percentage format as its percentage (a status of 0.8 says 80%)", () => {
    // The reading sweep of 2026-12-03: 整改进度 held 1 and 0.8 shown 100% and 80%, read as "1".
    const g = read({
      xfs: [0, 9, 10, "0.0%;[Red]-0.0%", '"进度"0%'],
      sheets: [
        {
          name: "S",
          rows: `<row r="1"><c r="A1"><v>0.8</v></c><c r="B1" s="1"><v>1</v></c><c r="C1" s="2"><v>0.8</v></c><c r="D1" s="3"><v>0.125</v></c><c r="E1" s="4"><v>0.5</v></c></row>`,
        },
      ],
    });
    expect(g.values[0]).toEqual([0.8, 1, 0.8, 0.125, 0.5]);
    expect(g.text?.[0]).toEqual([undefined, "100%", "80.00%", "12.5%", "50%"]);
  });

  it("keeps a serial's day: 45800.999999999 is not rounded into the next day (issue 15.4)", () => {
    const g = read({
      xfs,
      sheets: [{ name: "S", rows: `<row r="1"><c r="A1" s="1"><v>45800.999999999</v></c></row>` }],
    });
    const d = g.values[0]![0] as Date;
    expect(d.toISOString().slice(0, 10)).toBe("2025-05-23");
    expect(d.toISOString()).toBe("2025-05-23T23:59:59.999Z");
    expect(g.text?.[0]?.[0]).toBe("2025/5/23");
  });

  it("reads the 1904 date system (§18.17.4.1)", () => {
    const g = read({
      xfs,
      date1904: true,
      sheets: [{ name: "S", rows: `<row r="1"><c r="A1" s="1"><v>44377</v></c></row>` }],
    });
    expect(g.values[0]).toEqual([day("2025-07-01")]);
    // And says so, for a number that lost its date format (read by the engine as a 1904 serial).
    expect(g.date1904).toBe(true);
    expect(
      read({ xfs, sheets: [{ name: "S", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` }] }).date1904,
    ).toBeUndefined();
  });

  it('reads t="d" ISO dates as dates (issue 15.4: they became the number 2025)', () => {
    const g = read({
      xfs,
      sheets: [
        {
          name: "S",
          rows: `<row r="1"><c r="A1" t="d" s="1"><v>2025-06-30T00:00:00</v></c><c r="B1" t="d"><v>2025-06-30</v></c><c r="C1" t="d" s="1"><v>2025-06-30T12:30:00Z</v></c></row>`,
        },
      ],
    });
    expect(g.values[0]).toEqual([day("2025-06-30"), day("2025-06-30"), new Date("2025-06-30T12:30:00Z")]);
    expect(g.text?.[0]?.[0]).toBe("2025/6/30");
  });

  it("keeps errors as errors and out-of-range serials as numbers in date columns (issue 15.4: NaN)", () => {
    const g = read({
      xfs,
      sheets: [
        {
          name: "S",
          rows: `<row r="1"><c r="A1" s="1" t="e"><f>NA()</f><v>#N/A</v></c><c r="B1" s="1" t="e"><v>#REF!</v></c><c r="C1" s="1"><v>1E+15</v></c><c r="D1" s="1"><v>-5</v></c></row>`,
        },
      ],
    });
    expect(g.values[0]).toEqual([{ error: "#N/A" }, { error: "#REF!" }, 1e15, -5]);
    expect(g.values[0]!.every((v) => !(typeof v === "number" && Number.isNaN(v)))).toBe(true);
    expect(isErrorValue(g.values[0]![0])).toBe(true);
  });
});

describe("XlsxReader: structure", () => {
  it("lists worksheets with their visibility, skipping chartsheets; absolute targets", () => {
    const reader = XlsxReader.open(
      handXlsx({
        absolute: true,
        sheets: [
          { name: "台账", rows: `<row r="1"><c r="A1"><v>1</v></c></row>` },
          {
            name: "图表",
            rows: `<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`,
            kind: "chartsheet",
          },
          { name: "隐藏", rows: "", state: "hidden" },
          { name: "很隐藏", rows: "", state: "veryHidden" },
        ],
      }),
    );
    expect(reader.sheets().map((s) => [s.name, s.state])).toEqual([
      ["台账", "visible"],
      ["隐藏", "hidden"],
      ["很隐藏", "veryHidden"],
    ]);
    expect(reader.readGrid("台账").values).toEqual([[1]]);
    expect(reader.rowCount("台账")).toBe(1);
    expect(reader.rowCount("隐藏")).toBe(0);
    // Excel's names are case-insensitive.
    expect(reader.sheet("TAI")).toBeUndefined();
  });

  it("reads merged areas, cut to the rows read; the cells under a merge are blank", () => {
    const g = read({
      sheets: [
        {
          name: "S",
          rows:
            `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>9</v></c><c r="C1"><v>3</v></c></row>` +
            `<row r="2"><c r="A2"><v>4</v></c></row><row r="3"><c r="A3"><v>5</v></c></row>`,
          after: `<mergeCells count="3"><mergeCell ref="A1:B1"/><mergeCell ref="C1:XFD1048576"/><mergeCell ref="A10:B12"/></mergeCells>`,
        },
      ],
    });
    expect(g.values).toEqual([[1, null, 3], [4], [5]]);
    expect(g.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 1, left: 3, bottom: 3, right: 16384 },
    ]);
  });

  it("reads the first rows only, still with their merged areas (which follow all rows)", () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(
      "",
    );
    const g = read(
      {
        sheets: [
          { name: "S", rows, after: `<mergeCells><mergeCell ref="A1:A3"/><mergeCell ref="A100:A101"/></mergeCells>` },
        ],
      },
      "S",
      20,
    );
    expect(g.values).toHaveLength(20);
    expect(g.merges).toEqual([{ top: 1, left: 1, bottom: 3, right: 1 }]);
  });

  it("reports hidden rows and columns and keeps their cells", () => {
    const g = read({
      sheets: [
        {
          name: "S",
          before: `<cols><col min="2" max="3" width="0" hidden="1" customWidth="1"/><col min="4" max="4" width="9"/></cols>`,
          rows: `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2" hidden="1"><c r="A2"><v>3</v></c></row><row r="3" hidden="true"><c r="A3"><v>4</v></c></row>`,
        },
      ],
    });
    expect(g.values).toEqual([[1, 2], [3], [4]]);
    expect(g.hiddenRows).toEqual([2, 3]);
    expect(g.hiddenColumns).toEqual([2, 3]);
  });

  it("drops trailing rows that hold only formatting", () => {
    const g = read({
      sheets: [
        {
          name: "S",
          rows: `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" s="0"/></row><row r="9" ht="20" customHeight="1"/>`,
        },
      ],
    });
    expect(g.values).toEqual([[1]]);
  });
});

describe("XlsxReader: limits (issue 15.8)", () => {
  it("refuses a sheet over the cell limit with a message naming it", () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="T${i + 1}"><v>1</v></c></row>`).join("");
    const bytes = handXlsx({ sheets: [{ name: "S", rows }] });
    const reader = XlsxReader.open(bytes, {
      package: { maxInflatedBytes: 1e9, maxParts: 100 },
      scan: { ...DEFAULT_SCAN_LIMITS, maxCells: 500 },
    });
    const err = refusal(() => reader.readGrid("S"));
    expect(err.code).toBe("too-large");
    expect(err.text.zh).toMatch(/^文件超出校验上限（工作表的行数×列数：500）.*拆分/);
    expect(err.text.en).toMatch(/rows × columns of a sheet: 500.*Split the ledger/);
  });

  it("refuses a column past XFD and a row past 1,048,576 (Excel's own grid)", () => {
    expect(
      refusal(() => read({ sheets: [{ name: "S", rows: `<row r="1"><c r="XFE1"><v>1</v></c></row>` }] })).text.en,
    ).toMatch(/columns: 16,384/);
    expect(
      refusal(() => read({ sheets: [{ name: "S", rows: `<row r="1048577"><c><v>1</v></c></row>` }] })).text.en,
    ).toMatch(/rows: 1,048,576/);
  });

  it("refuses merged areas whose rows add up past the limit, without walking their cells", () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="C${i + 1}"><v>1</v></c></row>`,
    ).join("");
    // Overlapping whole-sheet merges (not valid, but a hostile file may hold them): cut to 30 rows each.
    const after = `<mergeCells>${Array.from({ length: 10 }, (_, i) => `<mergeCell ref="B${i + 1}:XFD1048576"/>`).join("")}</mergeCells>`;
    const reader = XlsxReader.open(handXlsx({ sheets: [{ name: "S", rows, after }] }), {
      package: { maxInflatedBytes: 1e9, maxParts: 100 },
      scan: { ...DEFAULT_SCAN_LIMITS, maxMergeRows: 100 },
    });
    expect(refusal(() => reader.readGrid("S")).text.en).toMatch(/total area of merged cells/);
  });

  it("reads a one-cell sheet whose data validation covers the whole sheet (never walked)", () => {
    const g = read({
      sheets: [
        {
          name: "S",
          rows: `<row r="1"><c r="A1"><v>1</v></c></row>`,
          after: `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>`,
        },
      ],
    });
    expect(g.values).toEqual([[1]]);
  });

  it("calls a package with no worksheet corrupt", () => {
    expect(() =>
      XlsxReader.open(handXlsx({ sheets: [{ name: "图表", rows: `<chartsheet/>`, kind: "chartsheet" }] })),
    ).toThrow(WorkbookOpenError);
  });
});

describe("scanSheet: the part's text is the same however its bytes are cut", () => {
  it("reads a sheet given whole, in two pieces, and byte by byte (characters split across pieces)", () => {
    const xml =
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>整改措施①</t></is></c><c r="B1" t="inlineStr"><is><t>😀 已完成</t></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>落实“三重一大”</t></is></c><c r="B2"><v>3</v></c></row>` +
      `</sheetData></worksheet>`;
    const bytes = new TextEncoder().encode(xml);
    const scan = (chunks: Uint8Array[]) =>
      scanSheet({
        chunks,
        strings: [],
        formats: NO_FORMATS,
        date1904: false,
        maxRows: Infinity,
      }).values;
    const whole = scan([bytes]);
    expect(whole).toEqual([
      ["整改措施①", "😀 已完成"],
      ["落实“三重一大”", 3],
    ]);
    const cut = bytes.indexOf(0xe6, 120) + 1; // inside a three-byte character
    expect(cut).toBeGreaterThan(120);
    expect(scan([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
    expect(scan(Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)))).toEqual(whole);
    expect(scan([new Uint8Array(0), bytes, new Uint8Array(0)])).toEqual(whole);
  });
});

describe("a part cut off inside an intact zip (found by the path sweep of 2026-12-02)", () => {
  const ROWS = Array.from(
    { length: 20 },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 2}</v></c></row>`,
  ).join("");
  const book = (edit: (name: string, bytes: Uint8Array) => Uint8Array) => {
    const files = unzipSync(handXlsx({ strings: ["问题", "整改措施"], sheets: [{ name: "台账", rows: ROWS }] }));
    return zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [n, edit(n, b)])));
  };
  const half = (part: string) => (name: string, bytes: Uint8Array) =>
    name === part ? bytes.subarray(0, bytes.length >> 1) : bytes;

  it.each(["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])(
    "%s cut in half: refused as damaged, not read short",
    (part) => {
      const bytes = book(half(part));
      expect(refusal(() => XlsxReader.open(bytes).readGrid("台账")).code).toBe("corrupt");
    },
  );
  it("the whole part reads", () => {
    expect(XlsxReader.open(book((_, b) => b)).readGrid("台账").values).toHaveLength(20);
  });
});

describe("scanSheet: a piece ending right before </sheetData>", () => {
  it("still reads the merged areas after it (they were lost: the end was never taken)", () => {
    const head = `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>`;
    const tail = `</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    const enc = (s: string) => new TextEncoder().encode(s);
    const scan = (chunks: Uint8Array[]) =>
      scanSheet({
        chunks,
        strings: [],
        formats: NO_FORMATS,
        date1904: false,
        maxRows: Infinity,
      });
    expect(scan([enc(head), enc(tail)]).merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });
});

describe("scanSheet: a cell tag reads the same however its attributes are spelled", () => {
  const formats = {
    codes: ["General", "0.00", "yyyy-mm-dd"],
    isDate: [false, false, true],
    percentDecimals: [-1, -1, -1],
  };
  const scan = (xml: string) =>
    scanSheet({
      chunks: [new TextEncoder().encode(`<worksheet><sheetData>${xml}</sheetData></worksheet>`)],
      strings: ["甲", "乙", "丙"],
      formats,
      date1904: false,
      maxRows: Infinity,
    });
  const cell = fc.record({
    col: fc.constantFrom("A", "B", "C", "K", "AA", "ab", "XFD", "XFE", ""),
    s: fc.constantFrom(undefined, "0", "1", "2", "", "2x"),
    t: fc.constantFrom(undefined, "s", "n", "str", "b", "e", "inlineStr", "", "d"),
    v: fc.constantFrom("0", "1", "2", "45991", "3.5", "#N/A", "2025-06-30", ""),
    empty: fc.boolean(),
  });
  type Cell = typeof cell extends fc.Arbitrary<infer C> ? C : never;
  const body = (c: Cell) =>
    c.empty ? "/>" : c.t === "inlineStr" ? `><is><t>${c.v}</t></is></c>` : `><v>${c.v}</v></c>`;
  /** As Excel writes it: ` r="…"`, then s and t, double quotes. */
  const plain = (c: Cell, row: number) =>
    `<c r="${c.col}${row}"${c.s === undefined ? "" : ` s="${c.s}"`}${c.t === undefined ? "" : ` t="${c.t}"`}${body(c)}`;
  /** The same attributes another way: reordered, single-quoted, spaced, with one more. */
  const other = (c: Cell, row: number, way: number) => {
    const a = [
      `r="${c.col}${row}"`,
      ...(c.s === undefined ? [] : [`s="${c.s}"`]),
      ...(c.t === undefined ? [] : [`t="${c.t}"`]),
    ];
    if (way === 0) return `<c ${a.reverse().join(" ")}${body(c)}`;
    if (way === 1) return `<c ${a.map((x) => x.replaceAll('"', "'")).join(" ")}${body(c)}`;
    if (way === 2) return `<c\n  ${a.map((x) => x.replace("=", " = ")).join("\t")} ${body(c)}`;
    return `<c ${a.join(" ")} cm="1"${body(c)}`;
  };
  it("Excel's own spelling and any other give one grid", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 }), fc.nat(3), (rows, way) => {
        const xml = (spell: (c: Cell, row: number) => string) =>
          rows.map((cells, r) => `<row r="${r + 1}">${cells.map((c) => spell(c, r + 1)).join("")}</row>`).join("");
        let expected: unknown;
        try {
          expected = scan(xml((c, r) => other(c, r, way)));
        } catch (e) {
          expected = e instanceof Error ? e.message : e;
        }
        let got: unknown;
        try {
          got = scan(xml(plain));
        } catch (e) {
          got = e instanceof Error ? e.message : e;
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("scanSheet: read as Latin-1 (the CLI, NODE_ZLIB.latin1), a part gives what UTF-8 gives", () => {
  const formats = { codes: ["General", "yyyy-mm-dd"], isDate: [false, true], percentDecimals: [-1, -1] };
  const scan = (bytes: Uint8Array, zlib: Partial<typeof NODE_ZLIB>) =>
    scanSheet({
      chunks: [bytes],
      strings: ["甲"],
      formats,
      date1904: false,
      maxRows: Infinity,
      ...(zlib.decodeUtf8 ? { decodeUtf8: zlib.decodeUtf8 } : {}),
      ...(zlib.latin1 ? { latin1: zlib.latin1 } : {}),
    });
  // Texts as they reach a cell: CJK and emoji as UTF-8, as character references, next to markup-like text.
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom("整", "改", "😀", "a", " ", "“", "丠", "\u00a0", "é") }),
    fc.constantFrom("&#x4E2D;&#25991;", "&amp;lt;", "_x000D_", "A&amp;B"),
  );
  const cell = fc.record({
    kind: fc.constantFrom("inlineStr", "rich", "str", "e", "n", "hyperlink", "d"),
    text,
  });
  type Cell = typeof cell extends fc.Arbitrary<infer C> ? C : never;
  const xmlOf = (c: Cell, ref: string) => {
    switch (c.kind) {
      case "inlineStr":
        return `<c r="${ref}" t="inlineStr"><is><t>${c.text}</t></is></c>`;
      case "rich":
        return `<c r="${ref}" t="inlineStr"><is><r><t>${c.text}</t></r><r><t>尾</t></r></is></c>`;
      case "str":
        return `<c r="${ref}" t="str"><f>VLOOKUP(B5,反馈问题!A:C,3,FALSE)</f><v>${c.text}</v></c>`;
      case "e":
        return `<c r="${ref}" t="e"><f>反馈问题!A1</f><v>#N/A${c.text}</v></c>`;
      case "n":
        return `<c r="${ref}" s="1"><v>${c.text === "" ? "45991" : c.text}</v></c>`;
      case "hyperlink":
        return `<c r="${ref}"><f>HYPERLINK("https://例子.cn/${c.text}","${c.text}")</f></c>`;
      case "d":
        return `<c r="${ref}" t="d" s="1"><v>2025-06-30${c.text}</v></c>`;
    }
  };
  const { latin1: _latin1, ...UTF8_ONLY } = NODE_ZLIB;

  it("the same values, date texts and formats for any text in any kind of cell", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }),
        fc.constantFrom("", "x:"),
        fc.boolean(),
        (rows, p, bom) => {
          const body = rows
            .map(
              (cells, r) =>
                `<${p}row r="${r + 1}">${cells
                  .map((c, i) => xmlOf(c, `${"ABCD"[i]}${r + 1}`))
                  .join("")
                  .replaceAll("<c ", `<${p}c `)
                  .replaceAll("</c>", `</${p}c>`)}</${p}row>`,
            )
            .join("");
          const xml = `${bom ? "\ufeff" : ""}<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${body}</${p}sheetData></${p}worksheet>`;
          const bytes = new TextEncoder().encode(xml);
          expect(scan(bytes, NODE_ZLIB)).toEqual(scan(bytes, UTF8_ONLY));
          expect(scan(bytes, NODE_ZLIB)).toEqual(scan(bytes, {}));
        },
      ),
      { numRuns: 800 },
    );
  });

  it("bytes that are not UTF-8 read as U+FFFD either way (TextDecoder's replacement)", () => {
    const head = new TextEncoder().encode(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>整`);
    const tail = new TextEncoder().encode(
      `改</t></is></c><c r="B1" t="str"><v>\u00e9</v></c></row></sheetData></worksheet>`,
    );
    // A lone continuation byte, a truncated three-byte sequence, and Latin-1's own é (0xE9) unencoded.
    const bytes = new Uint8Array([...head, 0x80, 0xe6, 0x95, ...tail.subarray(0, 3), 0xe9, ...tail.subarray(3)]);
    const utf8 = scan(bytes, UTF8_ONLY);
    expect(scan(bytes, NODE_ZLIB)).toEqual(utf8);
    expect(String(utf8.values[0]![0])).toContain("\ufffd");
  });
});
