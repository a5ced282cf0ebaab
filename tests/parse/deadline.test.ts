import { describe, expect, it } from "vitest";
import { parseDeadline } from "../../src/core/parse/deadline.js";
import type { DeadlineMeaning } from "../../src/core/parse/meaning.js";

type Precision = Extract<DeadlineMeaning, { kind: "date" }>["precision"];

const day = (date: string, ongoing = false): DeadlineMeaning => ({
  kind: "date",
  date,
  precision: "day",
  ongoing,
});
const at = (date: string, precision: Precision, ongoing = false): DeadlineMeaning => ({
  kind: "date",
  date,
  precision,
  ongoing,
});
const invalid = (text: string): DeadlineMeaning => ({ kind: "invalid", text });
const IMMEDIATE: DeadlineMeaning = { kind: "immediate" };
const ONGOING: DeadlineMeaning = { kind: "ongoing" };
const EMPTY: DeadlineMeaning = { kind: "empty" };

function table(rows: [string, DeadlineMeaning][]): void {
  it.each(rows)("%j", (input, expected) => {
    expect(parseDeadline(input)).toEqual(expected);
  });
}

describe("parseDeadline: cell values that are not text", () => {
  it("reads a Date cell by its UTC fields", () => {
    expect(parseDeadline(new Date(Date.UTC(2025, 5, 30)))).toEqual(day("2025-06-30"));
    expect(parseDeadline(new Date(Date.UTC(2025, 5, 30, 23, 59)))).toEqual(day("2025-06-30"));
  });
  it("reads a Date cell shown without its day as the period shown (Chinese Excel keeps a typed 2025年6月 as June 1st)", () => {
    const june1 = new Date(Date.UTC(2025, 5, 1));
    expect(parseDeadline(june1, "2025年6月")).toEqual(at("2025-06-30", "month"));
    expect(parseDeadline(june1, "2025-06")).toEqual(at("2025-06-30", "month"));
    expect(parseDeadline(new Date(Date.UTC(2025, 0, 1)), "2025年")).toEqual(at("2025-12-31", "year"));
    // The day shown, or a text that is no period holding the stored date: the date itself.
    expect(parseDeadline(june1, "2025年6月1日")).toEqual(day("2025-06-01"));
    expect(parseDeadline(june1, "2024年6月")).toEqual(day("2025-06-01"));
    expect(parseDeadline(june1, "Sunday, June 1, 2025")).toEqual(day("2025-06-01"));
  });
  it("reads a Date cell in a month-only format whose text the scan cannot read (mmm-yy, yy年m月) as the month", () => {
    // The reading sweep of 2026-12-03: Sep-25 and 25年9月 were the 1st, 14 days late on the 15th.
    const sep1 = new Date(Date.UTC(2025, 8, 1));
    expect(parseDeadline(sep1, "Sep-25")).toEqual(at("2025-09-30", "month"));
    expect(parseDeadline(sep1, "25年9月")).toEqual(at("2025-09-30", "month"));
    // mmm-dd shows the 25th the same way: only a 1st in the year's figures is a month.
    expect(parseDeadline(new Date(Date.UTC(2025, 8, 25)), "Sep-25")).toEqual(day("2025-09-25"));
  });

  it("calls an invalid Date invalid", () => {
    expect(parseDeadline(new Date(Number.NaN))).toEqual(invalid("Invalid Date"));
  });
  it("calls a Date outside the calendar range invalid", () => {
    expect(parseDeadline(new Date(Date.UTC(1850, 0, 1)))).toEqual(invalid("1850-01-01"));
  });
  it("parses the display text of a number cell", () => {
    expect(parseDeadline(45838, "2025/6/30")).toEqual(day("2025-06-30"));
    expect(parseDeadline(45838, "2025年6月30日")).toEqual(day("2025-06-30"));
  });
  it("falls back to the serial when the display text hides the year", () => {
    expect(parseDeadline(45838, "6月30日")).toEqual(day("2025-06-30"));
    expect(parseDeadline(45838, "30-Jun")).toEqual(day("2025-06-30"));
  });
  it("reads a bare number in the plausible serial range as a date", () => {
    expect(parseDeadline(45838)).toEqual(day("2025-06-30"));
    expect(parseDeadline(45838, "45838")).toEqual(day("2025-06-30"));
    expect(parseDeadline(45838, "####")).toEqual(day("2025-06-30"));
    expect(parseDeadline(36526)).toEqual(day("2000-01-01"));
    expect(parseDeadline(73050)).toEqual(day("2099-12-31"));
    expect(parseDeadline(45838.5)).toEqual(day("2025-06-30"));
  });
  it("reads a bare number as a 1904 serial in a 1904 workbook (the sweep read it as 1900: four years early)", () => {
    expect(parseDeadline(44376, "44376", true)).toEqual(day("2025-06-30"));
    expect(parseDeadline(44376, "6月30日", true)).toEqual(day("2025-06-30"));
    expect(parseDeadline(44376)).toEqual(day("2021-06-29"));
  });
  it("reads typed numbers: a year, yyyymmdd and 2025.6", () => {
    expect(parseDeadline(2025)).toEqual(at("2025-12-31", "year"));
    expect(parseDeadline(20250630)).toEqual(day("2025-06-30"));
    expect(parseDeadline(2025.6)).toEqual(at("2025-06-30", "month"));
    expect(parseDeadline(2025.12)).toEqual(at("2025-12-31", "month"));
    expect(parseDeadline(2025.1, "2025.10")).toEqual(at("2025-10-31", "month"));
  });
  it("calls other numbers invalid", () => {
    expect(parseDeadline(5)).toEqual(invalid("5"));
    expect(parseDeadline(36525)).toEqual(invalid("36525"));
    expect(parseDeadline(73051)).toEqual(invalid("73051"));
    expect(parseDeadline(-45838)).toEqual(invalid("-45838"));
    expect(parseDeadline(Number.NaN)).toEqual(invalid("NaN"));
    expect(parseDeadline(Number.POSITIVE_INFINITY)).toEqual(invalid("Infinity"));
    expect(parseDeadline(20250230)).toEqual(invalid("20250230"));
    expect(parseDeadline(45838, "尽快")).toEqual(day("2025-06-30"));
    expect(parseDeadline(12, "十二")).toEqual(invalid("十二"));
  });
  it("calls error cells and booleans invalid", () => {
    expect(parseDeadline({ error: "#N/A" })).toEqual(invalid("#N/A"));
    expect(parseDeadline({ error: "#REF!" }, "#REF!")).toEqual(invalid("#REF!"));
    expect(parseDeadline(true)).toEqual(invalid("TRUE"));
    expect(parseDeadline(false, "FALSE")).toEqual(invalid("FALSE"));
  });
  it("calls null and blank text empty", () => {
    expect(parseDeadline(null)).toEqual(EMPTY);
    expect(parseDeadline(null, "")).toEqual(EMPTY);
    expect(parseDeadline("")).toEqual(EMPTY);
    expect(parseDeadline("   ")).toEqual(EMPTY);
    expect(parseDeadline(" \n\t\u3000")).toEqual(EMPTY);
    expect(parseDeadline("\u200b")).toEqual(EMPTY);
  });
  // DOMAIN.md: placeholders mean empty, and 待定 as a deadline is not a deadline.
  it.each(["无", "暂无", "/", "／", "—", "——", "-", "待补充", "待定", "（待定）", "未定", "TBD", "N/A", " — "])(
    "calls the placeholder %j empty",
    (text) => expect(parseDeadline(text)).toEqual(EMPTY),
  );
  it("reads a date that merely sits beside a placeholder-like word", () => {
    expect(parseDeadline("暂定2025年6月底")).toEqual(at("2025-06-30", "month"));
    expect(parseDeadline("待定（原定2025年6月底）")).toEqual(at("2025-06-30", "month"));
  });
  it("parses the text of a null value when the host has text", () => {
    expect(parseDeadline(null, "2025年6月底")).toEqual(at("2025-06-30", "month"));
  });
});

describe("parseDeadline: exact days", () => {
  table([
    ["2025年6月30日", day("2025-06-30")],
    ["2025.6.30", day("2025-06-30")],
    ["2025-06-30", day("2025-06-30")],
    ["2025/6/30", day("2025-06-30")],
    ["2025年6月30号", day("2025-06-30")],
    ["２０２５年６月３０日", day("2025-06-30")],
    ["２０２５．６．３０", day("2025-06-30")],
    ["2025 年 6 月 30 日", day("2025-06-30")],
    [" 2025年6月\n30日 ", day("2025-06-30")],
    ["2025年6月30日前", day("2025-06-30")],
    ["2025年6月30日之前", day("2025-06-30")],
    ["2025年6月30日以前", day("2025-06-30")],
    ["2025年6月30日止", day("2025-06-30")],
    ["2025年6月30日为止", day("2025-06-30")],
    ["2025年6月30日完成", day("2025-06-30")],
    ["2025年6月30日前完成", day("2025-06-30")],
    ["2025.6.30前", day("2025-06-30")],
    ["2025年06月05日", day("2025-06-05")],
    ["2025年6月30", day("2025-06-30")],
    ["2025年六月三十日", day("2025-06-30")],
    ["2025年十二月三十一日", day("2025-12-31")],
    ["二〇二五年六月三十日", day("2025-06-30")],
    ["20250630", day("2025-06-30")],
    ["2024年2月29日", day("2024-02-29")],
    ["2025.12.31", day("2025-12-31")],
    // A span of days ends on its last (the sweep read 2025年6月20日至30日 as the 20th).
    ["2025年6月20日至30日", day("2025-06-30")],
    // Its end in another month, the year not repeated (the sweep of 2026-12-03 read the month as the day).
    ["2025年7月5日至7月10日", day("2025-07-10")],
    ["2025年7月1日—7月20日", day("2025-07-20")],
    ["2025年6月1日至6月30日", day("2025-06-30")],
    ["2025年6月20日-30日", day("2025-06-30")],
    ["2025年6月20-30日", day("2025-06-30")],
    // With a time of day, as a system's export or a date typed with its time (the sweep of
    // 2026-12-03 called "2025-06-20 0:00:00" not a date).
    ["2025-06-20 0:00:00", day("2025-06-20")],
    ["2025/6/20 0:00", day("2025-06-20")],
    ["2025-06-20 14:30", day("2025-06-20")],
    ["2025-06-20T00:00:00", day("2025-06-20")],
    ["2025.6.20 00:00:00.000", day("2025-06-20")],
  ]);
});

describe("parseDeadline: periods mean their last day", () => {
  table([
    ["2025年6月底", at("2025-06-30", "month")],
    ["2025年6月末", at("2025-06-30", "month")],
    ["2025年6月", at("2025-06-30", "month")],
    ["2025年6月份", at("2025-06-30", "month")],
    ["2025年6月底前", at("2025-06-30", "month")],
    ["2025年6月底前完成", at("2025-06-30", "month")],
    ["2025年2月底", at("2025-02-28", "month")],
    ["2024年2月底", at("2024-02-29", "month")],
    ["2025.6", at("2025-06-30", "month")],
    ["2025-06", at("2025-06-30", "month")],
    ["2025/6", at("2025-06-30", "month")],
    ["2025年六月", at("2025-06-30", "month")],
    ["2025年十二月底", at("2025-12-31", "month")],
    ["2025年十一月", at("2025-11-30", "month")],
    ["2025年底", at("2025-12-31", "year")],
    ["2025年末", at("2025-12-31", "year")],
    ["2025年年底", at("2025-12-31", "year")],
    ["2025年年底前", at("2025-12-31", "year")],
    ["2025年", at("2025-12-31", "year")],
    ["2025年内", at("2025-12-31", "year")],
    ["2025年度", at("2025-12-31", "year")],
    ["2025年底前完成", at("2025-12-31", "year")],
    ["2025前", at("2025-12-31", "year")],
    ["2025年上半年", at("2025-06-30", "half")],
    ["2025年下半年", at("2025-12-31", "half")],
    ["2025上半年", at("2025-06-30", "half")],
    ["2025年年中", at("2025-06-30", "half")],
    ["2025年第三季度", at("2025-09-30", "quarter")],
    ["2025年三季度", at("2025-09-30", "quarter")],
    ["2025年Q3", at("2025-09-30", "quarter")],
    ["2025年q3", at("2025-09-30", "quarter")],
    ["2025年3季度", at("2025-09-30", "quarter")],
    ["2025年第一季度末", at("2025-03-31", "quarter")],
    ["2025年第二季度", at("2025-06-30", "quarter")],
    ["2025年四季度", at("2025-12-31", "quarter")],
    ["2025Q1", at("2025-03-31", "quarter")],
    ["2025年6月上旬", at("2025-06-10", "xun")],
    // A week of the month ends on its 7n-th day (the reading sweep of 2026-12-03 found 第一周 read as the month's end).
    ["2025年7月第一周", at("2025-07-07", "week")],
    ["2025年6月第3周前", at("2025-06-21", "week")],
    ["2025年6月最后一周", at("2025-06-30", "week")],
    ["2025年6月底，7月第二周复查", at("2025-07-14", "week")],
    ["2025年6月中旬", at("2025-06-20", "xun")],
    ["2025年6月下旬", at("2025-06-30", "xun")],
    ["2025年2月下旬", at("2025-02-28", "xun")],
    ["2025年6月中旬前完成", at("2025-06-20", "xun")],
  ]);
});

describe("parseDeadline: immediate and ongoing", () => {
  table([
    // A start is not a deadline (the reading sweep of 2026-12-03 called these 92 days late).
    ["自2025年3月起长期坚持", ONGOING],
    ["2025年3月启动，长期坚持", ONGOING],
    ["2025年7月1日起常态化开展", ONGOING],
    ["2024年以来持续推进", ONGOING],
    ["按月推进", ONGOING],
    ["按季度推进", ONGOING],
    ["立行立改", IMMEDIATE],
    ["即知即改", IMMEDIATE],
    ["立即整改", IMMEDIATE],
    ["立查立改", IMMEDIATE],
    ["立行立改，长期坚持", IMMEDIATE],
    ["长期坚持", ONGOING],
    ["持续推进", ONGOING],
    ["常态化", ONGOING],
    ["持续整改", ONGOING],
    ["长期", ONGOING],
    ["持续", ONGOING],
    ["常态长效", ONGOING],
    ["长期坚持、常态推进", ONGOING],
    ["immediately", IMMEDIATE],
    ["Immediate", IMMEDIATE],
    ["ongoing", ONGOING],
    ["Ongoing", ONGOING],
    ["Long-term", ONGOING],
  ]);
});

describe("parseDeadline: mixed phrases", () => {
  table([
    // The year in brackets after a month without one (the reading sweep of 2026-12-03 read the whole year).
    ["6月底前（2025年）", at("2025-06-30", "month")],
    ["6月30日前(2025)", day("2025-06-30")],
    ["2025年3月启动，2025年6月底前完成", at("2025-06-30", "month")],
    ["2025年6月底前启动", at("2025-06-30", "month")],
    ["2025年6月底前完成，长期坚持", at("2025-06-30", "month", true)],
    ["2025年6月30日前完成并长期坚持", day("2025-06-30", true)],
    ["2025年6月底前完成初步整改，2025年12月底前全部完成", at("2025-12-31", "month")],
    ["2025年12月底前全部完成，2025年6月底前完成初步整改", at("2025-12-31", "month")],
    ["2025年6月底前完成初步整改，12月底前全部完成", at("2025-12-31", "month")],
    ["2025年6月启动，年底前完成", at("2025-12-31", "year")],
    ["2025年6月至12月", at("2025-12-31", "month")],
    ["2025.6-2025.12", at("2025-12-31", "month")],
    ["2025年6月30日-2025年9月30日", day("2025-09-30")],
    ["立行立改，2025年6月底前完成", at("2025-06-30", "month")],
    ["持续至2025年底", at("2025-12-31", "year")],
    ["①2025年6月底前完成；②长期坚持", at("2025-06-30", "month", true)],
    ["2025年6月底前完成，统一月度调度", at("2025-06-30", "month")],
  ]);
});

describe("parseDeadline: English", () => {
  table([
    ["2025-06-30", day("2025-06-30")],
    ["by 2025-06-30", day("2025-06-30")],
    ["30 June 2025", day("2025-06-30")],
    ["30th of June, 2025", day("2025-06-30")],
    ["June 30, 2025", day("2025-06-30")],
    ["Jun 30 2025", day("2025-06-30")],
    ["Sept. 1, 2025", day("2025-09-01")],
    ["end of June 2025", at("2025-06-30", "month")],
    ["June 2025", at("2025-06-30", "month")],
    ["by end of Feb 2024", at("2024-02-29", "month")],
    ["mid-June 2025", at("2025-06-20", "xun")],
    ["late June 2025", at("2025-06-30", "xun")],
    ["Q3 2025", at("2025-09-30", "quarter")],
    ["2025 Q4", at("2025-12-31", "quarter")],
    ["third quarter of 2025", at("2025-09-30", "quarter")],
    ["H1 2025", at("2025-06-30", "half")],
    ["2025 H2", at("2025-12-31", "half")],
    ["first half of 2025", at("2025-06-30", "half")],
    ["2025", at("2025-12-31", "year")],
    ["end of 2025", at("2025-12-31", "year")],
    ["June 2025, then ongoing", at("2025-06-30", "month", true)],
    ["30 February 2025", invalid("30 February 2025")],
    // The year last, day or month first: read where the figures settle the order (a day past 12).
    ["30/06/2025", day("2025-06-30")],
    ["06/30/2025", day("2025-06-30")],
    ["30.06.2025", day("2025-06-30")],
    ["30-6-2025", day("2025-06-30")],
    ["06/06/2025", day("2025-06-06")],
    ["ASAP", invalid("ASAP")],
  ]);
});

describe("parseDeadline: unusable text is invalid, never guessed", () => {
  table([
    ["2025年2月30日", invalid("2025年2月30日")],
    ["2025年2月29日", invalid("2025年2月29日")],
    ["2025年13月", invalid("2025年13月")],
    ["2025.13", invalid("2025.13")],
    ["2025.6.31", invalid("2025.6.31")],
    // Day-first or month-first, the cell does not say: a guess would be a month off.
    ["05/06/2025", invalid("05/06/2025")],
    ["31/13/2025", invalid("31/13/2025")],
    ["31/06/2025", invalid("31/06/2025")],
    ["2025-00-10", invalid("2025-00-10")],
    ["2025年0月", invalid("2025年0月")],
    ["1000年", invalid("1000年")],
    // One impossible date spoils the cell: the clerk meant something, we cannot tell what.
    ["2025年2月30日前完成初步整改，2025年12月底全部完成", invalid("2025年2月30日前完成初步整改，2025年12月底全部完成")],
    ["尽快", invalid("尽快")],
    ["年底", invalid("年底")],
    ["年底前", invalid("年底前")],
    ["6月底", invalid("6月底")],
    ["6月30日", invalid("6月30日")],
    ["六月底", invalid("六月底")],
    ["6月底前完成，长期坚持", invalid("6月底前完成，长期坚持")],
    ["下周", invalid("下周")],
    ["投入2000万元", invalid("投入2000万元")],
    ["  尽快完成  ", invalid("尽快完成")],
    ["#N/A", invalid("#N/A")],
    ["abc", invalid("abc")],
    ["每3月报告一次", invalid("每3月报告一次")],
    // A season, holiday or event inside the year is no date we can know (the sweep of 2026-12-02:
    // each was read as 2025-12-31, so a task due before Spring Festival was never overdue).
    ["2025年春节前", invalid("2025年春节前")],
    ["2025年全国两会前", invalid("2025年全国两会前")],
    ["2025年暑假前", invalid("2025年暑假前")],
    ["2025年国庆节前", invalid("2025年国庆节前")],
    ["2025年秋季开学前", invalid("2025年秋季开学前")],
    ["2025年汛期前", invalid("2025年汛期前")],
    ["2025年第一学期末", invalid("2025年第一学期末")],
  ]);
  it("keeps the clerk's text, not the normalised one", () => {
    expect(parseDeadline("２０２５年２月３０日")).toEqual(invalid("２０２５年２月３０日"));
  });
});

describe("parseDeadline: forms clerks write beyond the vocabulary", () => {
  table([
    // Month and day with a dot, taking the year of an earlier mention; alone it has no year.
    ["2025年3月启动，6.30前完成", day("2025-06-30")],
    ["2025年4月部署，9.30之前全部完成", day("2025-09-30")],
    ["6.30前", invalid("6.30前")],
    // A span of months ends with its last month.
    ["2025年6-7月", at("2025-07-31", "month")],
    ["2025年6至7月", at("2025-07-31", "month")],
    ["2025年6月—7月", at("2025-07-31", "month")],
    // Zero-padded months, full-width digits, 号.
    ["2025.06", at("2025-06-30", "month")],
    ["2025年06月", at("2025-06-30", "month")],
    ["２０２５年６月３０日", day("2025-06-30")],
    ["2025年6月30号前", day("2025-06-30")],
    // A periodic commitment is ongoing; with a date, the date and ongoing.
    ["每季度开展一次", ONGOING],
    ["每月", ONGOING],
    ["定期开展", ONGOING],
    ["2025年6月底前完成，此后每季度复查", at("2025-06-30", "month", true)],
    // More of the immediate slogans.
    ["即行即改", IMMEDIATE],
    ["立说立改", IMMEDIATE],
  ]);
});
