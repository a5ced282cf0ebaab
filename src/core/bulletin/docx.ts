import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from "docx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Catalogue, Lang } from "../i18n.js";
import { DOCX_KEYWORD } from "../marks-state.js";
import { textWidthEm, titleLines } from "./measure.js";
import { titleText, type Alignment, type Block, type Bulletin, type TableBlock } from "./model.js";
import { signatureIndents } from "./layout.js";

/**
 * The bulletin as a Word document (.docx), laid out per GB/T 9704-2012 (DOMAIN.md's table):
 * A4, margins 37/35/28/26 mm, a 22-line × 28-character grid, 2号 小标宋 title, 3号 仿宋 text,
 * 黑体 and 楷体 headings, `— 1 —` page numbers right on odd pages and left on even ones.
 * Real paragraphs and tables, so the clerk edits it in Word or WPS as any 公文: table header
 * rows repeat on each page, rows are not split, headings and captions keep with what follows.
 *
 * Pure JS (the `docx` package, no Node APIs): the CLI writes the bytes to a file, the task pane
 * wraps them in a Blob.
 */

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** 1 mm in twentieths of a point (twips). */
const MM = 1440 / 25.4;
const PT = 20;

interface Face {
  /** East Asian face, as GB/T 9704 names it, and the Latin face for digits and letters. */
  eastAsia: string;
  latin: string;
  /** Points. */
  size: number;
  bold?: boolean;
}

/** How a language's bulletin looks in Word. */
export interface DocxLook {
  faces: { title: Face; body: Face; h1: Face; h2: Face; table: Face; caption: Face; pageNumber: Face };
  /** Fonts named with the ones Word should use when they are missing (fontTable altName). */
  fallbacks: Record<string, string>;
  margins: { top: number; bottom: number; left: number; right: number; footer: number };
  /** Exact line pitch of body text, points; `grid` adds Word's document grid. */
  linePt: number;
  titleLinePt: number;
  grid?: { linePitch: number };
  /** Points by which body-size text is condensed to fit the characters a line. */
  bodyCondensePt: number;
  /** First-line indent of body paragraphs, in characters of the body face. */
  indentChars: number;
  /** Space after a paragraph, points (GB/T 9704 has none; English prose has some). */
  afterPt: number;
  /** The page number: text around it, where it stands on odd and even pages. */
  pageNumber: { before: string; after: string; odd: Alignment; even: Alignment; inChars: number };
  /** Signature and date positions from the right, in characters; English signs flush left. */
  signatureAlign: Alignment;
  language: { eastAsia?: string; value: string };
}

const ZH_FALLBACKS = {
  方正小标宋简体: "华文中宋",
  华文中宋: "宋体",
  仿宋_GB2312: "仿宋",
  楷体_GB2312: "楷体",
  黑体: "SimHei",
  宋体: "SimSun",
};

export const DOCX_LOOK = {
  zh: {
    faces: {
      title: { eastAsia: "方正小标宋简体", latin: "Times New Roman", size: 22 },
      body: { eastAsia: "仿宋_GB2312", latin: "Times New Roman", size: 16 },
      h1: { eastAsia: "黑体", latin: "Times New Roman", size: 16 },
      h2: { eastAsia: "楷体_GB2312", latin: "Times New Roman", size: 16 },
      table: { eastAsia: "仿宋_GB2312", latin: "Times New Roman", size: 10.5 },
      caption: { eastAsia: "黑体", latin: "Times New Roman", size: 10.5 },
      pageNumber: { eastAsia: "宋体", latin: "宋体", size: 14 },
    },
    fallbacks: ZH_FALLBACKS,
    margins: { top: 37, bottom: 35, left: 28, right: 26, footer: 23 },
    // 225 mm of text in 22 lines: 28.95 pt a line, on a line grid of that pitch. 156 mm in 28
    // characters of 3号 (16 pt) is a pitch of 15.8 pt: body text is condensed by 0.2 pt. (A
    // character grid, docGrid charSpace −842, does the same in Word but LibreOffice spreads
    // the text to half as many characters a line.)
    linePt: 28.95,
    titleLinePt: 35,
    grid: { linePitch: 579 },
    bodyCondensePt: 0.2,
    indentChars: 2,
    afterPt: 0,
    pageNumber: { before: "— ", after: " —", odd: "right", even: "left", inChars: 1 },
    signatureAlign: "right",
    language: { eastAsia: "zh-CN", value: "zh-CN" },
  },
  en: {
    faces: {
      title: { eastAsia: "Times New Roman", latin: "Times New Roman", size: 16, bold: true },
      body: { eastAsia: "Times New Roman", latin: "Times New Roman", size: 12 },
      h1: { eastAsia: "Arial", latin: "Arial", size: 13, bold: true },
      h2: { eastAsia: "Arial", latin: "Arial", size: 12, bold: true },
      table: { eastAsia: "Times New Roman", latin: "Times New Roman", size: 9 },
      caption: { eastAsia: "Arial", latin: "Arial", size: 9.5, bold: true },
      pageNumber: { eastAsia: "Times New Roman", latin: "Times New Roman", size: 11 },
    },
    fallbacks: { "Times New Roman": "Liberation Serif", Arial: "Liberation Sans" },
    margins: { top: 25.4, bottom: 25.4, left: 25.4, right: 25.4, footer: 12.7 },
    linePt: 16,
    titleLinePt: 22,
    bodyCondensePt: 0,
    indentChars: 0,
    afterPt: 6,
    pageNumber: { before: "", after: "", odd: "center", even: "center", inChars: 0 },
    signatureAlign: "left",
    language: { value: "en-GB" },
  },
} satisfies Catalogue<DocxLook>;

const A4 = { width: 11906, height: 16838 };
/** Paragraph styles kept off the line grid (see withoutGridSnap). */
const TITLE_STYLE = "BulletinTitle";
const TABLE_STYLE = "BulletinTableText";

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

const NON_CHARACTERS = /[\ufffe\uffff]/g;

/** The Word document of a bulletin. */
export function bulletinDocument(b: Bulletin, lang: Lang): Document {
  const look: DocxLook = DOCX_LOOK[lang];
  const f = look.faces;
  const textWidth = Math.round(A4.width - (look.margins.left + look.margins.right) * MM);
  const run = (face: Face, text: string, extra: Partial<IRunOptions> = {}): TextRun =>
    new TextRun({
      // The docx package drops the control characters XML cannot carry, not U+FFFE and U+FFFF
      // (XML 1.0 §2.2 Char): one of them in a cell made a document Word refuses.
      text: text.replace(NON_CHARACTERS, ""),
      font: { eastAsia: face.eastAsia, ascii: face.latin, hAnsi: face.latin },
      size: face.size * 2,
      ...(face.bold ? { bold: true } : {}),
      language: look.language,
      ...(face.size === f.body.size && look.bodyCondensePt > 0
        ? { characterSpacing: -Math.round(look.bodyCondensePt * PT) }
        : {}),
      ...extra,
    });
  const exact = (pt: number) => ({ line: Math.round(pt * PT), lineRule: LineRuleType.EXACT });
  const indent = look.indentChars > 0 ? { firstLine: Math.round(look.indentChars * f.body.size * PT) } : undefined;
  const body = (children: TextRun[], extra: Record<string, unknown> = {}) =>
    new Paragraph({
      children,
      alignment: AlignmentType.JUSTIFIED,
      spacing: { ...exact(look.linePt), after: look.afterPt * PT },
      ...(indent ? { indent } : {}),
      ...extra,
    });

  const children: (Paragraph | Table)[] = [];
  // 2号 小标宋, centred, broken between words into a trapezoid; one blank line below (GB/T 9704 7.3.1).
  const titleEm = textWidth / PT / f.title.size;
  const lines = titleLines(b.title, titleEm * 0.98);
  children.push(
    new Paragraph({
      style: TITLE_STYLE,
      children: lines.flatMap((line, i) => [run(f.title, line, i > 0 ? { break: 1 } : {})]),
      alignment: AlignmentType.CENTER,
      spacing: { ...exact(look.titleLinePt), after: Math.round(look.linePt * PT) },
      keepNext: true,
      keepLines: true,
    }),
  );
  if (b.recipient) {
    children.push(
      new Paragraph({
        children: [run(f.body, b.recipient)],
        alignment: AlignmentType.LEFT,
        spacing: { ...exact(look.linePt), after: look.afterPt * PT },
      }),
    );
  }
  b.blocks.forEach((block, i) => {
    // Without a 特此通报, the last paragraph (a notice's 请于…报送) keeps the signature company.
    const last = !b.closing && i === b.blocks.length - 1;
    children.push(...blockParts(block, last));
  });
  // 特此通报 stays on the page of the signature, which never stands alone.
  if (b.closing) children.push(body([run(f.body, b.closing)], { keepNext: true }));

  // Unsealed signature (GB/T 9704 7.3.5.2): one blank line, then the issuer two characters in
  // from the right, the date below starting two characters further right.
  children.push(new Paragraph({ children: [], spacing: exact(look.linePt), keepNext: true }));
  const ind = signatureIndents(b.signature.issuer, b.signature.date, true);
  const charTw = f.body.size * PT;
  const sign = (text: string, rightChars: number, keepNext: boolean) =>
    new Paragraph({
      children: [run(f.body, text)],
      alignment: ALIGN[look.signatureAlign],
      spacing: exact(look.linePt),
      ...(look.signatureAlign === "right" ? { indent: { right: Math.round(rightChars * charTw) } } : {}),
      keepNext,
      keepLines: true,
    });
  children.push(sign(b.signature.issuer, ind.issuer, true), sign(b.signature.date, ind.date, false));

  const pn = look.pageNumber;
  const numberFooter = (align: Alignment) =>
    new Footer({
      children: [
        new Paragraph({
          alignment: ALIGN[align],
          indent: {
            ...(align === "right" ? { right: Math.round(pn.inChars * f.pageNumber.size * PT) } : {}),
            ...(align === "left" ? { left: Math.round(pn.inChars * f.pageNumber.size * PT) } : {}),
          },
          children: [
            run(f.pageNumber, pn.before),
            run(f.pageNumber, "", { children: [PageNumber.CURRENT] }),
            run(f.pageNumber, pn.after),
          ],
        }),
      ],
    });

  // The properties Word shows: the bulletin's title and its issuer (the docx package would say
  // "Un-named"), and our keyword, by which the CLI knows a file it may replace (cli/output-file).
  const author = b.signature.issuer.replace(NON_CHARACTERS, "") || DOCX_KEYWORD;
  return new Document({
    title: titleText(b).replace(NON_CHARACTERS, ""),
    creator: author,
    lastModifiedBy: author,
    keywords: DOCX_KEYWORD,
    evenAndOddHeaderAndFooters: pn.odd !== pn.even,
    styles: {
      paragraphStyles: [
        { id: TITLE_STYLE, name: "Bulletin Title", basedOn: "Normal", next: "Normal", quickFormat: true },
        { id: TABLE_STYLE, name: "Bulletin Table Text", basedOn: "Normal", quickFormat: true },
      ],
      default: {
        document: {
          run: {
            font: { eastAsia: f.body.eastAsia, ascii: f.body.latin, hAnsi: f.body.latin },
            size: f.body.size * 2,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: Math.round(look.margins.top * MM),
              bottom: Math.round(look.margins.bottom * MM),
              left: Math.round(look.margins.left * MM),
              right: Math.round(look.margins.right * MM),
              header: Math.round(15 * MM),
              footer: Math.round(look.margins.footer * MM),
            },
          },
          ...(look.grid
            ? {
                grid: { type: DocumentGridType.LINES, linePitch: look.grid.linePitch },
              }
            : {}),
        },
        footers: {
          default: numberFooter(pn.odd),
          ...(pn.odd !== pn.even ? { even: numberFooter(pn.even) } : {}),
        },
        children,
      },
    ],
  });

  /** `keepNext`: a paragraph stays on the page of what follows (the signature). */
  function blockParts(block: Block, keepNext = false): (Paragraph | Table)[] {
    switch (block.kind) {
      case "heading": {
        const face = block.level === 1 ? f.h1 : f.h2;
        return [
          body([run(face, block.text)], {
            alignment: AlignmentType.LEFT,
            keepNext: true,
            keepLines: true,
            outlineLevel: block.level - 1,
          }),
        ];
      }
      case "paragraph":
        return [
          body(
            block.lead ? [run(f.body, block.lead), run(f.body, block.text)] : [run(f.body, block.text)],
            keepNext ? { keepNext: true, keepLines: true } : {},
          ),
        ];
      case "table":
        return [
          ...(block.caption ? [caption(block.caption)] : []),
          table(block),
          // Air below the table; an empty paragraph is also what Word needs between two tables.
          new Paragraph({
            children: [],
            spacing: { line: Math.round(f.table.size * 1.2 * PT), lineRule: LineRuleType.EXACT },
          }),
        ];
    }
  }

  function caption(text: string): Paragraph {
    return new Paragraph({
      children: [run(f.caption, text)],
      alignment: AlignmentType.CENTER,
      spacing: { before: Math.round(f.caption.size * 0.5 * PT), after: Math.round(f.caption.size * 0.3 * PT) },
      keepNext: true,
      keepLines: true,
    });
  }

  function table(t: TableBlock): Table {
    const total = t.columns.reduce((s, c) => s + c.width, 0);
    const widths = t.columns.map((c) => Math.floor((textWidth * c.width) / total));
    const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
    const cell = (value: string | number, i: number, span: number, header: boolean, bold: boolean, keep: boolean) => {
      const width = widths.slice(i, i + span).reduce((a, b) => a + b, 0);
      const align: Alignment = header ? "center" : (t.columns[i]?.align ?? "left");
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        ...(span > 1 ? { columnSpan: span } : {}),
        verticalAlign: VerticalAlign.CENTER,
        margins: { left: 50, right: 50, top: 50, bottom: 50 },
        ...(header ? { shading: { type: ShadingType.CLEAR, fill: "D9D9D9", color: "auto" } } : {}),
        children: (header ? balanced(String(value), (width - 100) / (f.table.size * PT)) : String(value))
          .split("\n")
          .map(
            (line) =>
              new Paragraph({
                style: TABLE_STYLE,
                // Off the character grid, and an exact pitch (which Word does not snap to the line
                // grid): on the grid every table line would take 28.95 pt.
                children: [run(f.table, line, { snapToGrid: false, ...(header || bold ? { bold: true } : {}) })],
                alignment: ALIGN[align],
                spacing: exact(f.table.size * 1.3),
                ...(keep ? { keepNext: true } : {}),
              }),
          ),
      });
    };
    /** `keep`: the row stays on the page of the next (the last row with the 合计 row, never that alone on a page). */
    const row = (values: (string | number)[], header: boolean, bold: boolean, keep = false) => {
      const cells: TableCell[] = [];
      for (let i = 0; i < values.length; i++) {
        if (bold && values[i] === "" && i > 0) continue;
        let span = 1;
        if (bold) while (i + span < values.length && values[i + span] === "") span++;
        cells.push(cell(values[i]!, i, span, header, bold, keep));
      }
      return new TableRow({
        children: cells,
        cantSplit: true,
        ...(header ? { tableHeader: true, keepNext: true } : {}),
      });
    };
    return new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: [
        row(
          t.columns.map((c) => c.header),
          true,
          false,
        ),
        ...t.rows.map((r, i) => row(r, false, false, t.total !== undefined && i === t.rows.length - 1)),
        ...(t.total ? [row(t.total, false, true)] : []),
      ],
    });
  }
}

/**
 * A Chinese header a little too wide for its column is broken into two even lines (正在 /
 * 推进), not left to wrap one character onto the second line (正在推 / 进).
 */
function balanced(text: string, charsPerLine: number): string {
  const chars = Array.from(text);
  if (text.includes("\n") || !chars.every((c) => textWidthEm(c) === 1)) return text;
  if (chars.length <= Math.floor(charsPerLine) || chars.length > 2 * Math.floor(charsPerLine)) return text;
  const half = Math.ceil(chars.length / 2);
  return `${chars.slice(0, half).join("")}\n${chars.slice(half).join("")}`;
}

/**
 * The font table, naming for each official font the one Word should use when it is missing
 * (`w:altName`, ECMA-376 Part 1 §17.8.3.1): a PC without 方正小标宋简体 shows 华文中宋, and so on.
 * GB2312 charset (86) lets Word pick an installed Chinese font for the rest.
 */
export function fontTableXml(look: DocxLook): string {
  const names = new Set<string>();
  for (const face of Object.values(look.faces)) {
    names.add(face.eastAsia);
    names.add(face.latin);
  }
  for (const [name, alt] of Object.entries(look.fallbacks)) names.add(name).add(alt);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const fonts = [...names].map((name) => {
    const cjk = /[^\x00-\x7f]/.test(name) || /^Sim/.test(name);
    const alt = look.fallbacks[name];
    return (
      `<w:font w:name="${esc(name)}">` +
      (alt ? `<w:altName w:val="${esc(alt)}"/>` : "") +
      `<w:charset w:val="${cjk ? "86" : "00"}"/>` +
      `<w:family w:val="${cjk ? "modern" : "roman"}"/>` +
      `<w:pitch w:val="${cjk ? "fixed" : "variable"}"/>` +
      `</w:font>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    fonts.join("") +
    "</w:fonts>"
  );
}

/** The .docx file's bytes. The pane wraps them: `new Blob([bytes], { type: DOCX_MIME })`. */
export async function bulletinDocx(b: Bulletin, lang: Lang): Promise<Uint8Array> {
  const packed = await Packer.pack(bulletinDocument(b, lang), "uint8array", false, [
    { path: "word/fontTable.xml", data: fontTableXml(DOCX_LOOK[lang]) },
  ]);
  const files = unzipSync(packed);
  const styles = files["word/styles.xml"];
  if (styles) files["word/styles.xml"] = strToU8(withoutGridSnap(strFromU8(styles), [TITLE_STYLE, TABLE_STYLE]));
  return zipSync(files);
}

/** pPr children that come after snapToGrid in CT_PPrBase's sequence (ECMA-376 Part 1 §17.3.1.26). */
const AFTER_SNAP =
  /<w:(?:spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|cnfStyle|rPr|sectPr|pPrChange)\b/;

/**
 * Sets `<w:snapToGrid w:val="0"/>` on the named paragraph styles. On the document's line grid
 * every line takes a whole 28.95 pt pitch: right for body text (22 lines a page), wrong for
 * the 2号 title (LibreOffice gives each title line two pitches) and for table text, whose
 * lines would be twice as tall as they need. The docx package has no paragraph snapToGrid.
 */
export function withoutGridSnap(stylesXml: string, ids: string[]): string {
  let out = stylesXml;
  for (const id of ids) {
    out = out.replace(new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`), (style) => {
      const snap = '<w:snapToGrid w:val="0"/>';
      if (!style.includes("<w:pPr>")) return style.replace(/(<w:rPr>|<\/w:style>)/, `<w:pPr>${snap}</w:pPr>$1`);
      return style.replace(/<w:pPr>([\s\S]*?)<\/w:pPr>/, (_, inner: string) => {
        const at = inner.search(AFTER_SNAP);
        return `<w:pPr>${at < 0 ? inner + snap : inner.slice(0, at) + snap + inner.slice(at)}</w:pPr>`;
      });
    });
  }
  return out;
}
