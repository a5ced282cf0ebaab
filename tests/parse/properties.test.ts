import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/grid.js";
import { daysBetween, daysInMonth, isoDate } from "../../src/core/dates.js";
import { parseDeadline } from "../../src/core/parse/deadline.js";
import { parseStatus } from "../../src/core/parse/status.js";
import { normalize } from "../../src/core/parse/normalize.js";
import {
  DEADLINE_WORDS,
  isDeadlinePlaceholder,
  isEvidencePlaceholder,
  isPlaceholder,
  EVIDENCE_CHARS,
  EVIDENCE_WORDS,
  WORD_CHARS,
  WORDS,
} from "../../src/core/parse/placeholder.js";

const KINDS_DEADLINE = ["empty", "date", "immediate", "ongoing", "invalid"];
const KINDS_STATUS = ["done", "in-progress", "not-started", "empty", "unknown"];

/** Strings made of the characters the parsers care about, so the rules actually fire. */
const ledgerish = fc
  .array(
    fc.constantFrom(
      ..."0123456789０１２３年月日号底末前旬上中下半季度第Q H.-/，,。 \n一二三四五六十〇长期持续立行改完成已未基本推进".split(
        "",
      ),
      "June ",
      "end of ",
      "2025",
      "202",
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(""));

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  ledgerish,
  fc.double(),
  fc.integer(),
  fc.integer({ min: 30000, max: 80000 }),
  fc.boolean(),
  fc.constant(null),
  fc.date(),
  fc.date({ noInvalidDate: false }),
  fc.constant(new Date(Number.NaN)),
  fc.record({
    error: fc.constantFrom("#N/A", "#REF!", "#VALUE!", "#DIV/0!", ""),
  }),
);

const optionalText = fc.option(fc.oneof(fc.string(), ledgerish), {
  nil: undefined,
});

describe("parsers never throw", () => {
  it("parseDeadline returns a meaning for any cell value and text", () => {
    fc.assert(
      fc.property(cellValue, optionalText, (value, text) => {
        const result = parseDeadline(value, text);
        expect(KINDS_DEADLINE).toContain(result.kind);
        if (result.kind === "date") expect(result.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 2000 },
    );
  });
  it("parseStatus returns a meaning for any cell value and text", () => {
    fc.assert(
      fc.property(cellValue, optionalText, (value, text) => {
        expect(KINDS_STATUS).toContain(parseStatus(value, text).kind);
      }),
      { numRuns: 2000 },
    );
  });
  it("survive values outside the CellValue type", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(KINDS_DEADLINE).toContain(parseDeadline(value as CellValue).kind);
        expect(KINDS_STATUS).toContain(parseStatus(value as CellValue).kind);
      }),
    );
    const hostile = Object.create(null) as CellValue;
    expect(parseDeadline(hostile).kind).toBe("invalid");
    expect(parseStatus(hostile).kind).toBe("unknown");
  });
});

describe("typed dates parse back to the same day", () => {
  const ymd = fc
    .record({
      y: fc.integer({ min: 1900, max: 2199 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .filter(({ y, m, d }) => d <= daysInMonth(y, m));
  const pad = (n: number): string => String(n).padStart(2, "0");

  it.each([
    ["y年m月d日", (y: number, m: number, d: number) => `${y}年${m}月${d}日`],
    ["y.m.d", (y: number, m: number, d: number) => `${y}.${m}.${d}`],
    ["y-mm-dd", (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`],
    ["y/m/d", (y: number, m: number, d: number) => `${y}/${m}/${d}`],
    ["y年mm月dd日前", (y: number, m: number, d: number) => `${y}年${pad(m)}月${pad(d)}日前`],
  ])("%s", (_name, write) => {
    fc.assert(
      fc.property(ymd, ({ y, m, d }) => {
        expect(parseDeadline(write(y, m, d))).toEqual({
          kind: "date",
          date: isoDate(y, m, d),
          precision: "day",
          ongoing: false,
        });
      }),
      { numRuns: 500 },
    );
  });

  it("a Date cell carries its UTC calendar day", () => {
    fc.assert(
      fc.property(ymd, fc.integer({ min: 0, max: 86_399_999 }), ({ y, m, d }, ms) => {
        const value = new Date(Date.UTC(y, m - 1, d) + ms);
        expect(parseDeadline(value)).toEqual({
          kind: "date",
          date: isoDate(y, m, d),
          precision: "day",
          ongoing: false,
        });
      }),
      { numRuns: 500 },
    );
  });

  it("month periods end on the month's last day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const expected = {
          kind: "date",
          date: isoDate(y, m, daysInMonth(y, m)),
          precision: "month",
          ongoing: false,
        };
        expect(parseDeadline(`${y}年${m}月底`)).toEqual(expected);
        expect(parseDeadline(`${y}.${m}`)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("daysBetween", () => {
  it("counts the days Date.parse counts, for any two dates of years 1–9999", () => {
    const day = fc
      .record({
        y: fc.integer({ min: 1, max: 9999 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => isoDate(y, m, d));
    const parsed = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(daysBetween(a, b)).toBe(Math.round(parsed(b) - parsed(a)));
      }),
      { numRuns: 3000 },
    );
    expect(daysBetween("2025-06-30", "2025-07-01")).toBe(1);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
  });
});

describe("placeholders", () => {
  const WORDS = ["无", "暂无", "/", "／", "—", "——", "-", "待补充", "暂无佐证材料", "n/a"];
  /** A placeholder as clerks wrap it: spaces, full-width brackets, a full stop. */
  const wrapped = fc
    .tuple(
      fc.constantFrom(...WORDS),
      fc.constantFrom("", " ", "\u3000", "\n"),
      fc.constantFrom(["", ""], ["（", "）"], ["(", ")"], ["“", "”"], ["", "。"]),
    )
    .map(([w, space, [open, close]]) => `${space}${open}${w}${close}${space}`);

  it("a wrapped placeholder is a placeholder, and both parsers call it empty", () => {
    fc.assert(
      fc.property(wrapped, (text) => {
        expect(isPlaceholder(text)).toBe(true);
        expect(parseStatus(text).kind).toBe("empty");
        expect(parseDeadline(text).kind).toBe("empty");
      }),
    );
  });
  it("any run of punctuation and dashes (no tick) is a placeholder", () => {
    const marks = fc.array(fc.constantFrom(..."/／—-－–―_…·.、\\*？?~"), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(marks, (m) => {
        expect(isPlaceholder(m.join(""))).toBe(true);
      }),
    );
  });
  it("a placeholder with a date, a name or a tick beside it is content", () => {
    const content = fc.constantFrom("2025年6月30日", "张某", "总务处", "√", "检查记录", "已完成");
    fc.assert(
      fc.property(fc.constantFrom(...WORDS), content, fc.boolean(), (w, c, before) => {
        expect(isPlaceholder(before ? `${c}${w}` : `${w}${c}`)).toBe(false);
      }),
    );
  });
  it("isPlaceholder implies isDeadlinePlaceholder and isEvidencePlaceholder, for any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), ledgerish, wrapped), (s) => {
        if (isPlaceholder(s)) {
          expect(isDeadlinePlaceholder(s)).toBe(true);
          expect(isEvidencePlaceholder(s)).toBe(true);
        }
      }),
    );
  });
  it("evidence not there yet is no evidence; a tick, a file name or a status is", () => {
    for (const t of [
      "未上传",
      "尚未提供",
      "暂未上传",
      "待收集",
      "缺失",
      "正在收集整理",
      "收集中",
      "（待整理）",
      "×",
      "✗",
    ])
      expect(isEvidencePlaceholder(t), t).toBe(true);
    for (const t of ["√", "检查记录.pdf", "已上传", "整改报告", "未上传照片3张", "×月×日通知"])
      expect(isEvidencePlaceholder(t), t).toBe(false);
    // Elsewhere the words keep their meaning: a cross is a status (not done), 未提交 a state.
    expect(isPlaceholder("×")).toBe(false);
    expect(isPlaceholder("未提交")).toBe(false);
  });
});

describe("placeholder fast path", () => {
  it("knows every Chinese character of the placeholder words (else it would call a placeholder content)", () => {
    const chars = new Set((WORDS.source + DEADLINE_WORDS.source).match(/[\u4e00-\u9fff]/g));
    expect([...chars].filter((c) => !WORD_CHARS.has(c))).toEqual([]);
    const evidence = new Set(EVIDENCE_WORDS.source.match(/[\u4e00-\u9fff]/g));
    expect([...evidence].filter((c) => !EVIDENCE_CHARS.has(c))).toEqual([]);
  });
  it("no placeholder word can hold a digit (a text with one is content, told before normalising)", () => {
    expect(WORDS.source + DEADLINE_WORDS.source).not.toMatch(/[0-9０-９.[]|\\[dDwWsSpPu]/);
  });
  it("a text with a digit is never a placeholder, as normalising it first would also find", () => {
    const digit = fc.constantFrom(..."0123456789０１２３４５６７８９");
    fc.assert(
      fc.property(fc.oneof(fc.string(), ledgerish), digit, fc.nat(20), (s, d, at) => {
        const text = `${s.slice(0, at)}${d}${s.slice(at)}`;
        expect(isPlaceholder(text)).toBe(false);
        expect(isDeadlinePlaceholder(text)).toBe(false);
        const n = normalize(text);
        expect(/[0-9]/.test(n)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
