import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Mark } from "../../../src/hosts/workbook.js";
import { openWorkbookFile } from "../../../src/hosts/xlsx/open.js";
import { OUR_PERSON_ID } from "../../../src/hosts/xlsx/threads-patch.js";
import { handXlsx } from "./handmade.js";
import { inspect, libreofficeResave, type Inspected, parts, tempDir, text, writeTemp } from "./writer-helpers.js";

/**
 * Cells with a thread (Excel 365's comments, MS-XLSX §2.6.205 CT_ThreadedComment). Excel 365
 * shows the thread, and the legacy note on the cell is only the placeholder it writes for other
 * programs, in the shape of a real Excel file (bdkoepke/delaythis's comments1.xml: author
 * `tc={id}`, `xr:uid` = the thread's id, text "[Threaded comment] … Comment:\n    …") and with
 * replies written "\nReply:\n    …" (SheetJS/sheetjs#2542). Our paragraph must reach both, and
 * clearing must give both back as they were.
 */

const TOP = "{F3E8FF35-69F1-4842-8355-884098ABAF67}";
const CLERK_REPLY = "{0D3B1C2A-5E6F-4A7B-8C9D-0E1F2A3B4C5D}";
const OTHER = "{97236E1F-9B84-4B6E-80B8-E799C71990FF}";
const PERSON = "{77A89F2F-6A4A-4BE1-869B-05936986032F}";
const PLACEHOLDER =
  "[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel. Learn more: https://go.microsoft.com/fwlink/?linkid=870924\n\nComment:\n    ";

const THREADS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<threadedComment ref="B2" dT="2025-06-20T09:00:00.00" personId="${PERSON}" id="${TOP}"><text>请于周五前确认时限</text></threadedComment>` +
  `<threadedComment ref="B2" dT="2025-06-21T09:00:00.00" personId="${PERSON}" id="${CLERK_REPLY}" parentId="${TOP}"><text>已催办</text></threadedComment>` +
  `<threadedComment ref="D2" dT="2025-06-20T10:00:00.00" personId="${PERSON}" id="${OTHER}"><text>无需处理</text></threadedComment>` +
  `</ThreadedComments>`;

const PERSONS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><person displayName="王科长" id="${PERSON}" userId="wang@example.gov.cn" providerId="None"/></personList>`;

const placeholder = (text: string) => `${PLACEHOLDER}${text}`;
const legacy = (ref: string, author: number, uid: string, body: string) =>
  `<comment ref="${ref}" authorId="${author}" shapeId="0" xr:uid="${uid}"><text><t xml:space="preserve">${body}</t></text></comment>`;

const COMMENTS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
  `<authors><author>tc=${TOP}</author><author>tc=${OTHER}</author><author>张三</author></authors><commentList>` +
  legacy("B2", 0, TOP, placeholder("请于周五前确认时限\nReply:\n    已催办")) +
  legacy("D2", 1, OTHER, placeholder("无需处理")) +
  `<comment ref="C3" authorId="2" shapeId="0"><text><t>请核实</t></text></comment>` +
  `</commentList></comments>`;

const shape = (n: number, row: number, col: number) =>
  `<v:shape id="_x0000_s${n}" type="#_x0000_t202" style="position:absolute;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:textbox/><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
const VML =
  `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
  shape(1025, 1, 1) +
  shape(1026, 1, 3) +
  shape(1027, 2, 2) +
  `</xml>`;

/** A ledger sheet Excel 365 saved with two threads (B2 with a reply, D2), a legacy note (C3) and the person list. */
function excel365Book(): Uint8Array {
  const base = handXlsx({
    sheets: [
      {
        name: "台账",
        rows:
          `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
          `<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>4</v></c><c r="D2" t="s"><v>5</v></c></row>` +
          `<row r="3"><c r="A3"><v>2</v></c><c r="C3" t="s"><v>6</v></c></row>`,
        after: `<legacyDrawing r:id="rId2"/>`,
      },
    ],
    strings: ["序号", "时限", "措施", "部门", "尽快", "办公室", "开会学习"],
  });
  const files = unzipSync(base);
  const put = (name: string, xml: string) => (files[name] = strToU8(xml));
  put(
    "[Content_Types].xml",
    text(files["[Content_Types].xml"]).replace(
      "</Types>",
      `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
        // openpyxl finds shared strings and styles by their content types, which handXlsx leaves to the default.
        `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>` +
        `<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>` +
        `<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/></Types>`,
    ),
  );
  put(
    "xl/_rels/workbook.xml.rels",
    text(files["xl/_rels/workbook.xml.rels"]).replace(
      "</Relationships>",
      `<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/></Relationships>`,
    ),
  );
  put(
    "xl/worksheets/_rels/sheet1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>`,
  );
  put("xl/comments1.xml", COMMENTS);
  put("xl/drawings/vmlDrawing1.vml", VML);
  put("xl/threadedComments/threadedComment1.xml", THREADS);
  put("xl/persons/person.xml", PERSONS);
  return zipSync(files);
}

const MARKS: Mark[] = [
  { row: 2, col: 2, severity: "error", note: "整改时限“尽快”无法识别" },
  { row: 3, col: 3, severity: "warning", note: "疑似纸面整改" },
  { row: 3, col: 4, severity: "error", note: "未填写责任部门" },
];
const OURS_B2 = "【整改台账校验】整改时限“尽快”无法识别";

async function marked(bytes: Uint8Array, marks = MARKS): Promise<Uint8Array> {
  const book = await openWorkbookFile(bytes, "台账.xlsx");
  await book.writeMarks("台账", marks);
  return book.toBuffer();
}

async function cleared(bytes: Uint8Array): Promise<Uint8Array> {
  const book = await openWorkbookFile(bytes, "台账.xlsx");
  await book.clearMarks("台账");
  return book.toBuffer();
}

const ourReplies = (threads: string) =>
  [...threads.matchAll(/<threadedComment\b[^>]*personId="([^"]+)"[^>]*>[\s\S]*?<\/threadedComment>/g)]
    .filter((m) => m[1] === OUR_PERSON_ID)
    .map((m) => m[0]);

function commentOf(comments: string, ref: string): string {
  return new RegExp(`<comment ref="${ref}"[\\s\\S]*?</comment>`).exec(comments)?.[0] ?? "";
}
const plain = (xml: string) =>
  [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]!.replace(/&quot;/g, '"')).join("");

describe("a cell with a thread (Excel 365's comments)", () => {
  it("gets our paragraph as a reply in its thread, by our person, and in the placeholder note as Excel writes a reply", async () => {
    const original = excel365Book();
    const out = parts(await marked(original));
    const threads = text(out["xl/threadedComments/threadedComment1.xml"]);
    const replies = ourReplies(threads);
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply).toMatch(
      new RegExp(`^<threadedComment ref="B2" dT="\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d\\d" `),
    );
    expect(reply).toContain(`parentId="${TOP}"`);
    expect(reply).toContain(`<text>${OURS_B2}</text>`);
    // After the clerk's reply, the end of B2's thread; every element of theirs as it was.
    expect(threads.replace(reply, "")).toBe(THREADS);
    expect(threads.indexOf(reply)).toBe(THREADS.indexOf(`<threadedComment ref="D2"`));
    // Our reply's personId names a person (MS-XLSX §2.6.205): ours, added to the list.
    const persons = text(out["xl/persons/person.xml"]);
    expect(persons).toContain(`id="${OUR_PERSON_ID}"`);
    expect(persons.replace(/<person displayName="ledger-check"[^>]*\/>/, "")).toBe(PERSONS);

    const comments = text(out["xl/comments1.xml"]);
    expect(plain(commentOf(comments, "B2"))).toBe(
      placeholder(`请于周五前确认时限\nReply:\n    已催办\nReply:\n    ${OURS_B2}`),
    );
    // The placeholder keeps its author and uid, which tie it to the thread.
    expect(commentOf(comments, "B2")).toMatch(
      new RegExp(`^<comment ref="B2" authorId="0" shapeId="0" xr:uid="${TOP}">`),
    );
    // A note without a thread is merged as before; a thread we have nothing for is untouched.
    expect(plain(commentOf(comments, "C3"))).toBe("请核实\n【整改台账校验】疑似纸面整改");
    expect(commentOf(comments, "D2")).toBe(commentOf(COMMENTS, "D2"));
    expect(plain(commentOf(comments, "D3"))).toBe("【整改台账校验】未填写责任部门");
  });

  it("clearing gives the thread, the person list and the notes back byte for byte", async () => {
    const original = excel365Book();
    const back = parts(await cleared(await marked(original)));
    const before = parts(original);
    for (const name of ["xl/threadedComments/threadedComment1.xml", "xl/persons/person.xml", "xl/comments1.xml"])
      expect(text(back[name]), name).toBe(text(before[name]));
  });

  it("a recheck with the same findings keeps our reply as it was: the threads part is the same bytes", async () => {
    const once = await marked(excel365Book());
    const twice = await marked(once);
    const name = "xl/threadedComments/threadedComment1.xml";
    expect(text(parts(twice)[name])).toBe(text(parts(once)[name]));
  });

  it("a person list we made for our replies (the package had none) goes with them", async () => {
    const files = unzipSync(excel365Book());
    delete files["xl/persons/person.xml"];
    const rels = "xl/_rels/workbook.xml.rels";
    files[rels] = strToU8(text(files[rels]).replace(/<Relationship Id="rId9"[^>]*\/>/, ""));
    const out = parts(await marked(zipSync(files)));
    const made = Object.keys(out).find((n) => n.startsWith("xl/persons/"))!;
    expect(text(out[made])).toContain(`id="${OUR_PERSON_ID}"`);
    expect(text(out[rels])).toContain("relationships/person");
    const back = parts(await cleared(zipSync(out)));
    expect(Object.keys(back).filter((n) => n.startsWith("xl/persons/"))).toEqual([]);
    expect(text(back[rels])).not.toContain("relationships/person");
    expect(text(back["[Content_Types].xml"])).not.toContain(made);
  });

  it("a recheck of the copy leaves one reply of ours, with the new text", async () => {
    const once = await marked(excel365Book());
    const later: Mark[] = [{ ...MARKS[0]!, note: "已逾期20天" }];
    const twice = parts(await marked(once, later));
    const replies = ourReplies(text(twice["xl/threadedComments/threadedComment1.xml"]));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain("<text>【整改台账校验】已逾期20天</text>");
    const b2 = plain(commentOf(text(twice["xl/comments1.xml"]), "B2"));
    expect(b2).toBe(placeholder("请于周五前确认时限\nReply:\n    已催办\nReply:\n    【整改台账校验】已逾期20天"));
  });

  it("after Excel saved the copy (placeholder written anew, a clerk's reply below ours), clearing takes only our reply", async () => {
    const copy = parts(await marked(excel365Book()));
    const threads = text(copy["xl/threadedComments/threadedComment1.xml"]);
    const ours = ourReplies(threads)[0]!;
    const later = `<threadedComment ref="B2" dT="2025-07-02T09:00:00.00" personId="${PERSON}" id="{5A5A5A5A-1111-4222-8333-444455556666}" parentId="${TOP}"><text>收到，已改</text></threadedComment>`;
    const files: Record<string, Uint8Array> = { ...copy };
    files["xl/threadedComments/threadedComment1.xml"] = strToU8(threads.replace(ours, ours + later));
    // Excel writes the placeholder as one text, every reply in it.
    const comments = text(copy["xl/comments1.xml"]);
    const b2 = commentOf(comments, "B2");
    const resaved = legacy(
      "B2",
      0,
      TOP,
      placeholder(`请于周五前确认时限\nReply:\n    已催办\nReply:\n    ${OURS_B2}\nReply:\n    收到，已改`),
    );
    files["xl/comments1.xml"] = strToU8(comments.replace(b2, resaved));
    const back = parts(await cleared(zipSync(files)));
    const backThreads = text(back["xl/threadedComments/threadedComment1.xml"]);
    expect(ourReplies(backThreads)).toEqual([]);
    expect(backThreads).toContain(later);
    expect(plain(commentOf(text(back["xl/comments1.xml"]), "B2"))).toBe(
      placeholder("请于周五前确认时限\nReply:\n    已催办\nReply:\n    收到，已改"),
    );
    // No reply of ours is left anywhere, so our person goes too.
    expect(text(back["xl/persons/person.xml"])).toBe(PERSONS);
  });

  it("after a program dropped the part's xr declaration, a clerk's note comes back without xr:uid, the part well-formed", async () => {
    // LibreOffice writes the comments part anew: its own root (no xmlns:xr) and notes without uid.
    const copy = parts(await marked(excel365Book()));
    const files: Record<string, Uint8Array> = { ...copy };
    const resaved = text(copy["xl/comments1.xml"])
      .replace(/ xmlns:mc="[^"]*" mc:Ignorable="xr" xmlns:xr="[^"]*"/, "")
      .replace(/ xr:uid="[^"]*"/g, "")
      .replace(/ shapeId="0"/g, "");
    files["xl/comments1.xml"] = strToU8(resaved);
    const back = parts(await cleared(zipSync(files)));
    const comments = text(back["xl/comments1.xml"]);
    expect(comments).not.toContain("xr:");
    expect(plain(commentOf(comments, "B2"))).toBe(placeholder("请于周五前确认时限\nReply:\n    已催办"));
    expect(plain(commentOf(comments, "C3"))).toBe("请核实");
    const dir = tempDir();
    const [seen] = inspect([writeTemp(dir, "back.xlsx", zipSync(back))]);
    expect(seen!.illFormed).toEqual([]);
  });

  it("a reply of ours the clerk edited stays when the marks are cleared", async () => {
    const copy = parts(await marked(excel365Book()));
    const files: Record<string, Uint8Array> = { ...copy };
    const threads = text(copy["xl/threadedComments/threadedComment1.xml"]);
    files["xl/threadedComments/threadedComment1.xml"] = strToU8(threads.replace(OURS_B2, `${OURS_B2}（已核实）`));
    const back = parts(await cleared(zipSync(files)));
    const left = ourReplies(text(back["xl/threadedComments/threadedComment1.xml"]));
    expect(left).toHaveLength(1);
    expect(left[0]).toContain("（已核实）");
    expect(text(back["xl/persons/person.xml"])).toContain(OUR_PERSON_ID);
  });

  it("the marked copy opens in openpyxl and LibreOffice, values unchanged, the placeholder note carrying our reply", async () => {
    const dir = tempDir();
    const input = writeTemp(dir, "in.xlsx", excel365Book());
    const copy = writeTemp(dir, "copy.xlsx", await marked(excel365Book()));
    const [before, after] = inspect([input, copy]);
    expect(after!.illFormed).toEqual([]);
    const values = (s: Inspected["sheets"][string]) =>
      Object.fromEntries(Object.entries(s.cells).flatMap(([k, c]) => (c.v ? [[k, c.v]] : [])));
    expect(values(after!.sheets["台账"]!)).toEqual(values(before!.sheets["台账"]!));
    expect(after!.sheets["台账"]!.cells.B2!.note).toContain(`Reply:\n    ${OURS_B2}`);
    const [resaved] = libreofficeResave([copy], dir);
    const [lo] = inspect([resaved!]);
    expect(values(lo!.sheets["台账"]!)).toEqual(values(before!.sheets["台账"]!));
    expect(lo!.sheets["台账"]!.cells.B2!.note).toContain(OURS_B2);
  }, 120_000);
});
