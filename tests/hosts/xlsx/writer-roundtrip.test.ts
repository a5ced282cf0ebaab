import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../src/app/check-workbook.js";
import { buildBulletin } from "../../../src/core/bulletin/build.js";
import { layoutBulletin } from "../../../src/core/bulletin/layout.js";
import { makeConfig } from "../../../src/core/config.js";
import { cellAddress, parseAddress } from "../../../src/core/grid.js";
import { MARK_FILLS, marksFromFindings, ourNote, type Mark } from "../../../src/core/marks.js";
import type { SheetDocument } from "../../../src/core/sheet-document.js";
import { openWorkbookFile } from "../../../src/hosts/xlsx/open.js";
import { XlsxWriter } from "../../../src/hosts/xlsx/xlsx-writer.js";
import {
  fixture,
  inspect,
  libreofficeResave,
  parts,
  sameBytes,
  tempDir,
  text,
  withoutStyles,
  writeTemp,
  type Inspected,
} from "./writer-helpers.js";

/**
 * The patching writer on real writers' files (tests/fixtures/writers/make-writers.py: openpyxl,
 * xlsxwriter, a 1904 workbook, and a file re-saved by LibreOffice). Every fixture holds the
 * sample ledger's values at the sample's addresses, so the sample's findings are its marks.
 */

const FIXTURES = [
  "openpyxl-features.xlsx",
  "xlsxwriter-features.xlsx",
  "xlsxwriter-1904.xlsx",
  "libreoffice-resaved.xlsx",
  // Excel's VBA project (xl/vbaProject.bin, a binary part): copied byte for byte like any part we do not touch.
  "xlsxwriter-macros.xlsm",
];
const LEDGER = "整改台账";
const OUR_BG = "FF4C4B43";

let marks: Mark[];
let bulletin: SheetDocument;

beforeAll(async () => {
  const sample = new Uint8Array(readFileSync(new URL("../../../samples/sample-ledger.xlsx", import.meta.url)));
  const port = await openWorkbookFile(sample, "sample-ledger.xlsx");
  const check = await checkWorkbook(port, makeConfig({ today: "2025-07-01" }));
  marks = marksFromFindings(check.findings);
  bulletin = layoutBulletin(buildBulletin(check.report, check.ledger, { lang: "zh", bulletin: check.bulletin }), "zh");
});

function ledgerParts(writer: XlsxWriter): Set<string> {
  const sheet = writer.sheets().find((s) => s.name === LEDGER)!;
  const touched = new Set([
    "[Content_Types].xml",
    writer.pkg.workbookPart(),
    writer.pkg.relsPartOf(writer.pkg.workbookPart()),
  ]);
  touched.add(sheet.part!);
  touched.add(writer.pkg.relsPartOf(sheet.part!));
  for (const rel of writer.pkg.rels(sheet.part!))
    if (rel.part && /comments|vmlDrawing/.test(rel.type)) touched.add(rel.part);
  const styles = writer.pkg.rels(writer.pkg.workbookPart()).find((r) => r.type.endsWith("/styles"))!;
  touched.add(styles.part!);
  return touched;
}

function cellsOf(inspected: Inspected, sheet: string) {
  return inspected.sheets[sheet]!.cells;
}

function valuesOf(inspected: Inspected): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, sheet] of Object.entries(inspected.sheets)) {
    out[name] = Object.fromEntries(
      Object.entries(sheet.cells)
        .filter(([, c]) => c.v)
        .map(([a, c]) => [a, c.v]),
    );
  }
  return out;
}

describe.each(FIXTURES)("the copy of %s", (name) => {
  it("holds every part of the input, the untouched ones byte for byte, and reopens with every value unchanged", () => {
    const original = fixture(name);
    const writer = new XlsxWriter(original);
    writer.writeMarks(LEDGER, marks);
    const bulletinName = writer.writeSheet(bulletin);
    // As the one-click job does: the copy opens on the bulletin (select edits the sheets' starts only).
    writer.select(bulletinName, "A1");
    const copy = writer.toBytes();

    const before = parts(original);
    const after = parts(copy);
    const touched = new Set([...ledgerParts(new XlsxWriter(original)), ...ledgerParts(writer)]);
    for (const part of Object.keys(before)) {
      expect(after[part], `${part} is in the copy`).toBeDefined();
      if (!touched.has(part)) expect(sameBytes(before[part], after[part]), `${part} unchanged`).toBe(true);
    }
    // The ledger sheet: only style attributes and empty styled cells differ (and the note drawing's reference).
    const sheetPart = writer.sheets().find((s) => s.name === LEDGER)!.part!;
    const strip = (xml: string) =>
      withoutStyles(xml)
        .replace(/<(?:\w+:)?legacyDrawing\b[^>]*\/>/, "")
        .replace(/ tabSelected="(?:1|true)"/, "");
    expect(strip(text(after[sheetPart]))).toBe(strip(text(before[sheetPart])));

    const dir = tempDir();
    const originalPath = writeTemp(dir, `orig-${name}`, original);
    const copyPath = writeTemp(dir, `copy-${name}`, copy);
    const [was, now] = inspect([originalPath, copyPath]);
    expect(now!.illFormed).toEqual([]);
    // openpyxl reads every value of every sheet of the input unchanged.
    const valuesBefore = valuesOf(was!);
    const valuesAfter = valuesOf(now!);
    for (const sheet of Object.keys(valuesBefore)) {
      expect(valuesAfter[sheet], sheet).toEqual(valuesBefore[sheet]);
      expect(now!.sheets[sheet]!.state).toBe(was!.sheets[sheet]!.state);
    }
    // Flagged cells: our fill and our note, the clerk's note kept on top.
    const ledgerBefore = cellsOf(was!, LEDGER);
    const ledgerAfter = cellsOf(now!, LEDGER);
    for (const m of marks) {
      const address = cellAddress(m.row, m.col);
      const cell = ledgerAfter[address]!;
      expect(cell.fill, address).toEqual([`FF${MARK_FILLS[m.severity]}`, OUR_BG]);
      const userNote = ledgerBefore[address]?.note;
      expect(cell.note).toBe(userNote ? `${userNote}\n${ourNote(m)}` : ourNote(m));
    }
    // Every note of the clerk's is still there, on flagged and unflagged cells alike.
    for (const [address, cell] of Object.entries(ledgerBefore)) {
      if (cell.note) expect(ledgerAfter[address]!.note!.startsWith(cell.note), address).toBe(true);
      if (cell.fill && !marks.some((m) => cellAddress(m.row, m.col) === address))
        expect(ledgerAfter[address]!.fill).toEqual(cell.fill);
    }
    expect(now!.sheets[bulletinName]!.state).toBe("visible");
    // One selected tab, the bulletin's, and the workbook opens on it.
    expect(now!.active).toBe(bulletinName);
    expect(
      Object.entries(now!.sheets)
        .filter(([, s]) => s.selected)
        .map(([n]) => n),
    ).toEqual([bulletinName]);
    expect(Object.values(now!.sheets).filter((s) => s.state === "veryHidden").length).toBe(
      Object.values(was!.sheets).filter((s) => s.state === "veryHidden").length + 1,
    );

    // Clearing in a later session puts the ledger sheet and its notes back byte for byte, but for
    // the tab selection, which stays with the bulletin (still in the copy, still the one selected).
    const later = new XlsxWriter(copy);
    expect(later.generatedNames()).toEqual([bulletinName]);
    later.clearMarks(LEDGER);
    const cleared = parts(later.toBytes());
    const unselected = (xml: string) => xml.replace(/ tabSelected="(?:1|true)"/, "");
    expect(text(cleared[sheetPart])).toBe(unselected(text(before[sheetPart])));
    const original2 = new XlsxWriter(original);
    for (const rel of original2.pkg.rels(sheetPart)) {
      if (rel.part && /comments|vmlDrawing/.test(rel.type))
        expect(text(cleared[rel.part])).toBe(text(before[rel.part]));
    }
    for (const part of Object.keys(cleared))
      if (/comments|vmlDrawing/.test(part)) expect(before[part], part).toBeDefined();
  });
});

describe("a copy whose state of ours is gone (a program deleted our hidden sheet)", () => {
  it("is marked again without a note of ours twice, and a cell fixed since keeps nothing of ours", () => {
    // The copy-path sweep of 2026-12-03: H20 carried two of our paragraphs, F14 its stale one.
    const dir = tempDir();
    const writer = new XlsxWriter(fixture("xlsxwriter-features.xlsx"));
    writer.writeMarks(LEDGER, marks);
    const copy = writer.toBytes();
    const stateSheet = new XlsxWriter(copy).stateSheetName!;
    const checked = writeTemp(dir, "checked.xlsx", copy);
    const edited = `${dir}/edited.xlsx`;
    const [fixedCell] = marks.map((m) => cellAddress(m.row, m.col)).slice(-1);
    execFileSync("/usr/bin/python3", [
      "-c",
      `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
del wb[sys.argv[3]]
wb.save(sys.argv[2])`,
      checked,
      edited,
      stateSheet,
    ]);
    const recheck = new XlsxWriter(new Uint8Array(readFileSync(edited)));
    // The recheck finds all but the last cell again (the clerk fixed that one), the first with another finding.
    const again = marks
      .slice(0, -1)
      .map((m, i) => (i === 0 ? { ...m, note: "未填写整改措施：请写明具体、可检验的整改举措。" } : m));
    recheck.writeMarks(LEDGER, again);
    const [after] = inspect([writeTemp(dir, "rechecked.xlsx", recheck.toBytes())]);
    const cells = cellsOf(after!, LEDGER);
    for (const m of again) {
      const note = cells[cellAddress(m.row, m.col)]!.note!;
      expect(note.split("【整改台账校验】").length - 1, cellAddress(m.row, m.col)).toBe(1);
      expect(note).toContain(ourNote(m));
    }
    expect(cells[fixedCell!]?.note ?? "").not.toContain("【整改台账校验】");
    // The clerk's note under a mark (H9) is still there, once.
    expect(cells.H9!.note!.split("张三：已电话督办").length - 1).toBe(1);
  });
});

describe("a cell with two notes (a part Excel would show the first of)", () => {
  it("keeps both in the copy, ours added to the first, and a clear gives the part back byte for byte", () => {
    // The copy-path sweep of 2026-12-03: the second note of H9 (flagged) and of K30 were dropped.
    const files = unzipSync(fixture("xlsxwriter-features.xlsx"));
    const xml = strFromU8(files["xl/comments1.xml"]!);
    const second = (ref: string, said: string) =>
      `<comment ref="${ref}" authorId="0"><text><r><t>${said}</t></r></text></comment>`;
    files["xl/comments1.xml"] = strToU8(
      xml
        .replace(/(<comment ref="H9"[\s\S]*?<\/comment>)/, `$1${second("H9", "第二条批注")}`)
        .replace(/(<comment ref="K30"[\s\S]*?<\/comment>)/, `$1${second("K30", "未标记格乙")}`),
    );
    const original = zipSync(files);
    const writer = new XlsxWriter(original);
    writer.writeMarks(LEDGER, marks);
    const copy = writer.toBytes();
    const notes = text(parts(copy)["xl/comments1.xml"]);
    for (const said of ["张三：已电话督办", "第二条批注", "空白格上的批注", "未标记格乙"])
      expect(notes).toContain(said);
    const h9 = marks.find((m) => cellAddress(m.row, m.col) === "H9")!;
    // Ours goes into the first, the one Excel shows.
    expect(notes.indexOf(h9.note)).toBeGreaterThan(notes.indexOf("张三：已电话督办"));
    expect(notes.indexOf(h9.note)).toBeLessThan(notes.indexOf("第二条批注"));
    const clear = new XlsxWriter(copy);
    clear.clearMarks(LEDGER);
    expect(text(parts(clear.toBytes())["xl/comments1.xml"])).toBe(text(files["xl/comments1.xml"]));
  });
});

describe("LibreOffice reopens the copies", () => {
  it("with every value (and every formula's result) as it reopens the originals", () => {
    const dir = tempDir();
    const originals: string[] = [];
    const copies: string[] = [];
    for (const name of FIXTURES) {
      const writer = new XlsxWriter(fixture(name));
      writer.writeMarks(LEDGER, marks);
      writer.select(writer.writeSheet(bulletin), "A1");
      originals.push(writeTemp(dir, `orig-${name}`, fixture(name)));
      copies.push(writeTemp(dir, `copy-${name}`, writer.toBytes()));
    }
    const out = tempDir();
    const resaved = libreofficeResave([...originals, ...copies], out);
    const seen = inspect(resaved, true);
    for (let i = 0; i < FIXTURES.length; i++) {
      const was = seen[i]!;
      const now = seen[i + FIXTURES.length]!;
      expect(Object.keys(now.sheets).length, FIXTURES[i]).toBeGreaterThan(Object.keys(was.sheets).length);
      const before = valuesOf(was);
      const after = valuesOf(now);
      for (const sheet of Object.keys(before)) expect(after[sheet], `${FIXTURES[i]} ${sheet}`).toEqual(before[sheet]);
      // LibreOffice opens the copy on the bulletin, and saves it so.
      expect(now.active, FIXTURES[i]).toBe(bulletin.name);
      // LibreOffice keeps our notes too.
      const cells = now.sheets[LEDGER]!.cells;
      for (const m of marks) expect(cells[cellAddress(m.row, m.col)]!.note).toContain(ourNote(m));
    }
  }, 240_000);
});

/** Refs that more than one `<comment>` of a comments part claims (Excel repairs such a part). */
function duplicateRefs(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const [name, data] of Object.entries(parts(bytes))) {
    if (!/comments\d*\.xml$/.test(name)) continue;
    const refs = [...text(data).matchAll(/<(?:\w+:)?comment\b[^>]*?\sref="([^"]+)"/g)].map((m) => m[1]!);
    for (const r of new Set(refs)) if (refs.indexOf(r) !== refs.lastIndexOf(r)) out.push(`${name} ${r}`);
  }
  return out;
}

/** Rows a and b change places, every cell with its value, style and note (what a sort does). */
const SWAP_ROWS = `
import sys, openpyxl
src, dst, a, b = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
wb = openpyxl.load_workbook(src)
ws = wb["整改台账"]
far = ws.max_row + 5
ws.move_range(f"A{a}:{openpyxl.utils.get_column_letter(ws.max_column)}{a}", rows=far - a)
ws.move_range(f"A{b}:{openpyxl.utils.get_column_letter(ws.max_column)}{b}", rows=a - b)
ws.move_range(f"A{far}:{openpyxl.utils.get_column_letter(ws.max_column)}{far}", rows=b - far)
wb.save(dst)
`;

const EDIT = `
import sys, openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
src, dst, fill_cell, note_cell, new_note_cell, value_cell, insert_at = sys.argv[1:8]
wb = openpyxl.load_workbook(src)
ws = wb["整改台账"]
ws[fill_cell].fill = PatternFill("solid", fgColor="FFFF00")
c = ws[note_cell].comment
ws[note_cell].comment = Comment(c.text + "\\n用户补充：已核实", c.author)
ws[new_note_cell].comment = Comment("用户新加的批注", "赵六")
ws[value_cell].value = "用户改过的值"
if insert_at != "0":
    ws.insert_rows(int(insert_at))
wb.save(dst)
`;

function editWithOpenpyxl(src: string, dst: string, args: string[]): void {
  execFileSync("/usr/bin/python3", ["-c", EDIT, src, dst, ...args]);
}

describe("check → edit in openpyxl → recheck → clear", () => {
  it("never doubles a note, never leaves our mark, never undoes the clerk's change", () => {
    const dir = tempDir();
    const writer = new XlsxWriter(fixture("xlsxwriter-features.xlsx"));
    writer.writeMarks(LEDGER, marks);
    writer.writeSheet(bulletin);
    const checked = writeTemp(dir, "checked.xlsx", writer.toBytes());

    const [fillCell, noteCell] = marks.map((m) => cellAddress(m.row, m.col));
    const edited = `${dir}/edited.xlsx`;
    // openpyxl renumbers every style and rewrites every note as plain text on save.
    editWithOpenpyxl(checked, edited, [fillCell!, noteCell!, "J28", "K29", "0"]);

    const recheck = new XlsxWriter(new Uint8Array(readFileSync(edited)));
    recheck.writeMarks(LEDGER, marks);
    const rechecked = recheck.toBytes();
    const [afterRecheck] = inspect([writeTemp(dir, "rechecked.xlsx", rechecked)]);
    const cells = cellsOf(afterRecheck!, LEDGER);
    for (const m of marks) {
      const address = cellAddress(m.row, m.col);
      const note = cells[address]!.note!;
      expect(note.split(ourNote(m)).length - 1, `${address}: our note once`).toBe(1);
    }
    expect(cells[noteCell!]!.note).toContain("用户补充：已核实");

    const clear = new XlsxWriter(rechecked);
    clear.clearMarks(LEDGER);
    const [afterClear] = inspect([writeTemp(dir, "cleared.xlsx", clear.toBytes())]);
    const clearedCells = cellsOf(afterClear!, LEDGER);
    for (const [address, cell] of Object.entries(clearedCells)) {
      expect(cell.fill?.[1], `${address} carries no fill of ours`).not.toBe(OUR_BG);
      if (cell.note)
        expect(
          marks.some((m) => cell.note!.includes(ourNote(m))),
          address,
        ).toBe(false);
    }
    // The clerk's changes stay: the fill picked by hand on a flagged cell (the recheck marked the
    // yellow cell again, and the clear put the yellow back), the line added to a note of ours,
    // the new note, the edited value, and the note on an empty cell nobody flagged.
    expect(clearedCells[fillCell!]!.fill?.[0]).toBe("00FFFF00");
    expect(clearedCells.J28!.note).toBe("用户新加的批注");
    expect(clearedCells.K29!.v).toEqual(["str", "用户改过的值"]);
    expect(clearedCells[noteCell!]!.note).toBe("张三：已电话督办\n用户补充：已核实");
    expect(clearedCells.K30!.note).toBe("空白格上的批注");
  });

  it("after a row was inserted above the marks, clearing finds every mark where it went", () => {
    const dir = tempDir();
    const writer = new XlsxWriter(fixture("xlsxwriter-features.xlsx"));
    writer.writeMarks(LEDGER, marks);
    const checked = writeTemp(dir, "checked.xlsx", writer.toBytes());
    const edited = `${dir}/edited.xlsx`;
    const edited0 = cellAddress(marks[0]!.row, marks[0]!.col);
    editWithOpenpyxl(checked, edited, ["A40", edited0, "J28", "K29", "7"]);
    const clear = new XlsxWriter(new Uint8Array(readFileSync(edited)));
    clear.clearMarks(LEDGER);
    const clearedBytes = clear.toBytes();
    const [original, afterClear] = inspect([
      writeTemp(dir, "original.xlsx", fixture("xlsxwriter-features.xlsx")),
      writeTemp(dir, "cleared.xlsx", clearedBytes),
    ]);
    const cleared = cellsOf(afterClear!, LEDGER);
    for (const [address, cell] of Object.entries(cleared)) {
      expect(cell.fill?.[1], `${address} carries no fill of ours`).not.toBe(OUR_BG);
      if (cell.note)
        expect(
          marks.some((m) => cell.note === ourNote(m)),
          address,
        ).toBe(false);
    }
    // Each of the clerk's notes is on its own cell, one row down from row 7 on, word for word
    // (the recorded note, written back, once kept the ref it had before the insert).
    const below = (address: string) => {
      const { row, col } = parseAddress(address);
      return cellAddress(row >= 7 ? row + 1 : row, col);
    };
    const clerks = Object.entries(cellsOf(original!, LEDGER)).filter(([, c]) => c.note);
    expect(clerks.length).toBeGreaterThan(0);
    // and the clerk's own additions: the new note (J28, moved with the insert) and the line added under ours.
    const expected = Object.fromEntries(clerks.map(([address, cell]) => [below(address), cell.note]));
    expected[below("J28")] = "用户新加的批注";
    expected[below(edited0)] = (expected[below(edited0)] ? `${expected[below(edited0)]}\n` : "") + "用户补充：已核实";
    const notes = Object.fromEntries(
      Object.entries(cleared)
        .filter(([, c]) => c.note)
        .map(([address, c]) => [address, c.note]),
    );
    expect(notes).toEqual(expected);
    expect(duplicateRefs(clearedBytes)).toEqual([]);
  });

  it("after rows were sorted, a recheck and a clear keep each clerk's note on its own cell", () => {
    const dir = tempDir();
    const writer = new XlsxWriter(fixture("xlsxwriter-features.xlsx"));
    writer.writeMarks(LEDGER, marks);
    const checked = writeTemp(dir, "checked.xlsx", writer.toBytes());
    const [original] = inspect([writeTemp(dir, "original.xlsx", fixture("xlsxwriter-features.xlsx"))]);
    const clerks = Object.entries(cellsOf(original!, LEDGER)).filter(([, c]) => c.note);
    // A row with a clerk's note under a mark of ours and another marked row change places, as a sort moves them.
    const a = clerks
      .map(([address]) => parseAddress(address))
      .find((p) => marks.some((m) => m.row === p.row && m.col === p.col))?.row;
    const b = marks.find((m) => a !== undefined && m.row > a)?.row;
    if (a === undefined || b === undefined)
      throw new Error("the sample has a clerk's note under a mark and a marked row below it");
    const sorted = `${dir}/sorted.xlsx`;
    execFileSync("/usr/bin/python3", ["-c", SWAP_ROWS, checked, sorted, String(a), String(b)]);
    const moved = (address: string) => {
      const { row, col } = parseAddress(address);
      return cellAddress(row === a ? b : row === b ? a : row, col);
    };

    const recheck = new XlsxWriter(new Uint8Array(readFileSync(sorted)));
    recheck.writeMarks(LEDGER, marks);
    const rechecked = recheck.toBytes();
    expect(duplicateRefs(rechecked)).toEqual([]);
    const clear = new XlsxWriter(rechecked);
    clear.clearMarks(LEDGER);
    const clearedBytes = clear.toBytes();
    expect(duplicateRefs(clearedBytes)).toEqual([]);
    const [afterClear] = inspect([writeTemp(dir, "cleared.xlsx", clearedBytes)]);
    const cleared = cellsOf(afterClear!, LEDGER);
    const notes = Object.fromEntries(
      Object.entries(cleared)
        .filter(([, c]) => c.note)
        .map(([address, c]) => [address, c.note]),
    );
    expect(notes).toEqual(Object.fromEntries(clerks.map(([address, cell]) => [moved(address), cell.note])));
  });
});
