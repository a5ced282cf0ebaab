import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildBulletin } from "../../src/core/bulletin/build.js";
import { bulletinDocx, withoutGridSnap } from "../../src/core/bulletin/docx.js";
import { textWidthEm } from "../../src/core/bulletin/measure.js";
import { sampleLedger, sampleReport } from "./fixtures.js";

/**
 * The Word bulletin, read back from its XML (WordprocessingML, ECMA-376 Part 1): the GB/T 9704
 * page, the fonts by element, the tables a clerk edits, the page numbers. Rendering is checked
 * by eye (docs/bulletin-*.png); these pin the structure.
 */
const names = { body: "市教育局党组", inspection: "市委第三巡察组" };

async function unpack(lang: "zh" | "en") {
  const b = buildBulletin(sampleReport(lang), sampleLedger(), { lang, bulletin: names });
  const files = unzipSync(await bulletinDocx(b, lang));
  const text = (path: string) => strFromU8(files[path]!);
  const footers = Object.keys(files)
    .filter((p) => /^word\/footer\d+\.xml$/.test(p))
    .map(text);
  return {
    b,
    files,
    doc: text("word/document.xml"),
    styles: text("word/styles.xml"),
    fonts: text("word/fontTable.xml"),
    settings: text("word/settings.xml"),
    footers,
  };
}

const zh = await unpack("zh");
const en = await unpack("en");

/** Paragraph XML elements whose text contains `needle`. */
function paragraphsWith(xml: string, needle: string): string[] {
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)]
    .map((m) => m[0])
    .filter((p) => visible(p).includes(needle));
}
/** The text a reader sees: every w:t's content. */
function visible(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

describe("bulletinDocx (zh): GB/T 9704", () => {
  it("is an A4 page with margins 37/35/28/26 mm on a 22-line grid", () => {
    expect(zh.doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const mar = /<w:pgMar ([^>]*)\/>/.exec(zh.doc)![1]!;
    const tw = (mm: number) => String(Math.round((mm * 1440) / 25.4));
    expect(mar).toContain(`w:top="${tw(37)}"`);
    expect(mar).toContain(`w:bottom="${tw(35)}"`);
    expect(mar).toContain(`w:left="${tw(28)}"`);
    expect(mar).toContain(`w:right="${tw(26)}"`);
    // 225 mm / 22 lines = 28.95 pt = 579 twips.
    expect(zh.doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"/);
    const bodyPara = paragraphsWith(zh.doc, "现将整改进展情况通报如下")[0]!;
    expect(bodyPara).toContain('w:line="579" w:lineRule="exact"');
    // 28 characters of 3号 in 156 mm: condensed by 0.2 pt.
    expect(bodyPara).toContain('<w:spacing w:val="-4"/>');
  });

  it("names the official font of each element, and their fallbacks in the font table", () => {
    const font = (needle: string) => /w:eastAsia="([^"]+)"/.exec(paragraphsWith(zh.doc, needle)[0]!)?.[1];
    expect(font("整改进展情况的通报")).toBe("方正小标宋简体");
    expect(font("现将整改进展情况通报如下")).toBe("仿宋_GB2312");
    expect(font("一、整改工作总体进展")).toBe("黑体");
    expect(font("（一）各责任部门整改进展")).toBe("楷体_GB2312");
    expect(zh.fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>');
    expect(zh.fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(zh.fonts).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
    expect(zh.fonts).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei"/>');
  });

  it("centres the 2号 title and breaks it between words", () => {
    const title = paragraphsWith(zh.doc, "整改进展情况的通报")[0]!;
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain("<w:br/>");
    expect(visible(title)).toBe("市教育局党组关于落实市委第三巡察组反馈意见整改进展情况的通报");
    expect([...title.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual([
      "市教育局党组关于落实市委第三巡察组",
      "反馈意见整改进展情况的通报",
    ]);
  });

  it("keeps headings and captions with what follows, and indents body text two characters", () => {
    for (const needle of ["一、整改工作总体进展", "（一）各责任部门整改进展", "表1　各责任部门整改进展情况"]) {
      expect(paragraphsWith(zh.doc, needle)[0]).toContain("<w:keepNext/>");
    }
    expect(paragraphsWith(zh.doc, "现将整改进展情况通报如下")[0]).toContain('w:firstLine="640"');
  });

  it("makes real tables whose header rows repeat and whose rows do not split", () => {
    const tables = [...zh.doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBe(zh.b.blocks.filter((x) => x.kind === "table").length);
    for (const t of tables) {
      const rows = [...t.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      expect(rows[0]).toContain("<w:tblHeader/>");
      for (const r of rows) expect(r).toContain("<w:cantSplit/>");
      for (const r of rows.slice(1)) expect(r).not.toContain("<w:tblHeader/>");
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
    }
    // Table text keeps off the 28.95 pt line grid (its style has snapToGrid off).
    expect(zh.styles).toMatch(/w:styleId="BulletinTableText"[\s\S]*?<w:snapToGrid w:val="0"\/>[\s\S]*?<\/w:style>/);
  });

  it("numbers the pages `— 1 —`, odd right and even left, in 4号 宋体", () => {
    expect(zh.settings).toContain("<w:evenAndOddHeaders/>");
    expect(zh.footers).toHaveLength(2);
    for (const f of zh.footers) {
      expect(f).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(visible(f)).toBe("—  —");
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    const odd = zh.footers.find((f) => f.includes('<w:jc w:val="right"/>'));
    const even = zh.footers.find((f) => f.includes('<w:jc w:val="left"/>'));
    expect(odd).toContain('w:right="280"');
    expect(even).toContain('w:left="280"');
  });

  it("has 主送, 特此通报 and the signature above the date, both right", () => {
    expect(paragraphsWith(zh.doc, "各有关部门（单位）：")[0]).toContain('<w:jc w:val="left"/>');
    expect(paragraphsWith(zh.doc, "特此通报。")).toHaveLength(1);
    const issuer = paragraphsWith(zh.doc, "市教育局党组").at(-1)!;
    const date = paragraphsWith(zh.doc, "2025年7月1日").at(-1)!;
    expect(visible(issuer)).toBe("市教育局党组");
    expect(issuer).toContain('<w:jc w:val="right"/>');
    expect(date).toContain('<w:jc w:val="right"/>');
    expect(zh.doc.indexOf(visible(issuer) + "</w:t>", zh.doc.indexOf("特此通报"))).toBeLessThan(
      zh.doc.lastIndexOf("2025年7月1日"),
    );
  });

  it("starts the date two characters right of the issuer, counting the quarter character Word puts between 年 and its figures", () => {
    // GB/T 9704 7.3.5.2 (unsealed). Word and LibreOffice space Chinese from figures by default
    // (w:autoSpaceDN): "2025年7月1日" sets a character and a quarter wider; counted as 6, the date
    // started one character right of the issuer, not two (render of 2026-12-03).
    const right = (p: string) => Number(/<w:ind [^>]*w:right="(\d+)"/.exec(p)![1]) / (16 * 20);
    const issuer = paragraphsWith(zh.doc, "市教育局党组").at(-1)!;
    const date = paragraphsWith(zh.doc, "2025年7月1日").at(-1)!;
    const issuerStart = right(issuer) + textWidthEm("市教育局党组");
    const dateStart = right(date) + textWidthEm("2025年7月1日") + 5 * 0.25; // 2025年, 年7, 7月, 月1, 1日
    expect(issuerStart - dateStart).toBeCloseTo(2, 1);
    expect(right(date)).toBeCloseTo(2, 1);
  });

  it("keeps a table's last row with its 合计 row, never the total alone on a page", () => {
    // The bulletin sweep of 2026-12-03: a page holding only the repeated header and 合计.
    const tableXml = [...zh.doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
      .map((m) => m[0])
      .find((t) => t.includes("合计"))!;
    const rows = [...tableXml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>|<w:tr [\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(visible(rows.at(-1)!)).toContain("合计");
    expect(rows.at(-2)).toContain("<w:keepNext/>");
    expect(rows.at(-3)).not.toContain("<w:keepNext/>");
  });

  it("prints no cell address, row number or formula", () => {
    const all = visible(zh.doc);
    expect(all).not.toMatch(/\b[A-Z]{1,3}\d+\b/);
    expect(all).not.toContain("行号");
    expect(all).not.toContain("单元格");
    expect(all).not.toContain("=");
  });
});

describe("bulletinDocx: any text", () => {
  it("carries no character XML 1.0 cannot (U+FFFE, U+FFFF from a cell): Word refuses such a file", async () => {
    // The hostile sweep of 2026-12-03: a department typed with U+FFFF gave a document.xml no XML parser reads.
    const b = buildBulletin(sampleReport("zh"), sampleLedger(), {
      lang: "zh",
      bulletin: { body: "市教育局党组\uffff", inspection: "市委第三巡察组\ufffe" },
    });
    const doc = strFromU8(unzipSync(await bulletinDocx(b, "zh"))["word/document.xml"]!);
    expect(doc).not.toMatch(/[\ufffe\uffff]/);
    expect(visible(doc)).toContain("市教育局党组");
  });
});

describe("bulletinDocx (en)", () => {
  it("has the same tables and plain English page numbers, centred, the same on every page", () => {
    const count = (xml: string) => (xml.match(/<w:tbl>/g) ?? []).length;
    expect(count(en.doc)).toBe(count(zh.doc));
    expect(en.settings).not.toContain("<w:evenAndOddHeaders/>");
    expect(en.footers).toHaveLength(1);
    expect(en.footers[0]).toContain('<w:jc w:val="center"/>');
    expect(visible(en.doc)).toContain("This bulletin is hereby issued.");
    expect(en.doc).not.toContain('<w:docGrid w:type="lines"');
  });
});

describe("withoutGridSnap", () => {
  it("puts snapToGrid before spacing, in the order the schema requires, or adds a pPr", () => {
    const xml =
      '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:pPr><w:keepNext/><w:spacing w:line="240"/><w:jc w:val="left"/></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:rPr><w:b/></w:rPr></w:style>';
    expect(withoutGridSnap(xml, ["A", "B"])).toBe(
      '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:line="240"/><w:jc w:val="left"/></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:pPr><w:snapToGrid w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>',
    );
  });
});
