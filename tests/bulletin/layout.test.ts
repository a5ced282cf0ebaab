import { describe, expect, it } from "vitest";
import { buildBulletin } from "../../src/core/bulletin/build.js";
import { layoutBulletin } from "../../src/core/bulletin/layout.js";
import { breakUnits, wrapLines } from "../../src/core/bulletin/measure.js";
import type { Bulletin } from "../../src/core/bulletin/model.js";
import type { SheetDocument } from "../../src/core/sheet-document.js";
import { sampleLedger, sampleReport } from "./fixtures.js";

const names = { body: "市教育局党组", inspection: "市委第三巡察组" };
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
    expect(doc.page.footer).toBe("- &P -");
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
    expect(zh.styles["td-left"]!.font.size).toBe(12);
    expect(zh.styles.th).toMatchObject({ border: true, fill: "D9D9D9", wrap: true, font: { bold: true } });
    expect(zh.styles.signature!.horizontal).toBe("right");
  });

  it("indents paragraphs and headings by two full-width spaces, merged across the page", () => {
    const opening = zh.cells.find((c) => c.style === "body")!;
    expect(String(opening.value).startsWith("\u3000\u3000截至2025年7月1日")).toBe(true);
    expect(opening.colSpan).toBe(zh.columnWidths.length);
    expect(zh.cells.find((c) => c.style === "h1")!.value).toBe("\u3000\u3000一、总体进展");
  });

  it("lays a table out as a header row and one row per line, the 合计 spanning 序号 and 部门", () => {
    const caption = zh.cells.find((c) => c.value === "表1　各责任部门整改进展情况")!;
    const header = zh.cells.filter((c) => c.row === caption.row + 1);
    // Headers too wide for their column are broken evenly; the words stay the same.
    expect(header.map((c) => String(c.value).replace("\n", ""))).toEqual([
      "序号",
      "责任部门",
      "任务数",
      "已完成",
      "正在推进",
      "未启动",
      "进展未明",
      "逾期",
      "完成率",
    ]);
    for (const c of header) expect(String(c.value)).not.toMatch(/\n.$/);
    expect(header.every((c) => c.style === "th")).toBe(true);
    const total = zh.cells.filter((c) => c.row === caption.row + 8);
    expect(total.map((c) => c.value)).toEqual(["合计", 9, 3, 4, 1, 1, 2, "33.3%"]);
    expect(total[0]!.colSpan).toBe((header[0]!.colSpan ?? 1) + (header[1]!.colSpan ?? 1));
    // Every table row spans the full width.
    for (const r of [header, total]) expect(r.reduce((s, c) => s + (c.colSpan ?? 1), 0)).toBe(zh.columnWidths.length);
  });

  it("signs at the bottom right, the issuer centred over the date", () => {
    const sign = zh.cells.filter((c) => c.style === "signature");
    expect(sign.map((c) => c.value)).toEqual([
      "市教育局党组巡察整改工作领导小组办公室\u3000\u3000",
      "2025年7月1日\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000 ",
    ]);
  });

  it("keeps a formula-like problem text as a plain string", () => {
    const b: Bulletin = {
      title: "T",
      blocks: [{ kind: "table", columns: [{ header: "反馈问题", width: 1, align: "left" }], rows: [["=SUM(A1)"]] }],
    };
    const doc = layoutBulletin(b, "zh");
    expect(doc.cells.find((c) => c.value === "=SUM(A1)")).toBeDefined();
  });

  it("splits a paragraph taller than Excel's tallest row over several rows without losing a character", () => {
    const text = "整改工作要坚持问题导向，逐项对账销号。".repeat(60);
    const doc = layoutBulletin({ title: "T", blocks: [{ kind: "paragraph", text }] }, "zh");
    const rows = doc.cells.filter((c) => c.style === "body");
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.map((c) => c.value).join("")).toBe(`\u3000\u3000${text}`);
    for (const c of rows) expect(doc.rowHeights[c.row]!).toBeLessThanOrEqual(409);
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
