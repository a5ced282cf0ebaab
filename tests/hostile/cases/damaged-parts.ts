import { access, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { must, mustCheck, mustRefuse, sha256, type HostileCase } from "../harness.js";
import { pythonJson } from "../make.js";

/**
 * A package the check can read but whose parts the copy must edit are damaged: the styles part
 * empty or cut short, a comments part that is no comments part, a relationships part that is no
 * list, content types without <Types>. The check itself runs (it reads none of them); the copy is
 * refused with the damaged-file line (item 6), for a patch on a broken part would be a broken
 * copy. A note part the sheet names but the package lacks is only missing: the copy writes it
 * where the relationship points (item 2), never a second relationship or a second legacyDrawing.
 */

const TODAY = ["--today", "2025-07-01"];
/** xlsxwriter's file: the sample's ledger with a clerk's notes, a chart, an image (tests/fixtures/writers). */
const SOURCE = new URL("../../fixtures/writers/xlsxwriter-features.xlsx", import.meta.url).pathname;
const SHEET = "xl/worksheets/sheet1.xml";
const SHEET_RELS = "xl/worksheets/_rels/sheet1.xml.rels";

async function variant(dir: string, name: string, edit: (parts: Record<string, Uint8Array>) => void): Promise<string> {
  const parts = unzipSync(new Uint8Array(await readFile(SOURCE)));
  edit(parts);
  const path = join(dir, name);
  await writeFile(path, zipSync(parts));
  return path;
}

const half = (b: Uint8Array) => b.slice(0, b.length >> 1);

const DAMAGED: [slug: string, title: string, edit: (p: Record<string, Uint8Array>) => void][] = [
  ["styles-empty", "an empty styles part", (p) => void (p["xl/styles.xml"] = new Uint8Array(0))],
  ["styles-cut", "a styles part cut short", (p) => void (p["xl/styles.xml"] = half(p["xl/styles.xml"]!))],
  ["styles-other", "a styles part of another kind", (p) => void (p["xl/styles.xml"] = strToU8("<foo/>"))],
  ["comments-other", "a comments part of another kind", (p) => void (p["xl/comments1.xml"] = strToU8("<foo/>"))],
  ["comments-empty", "an empty comments part", (p) => void (p["xl/comments1.xml"] = new Uint8Array(0))],
  ["vml-empty", "an empty note drawing", (p) => void (p["xl/drawings/vmlDrawing1.vml"] = new Uint8Array(0))],
  [
    "vml-cut",
    "a note drawing cut short",
    (p) => void (p["xl/drawings/vmlDrawing1.vml"] = half(p["xl/drawings/vmlDrawing1.vml"]!)),
  ],
  ["rels-other", "a sheet's relationships that are no list", (p) => void (p[SHEET_RELS] = strToU8("<foo/>"))],
  [
    "types-other",
    "content types without <Types>",
    (p) => void (p["[Content_Types].xml"] = strToU8('<?xml version="1.0"?><Foo/>')),
  ],
];

/** The copy's sheet: its legacyDrawing elements, its relationships by kind, what [Content_Types] declares. */
async function structure(path: string) {
  const parts = unzipSync(new Uint8Array(await readFile(path)));
  const rels = strFromU8(parts[SHEET_RELS]!);
  const types = strFromU8(parts["[Content_Types].xml"]!);
  const targets = (kind: string) =>
    [...rels.matchAll(new RegExp(`<Relationship\\b[^>]*Type="[^"]*/${kind}"[^>]*>`, "g"))].map(
      (m) => /Target="([^"]+)"/.exec(m[0])![1]!,
    );
  return {
    legacyDrawings: (strFromU8(parts[SHEET]!).match(/<legacyDrawing\b/g) ?? []).length,
    comments: targets("comments"),
    vml: targets("vmlDrawing"),
    has: (part: string) => parts[part] !== undefined,
    declares: (part: string, ext: string) =>
      types.includes(`PartName="/${part}"`) || new RegExp(`Extension="${ext}"`, "i").test(types),
  };
}

const cases: HostileCase[] = [
  ...DAMAGED.map(([slug, title, edit]): HostileCase => ({
    id: `6.damaged-${slug}`,
    title: `a workbook with ${title} is checked, and its copy refused as damaged, nothing written`,
    async run(t) {
      const input = await variant(t.dir, `${slug}.xlsx`, edit);
      const before = await sha256(input);
      mustCheck(await t.cli([input, ...TODAY]));
      const out = join(t.dir, "副本.xlsx");
      mustRefuse(await t.cli([input, ...TODAY, "--out", out]), { mentions: ["损坏", "damaged"] });
      must(
        await access(out).then(
          () => false,
          () => true,
        ),
        "a copy was written",
      );
      must((await sha256(input)) === before, "the input's bytes changed");
    },
  })),
  ...(
    [
      [
        "comments-part",
        "a note part the sheet names but the package lacks",
        "xl/comments1.xml",
        "xml",
        (p) => void delete p["xl/comments1.xml"],
      ],
      [
        "vml-part",
        "a note drawing the sheet names but the package lacks",
        "xl/drawings/vmlDrawing1.vml",
        "vml",
        (p) => void delete p["xl/drawings/vmlDrawing1.vml"],
      ],
      [
        "vml-relationship",
        "a legacyDrawing whose relationship is gone",
        null,
        "vml",
        (p) =>
          void (p[SHEET_RELS] = strToU8(
            strFromU8(p[SHEET_RELS]!).replace(/<Relationship\b[^>]*\/vmlDrawing"[^>]*\/>/, ""),
          )),
      ],
    ] as const satisfies readonly (readonly [
      string,
      string,
      string | null,
      string,
      (p: Record<string, Uint8Array>) => void,
    ])[]
  ).map(([slug, title, part, ext, edit]): HostileCase => ({
    id: `2.missing-${slug}-repaired`,
    title: `${title}: the copy has one relationship and one legacyDrawing for its notes, every part there, every note readable`,
    async run(t) {
      const input = await variant(t.dir, `${slug}.xlsx`, edit);
      const out = join(t.dir, "副本.xlsx");
      mustCheck(await t.cli([input, ...TODAY, "--out", out]));
      const s = await structure(out);
      must(s.legacyDrawings === 1, `${s.legacyDrawings} legacyDrawing elements in the sheet`);
      must(s.comments.length === 1 && s.vml.length === 1, `relationships: comments ${s.comments}, VML ${s.vml}`);
      for (const p of [part ?? "xl/comments1.xml", ...s.vml.map((v) => `xl/drawings/${v.split("/").pop()}`)]) {
        must(s.has(p), `${p} is not in the copy`);
        must(s.declares(p, p.endsWith(".vml") ? "vml" : ext), `${p} has no content type`);
      }
      const notes = await pythonJson<number>(`import openpyxl
ws = openpyxl.load_workbook(${JSON.stringify(out)}).worksheets[0]
result = sum(1 for row in ws.iter_rows() for c in row if c.comment and "【整改台账校验】" in c.comment.text)`);
      must(notes > 0, "openpyxl reads none of our notes in the copy");
    },
  })),
];

export default cases;
