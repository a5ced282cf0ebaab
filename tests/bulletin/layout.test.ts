import { describe, expect, it } from "vitest";
import { buildBulletin } from "../../src/core/bulletin/build.js";
import { layoutBulletin, PAGE_HEIGHT_PT, signatureIndents } from "../../src/core/bulletin/layout.js";
import fc from "fast-check";
import {
  breakUnits,
  cellTextWidthPt,
  charWidthEm,
  linesNeeded,
  textWidthEm,
  titleLines,
  wrapLines,
} from "../../src/core/bulletin/measure.js";
import type { Bulletin } from "../../src/core/bulletin/model.js";
import type { SheetDocument } from "../../src/core/sheet-document.js";
import { sampleLedger, sampleReport } from "./fixtures.js";

const names = { body: "市教育局党组", inspection: "市委第三巡察组" };
function bulletin(blocks: Bulletin["blocks"]): Bulletin {
  return {
    title: ["T"],
    blocks,
    closing: "特此通报。",
    signature: { issuer: "某单位", date: "2025年7月1日" },
    missing: [],
  };
}
const zh = layoutBulletin(buildBulletin(sampleReport(), sampleLedger(), { lang: "zh", bulletin: names }), "zh");
const en = layoutBulletin(buildBulletin(sampleReport("en"), sampleLedger(), { lang: "en", bulletin: names }), "en");

/** A4 is 210 mm wide; GB/T 9704 leaves 28 + 26 mm of margin: 156 mm of text, at 96 px an inch. */
const PRINTABLE_PX = ((210 - 28 - 26) / 25.4) * 96;
const colPx = (doc: SheetDocument, from: number, span: number) =>
  doc.columnWidths.slice(from - 1, from - 1 + span).reduce((a, w) => a + w * 7, 0);

/**
 * An independent lower bound on the lines a text needs: CJK 2 units, anything else 1, a unit
 * being half the font size, in the cell's width less a little padding.
 */
function minLines(text: string, px: number, size: number): number {
  let units = 0;
  for (const ch of text) units += /[\u3000-\u9fff\uff00-\uffef“”]/.test(ch) ? 2 : 1;
  return Math.ceil((units * size) / 2 / ((px - 6) * 0.75));
}

describe.each([
  ["zh", zh],
  ["en", en],
])("layoutBulletin (%s)", (_lang, doc) => {
  it("writes only strings and numbers, in styles that exist, with font fallbacks", () => {
    for (const c of doc.cells) {
      expect(["string", "number"]).toContain(typeof c.value);
      expect(doc.styles[c.style]).toBeDefined();
    }
    for (const s of Object.values(doc.styles)) expect(s.font.fallbacks?.length).toBeGreaterThan(0);
  });

  it("never lets two cells or merged areas overlap, nor run past the columns", () => {
    const taken = new Map<string, string>();
    for (const c of doc.cells) {
      for (let r = c.row; r < c.row + (c.rowSpan ?? 1); r++) {
        for (let k = c.col; k < c.col + (c.colSpan ?? 1); k++) {
          const key = `${r},${k}`;
          expect(taken.get(key), `cell ${key} covered twice`).toBeUndefined();
          taken.set(key, String(c.value));
          expect(k).toBeLessThanOrEqual(doc.columnWidths.length);
        }
      }
    }
  });

  it("has columns that add up to A4's printable width", () => {
    const total = colPx(doc, 1, doc.columnWidths.length);
    expect(total).toBeLessThanOrEqual(PRINTABLE_PX);
    expect(total).toBeGreaterThan(PRINTABLE_PX * 0.98);
    expect(doc.columnWidths.length).toBeGreaterThanOrEqual(6);
    for (const w of doc.columnWidths) expect(w * 7).toBeGreaterThanOrEqual(13);
  });

  it("makes every row tall enough for its text", () => {
    for (const c of doc.cells) {
      const size = doc.styles[c.style]!.font.size;
      const height = doc.rowHeights[c.row];
      expect(height, `row ${c.row} has no height`).toBeDefined();
      const lines = minLines(String(c.value), colPx(doc, c.col, c.colSpan ?? 1), size);
      expect(height!, `row ${c.row}: ${String(c.value).slice(0, 20)}`).toBeGreaterThanOrEqual(lines * size * 1.2);
      expect(height!).toBeLessThanOrEqual(409);
    }
  });

  it("prints on A4 portrait, one page wide, with GB/T 9704 margins and a page number", () => {
    expect(doc.page.paperSize).toBe("A4");
    expect(doc.page.orientation).toBe("portrait");
    expect(doc.page.fitToWidth).toBe(true);
    expect(doc.page.horizontallyCentered).toBe(true);
    expect(doc.page.margins.top).toBeCloseTo(3.7 / 2.54, 2);
    expect(doc.page.margins.bottom).toBeCloseTo(3.5 / 2.54, 2);
    expect(doc.page.margins.left).toBeCloseTo(2.8 / 2.54, 2);
    expect(doc.page.margins.right).toBeCloseTo(2.6 / 2.54, 2);
    expect(doc.page.footer).toMatch(/&P/);
    expect(doc.showGridLines).toBe(false);
  });

  it("merges the title across the page", () => {
    const title = doc.cells[0]!;
    expect(title).toMatchObject({ row: 1, col: 1, style: "title", colSpan: doc.columnWidths.length });
    expect(doc.styles.title!.horizontal).toBe("center");
  });
});

describe("layoutBulletin: the official look (zh)", () => {
  it("uses the GB/T 9704 fonts and sizes", () => {
    expect(zh.name).toBe("整改通报");
    expect(zh.styles.title!.font).toEqual({
      name: "方正小标宋简体",
      fallbacks: ["华文中宋", "宋体", "SimSun"],
      size: 22,
    });
    expect(zh.styles.body!.font).toEqual({ name: "仿宋_GB2312", fallbacks: ["仿宋", "FangSong"], size: 16 });
    expect(zh.styles.h1!.font.name).toBe("黑体");
    expect(zh.styles.h2!.font).toMatchObject({ name: "楷体_GB2312", fallbacks: ["楷体", "KaiTi"] });
    expect(zh.styles["td-left"]!.font.size).toBe(10.5);
    expect(zh.styles.th).toMatchObject({ border: true, fill: "D9D9D9", wrap: true, font: { bold: true } });
    expect(zh.styles.signature!.horizontal).toBe("right");
  });

  it("puts the 主送机关 flush left under the title, and indents paragraphs and headings by two full-width spaces", () => {
    const recipient = zh.cells.find((c) => c.style === "recipient")!;
    expect(recipient.value).toBe("各有关部门（单位）：");
    const opening = zh.cells.find((c) => c.style === "body")!;
    expect(String(opening.value).startsWith("\u3000\u3000市委第三巡察组反馈意见后")).toBe(true);
    expect(opening.colSpan).toBe(zh.columnWidths.length);
    expect(zh.cells.find((c) => c.style === "h1")!.value).toBe("\u3000\u3000一、整改工作总体进展");
    expect(zh.cells.filter((c) => c.style === "body").map((c) => c.value)).toContain("\u3000\u3000特此通报。");
  });

  it("breaks the title between words, never inside one", () => {
    const title = String(zh.cells[0]!.value);
    expect(title).toBe("市教育局党组关于落实市委第三巡察组\n反馈意见整改进展情况的通报");
  });

  it("numbers odd pages right and even pages left, `— 1 —` in 4号 宋体", () => {
    expect(zh.page.footer).toBe('&R&"宋体,常规"&14— &P —\u3000');
    expect(zh.page.evenFooter).toBe('&L&"宋体,常规"&14\u3000— &P —');
  });

  it("lays a table out as a header row and one row per line, the 合计 spanning 序号 and 部门", () => {
    const caption = zh.cells.find((c) => c.value === "表1　各责任部门整改进展情况")!;
    const header = zh.cells.filter((c) => c.row === caption.row + 1);
    // Headers too wide for their column are broken evenly; the words stay the same.
    expect(header.map((c) => String(c.value).replace("\n", ""))).toEqual([
      "序号",
      "责任部门",
      "措施数",
      "已完成",
      "正在推进",
      "未启动",
      "逾期",
      "完成率",
    ]);
    for (const c of header) expect(String(c.value)).not.toMatch(/\n.$/);
    expect(header.every((c) => c.style === "th")).toBe(true);
    const total = zh.cells.filter((c) => c.row === caption.row + 7);
    expect(total.map((c) => c.value)).toEqual(["合计", 8, 3, 4, 1, 2, "37.5%"]);
    expect(total[0]!.colSpan).toBe((header[0]!.colSpan ?? 1) + (header[1]!.colSpan ?? 1));
    // Every table row spans the full width.
    for (const r of [header, total]) expect(r.reduce((s, c) => s + (c.colSpan ?? 1), 0)).toBe(zh.columnWidths.length);
  });

  it("signs per GB/T 9704 7.3.5.2: issuer two characters in, the date two further right", () => {
    const sign = zh.cells.filter((c) => c.style === "signature");
    const issuer = "市教育局党组";
    const date = "2025年7月1日";
    const ind = signatureIndents(issuer, date);
    // The date (6.2 characters) is longer than the issuer (6): it stands two in, and the issuer
    // starts two characters before the date starts.
    expect(ind.date).toBe(2);
    expect(textWidthEm(issuer) + ind.issuer).toBeCloseTo(textWidthEm(date) + ind.date + 2, 5);
    const short = signatureIndents("中共某某市教育局委员会", date);
    expect(short.issuer).toBe(2);
    expect(textWidthEm("中共某某市教育局委员会") + 2).toBeCloseTo(textWidthEm(date) + short.date + 2, 5);
    expect(
      sign.map((c) =>
        String(c.value)
          .trimEnd()
          .replace(/[\u3000 ]+$/, ""),
      ),
    ).toEqual([issuer, date]);
    expect(String(sign[1]!.value).endsWith("\u3000\u3000")).toBe(true);
  });

  it("keeps a formula-like problem text as a plain string", () => {
    const b = bulletin([
      {
        kind: "table",
        caption: "表1",
        columns: [{ header: "反馈问题", width: 1, align: "left" }],
        rows: [["=SUM(A1)"]],
      },
    ]);
    const doc = layoutBulletin(b, "zh");
    expect(doc.cells.find((c) => c.value === "=SUM(A1)")).toBeDefined();
  });

  it("splits a paragraph taller than Excel's tallest row over several rows without losing a character", () => {
    const text = "整改工作要坚持问题导向，逐项对账销号。".repeat(60);
    const doc = layoutBulletin(bulletin([{ kind: "paragraph", text }]), "zh");
    const rows = doc.cells.filter((c) => c.style === "body" && String(c.value) !== "\u3000\u3000特此通报。");
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((c) => c.value).join("")).toBe(`\u3000\u3000${text}`);
    for (const c of rows) expect(doc.rowHeights[c.row]!).toBeLessThanOrEqual(409);
  });
});

describe("layoutBulletin: pages", () => {
  const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => [i + 1, `问题${i + 1}`]);
  const doc = layoutBulletin(
    bulletin([
      { kind: "paragraph", text: "开头。".repeat(40) },
      { kind: "heading", level: 1, text: "一、总体进展" },
      {
        kind: "table",
        caption: "表1　长表",
        columns: [
          { header: "序号", width: 1, align: "center" },
          { header: "反馈问题", width: 5, align: "left" },
        ],
        rows: rowsOf(60),
      },
      ...Array.from({ length: 12 }, (_, i) => [
        { kind: "heading" as const, level: 2 as const, text: `（${i + 1}）小标题` },
        { kind: "paragraph" as const, text: "正文内容。".repeat(30) },
      ]).flat(),
    ]),
    "zh",
  );
  const breaks = doc.rowBreaks ?? [];
  const pages = () => {
    const out: number[][] = [];
    let page: number[] = [];
    const rows = Object.keys(doc.rowHeights)
      .map(Number)
      .sort((a, b) => a - b);
    for (const r of rows) {
      if (breaks.includes(r)) {
        out.push(page);
        page = [];
      }
      page.push(r);
    }
    out.push(page);
    return out;
  };
  const valueAt = (row: number) => doc.cells.find((c) => c.row === row)?.value;

  it("breaks pages so that none holds more than a page of rows", () => {
    expect(breaks.length).toBeGreaterThan(1);
    for (const p of pages()) expect(p.reduce((s, r) => s + doc.rowHeights[r]!, 0)).toBeLessThanOrEqual(PAGE_HEIGHT_PT);
  });

  it("repeats a table's header row at the top of a page the table runs onto", () => {
    const headerRows = doc.cells.filter((c) => c.style === "th" && c.value === "序号").map((c) => c.row);
    expect(headerRows.length).toBeGreaterThan(1);
    for (const r of headerRows.slice(1)) expect(breaks).toContain(r);
    // Every data row is still there once, in order.
    const numbers = doc.cells.filter((c) => c.style === "td-center").map((c) => c.value);
    expect(numbers).toEqual(rowsOf(60).map((r) => r[0]));
  });

  it("never leaves a heading or a caption last on a page", () => {
    for (const p of pages().slice(0, -1)) {
      const last = doc.cells.filter((c) => c.row === p.at(-1));
      for (const c of last) expect(["h1", "h2", "caption", "th", "title"]).not.toContain(c.style);
    }
    // …nor a spacer first.
    for (const p of pages().slice(1)) expect(valueAt(p[0]!)).toBeDefined();
  });
});

describe("titleLines", () => {
  it("keeps a short title on one line", () => {
    expect(titleLines(["关于", "整改", "的通报"], 20)).toEqual(["关于整改的通报"]);
  });

  it("breaks between pieces into a trapezoid, the first line the longer", () => {
    const lines = titleLines(
      ["区教育委员会党委", "关于", "落实", "区委第二巡察组", "反馈意见", "整改进展情况的通报"],
      20,
    );
    expect(lines).toEqual(["区教育委员会党委关于落实区委第二巡察组", "反馈意见整改进展情况的通报"]);
    for (const l of lines) expect(textWidthEm(l)).toBeLessThanOrEqual(20);
  });

  it("breaks an English title at spaces", () => {
    const lines = titleLines(["Bulletin of X", " on the Progress of Rectification", " after the Feedback"], 30);
    expect(lines.join(" ")).toBe("Bulletin of X on the Progress of Rectification after the Feedback");
    for (const l of lines) expect(l).toBe(l.trim());
  });
});

describe("wrapLines", () => {
  it("wraps CJK by character and keeps closing punctuation off the line start", () => {
    expect(wrapLines("一二三四五六", 3)).toEqual(["一二三", "四五六"]);
    expect(wrapLines("一二三，四五", 3)).toEqual(["一二", "三，四", "五"]);
    expect(breakUnits("（一）甲")).toEqual(["（一）", "甲"]);
  });

  it("wraps Latin text by word and breaks a word only when it is longer than the line", () => {
    expect(wrapLines("aaaa bbbb cccc", 4)).toEqual(["aaaa ", "bbbb ", "cccc"]);
    expect(wrapLines("aaaaaaaaaaaaaaaaaaaa", 5)).toEqual(["aaaaaaaaa", "aaaaaaaaa", "aa"]);
    expect(wrapLines("a\nb", 10)).toEqual(["a", "b"]);
  });
});

describe("measuring, cached and short-cut", () => {
  it("gives each character the same width the first time and every time after (the width table is a cache)", () => {
    for (const ch of ["整", "a", "W", "i", " ", "，", "é", "😀", "Ω"]) {
      const first = charWidthEm(ch);
      expect(charWidthEm(ch)).toBe(first);
    }
    expect([
      charWidthEm("整"),
      charWidthEm("a"),
      charWidthEm("m"),
      charWidthEm("W"),
      charWidthEm("i"),
      charWidthEm(" "),
    ]).toEqual([1, 0.53, 0.85, 0.68, 0.32, 0.3]);
    // Outside the BMP: assumed wide (never cached in the table, still the same answer).
    expect(charWidthEm("😀")).toBe(1);
  });

  it("a text's width is its characters' widths added up, pairs and lone surrogates too", () => {
    const unit = fc.constantFrom(..."整改a W,i（", "😀", "\ud800", "\udc00", "\u3000", " ");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (t) => {
        let sum = 0;
        for (const ch of t) sum += charWidthEm(ch);
        expect(textWidthEm(t)).toBe(sum);
      }),
      { numRuns: 1000 },
    );
  });

  it("counts lines as wrapLines does, for any text and width (the one-line short cut changes nothing)", () => {
    // Every class of character the counting distinguishes: words and their joiners, spaces trimEnd
    // takes (full-width, tab, CR), punctuation kept with its neighbour, pairs and a lone surrogate.
    const units = [..."整改台账a b,W，。（）\n1😀", "\u3000", "\t", "\r", "-", ":", "“", "”", "é", "—", "\ud800"];
    const text = fc.string({ unit: fc.constantFrom(...units), maxLength: 80 });
    fc.assert(
      fc.property(text, fc.integer({ min: 10, max: 400 }), fc.constantFrom(9, 10.5, 12, 16), (t, px, pt) => {
        expect(linesNeeded(t, px, pt)).toBe(wrapLines(t, (cellTextWidthPt(px) * 0.95) / pt).length);
      }),
      { numRuns: 2000 },
    );
  });
});
