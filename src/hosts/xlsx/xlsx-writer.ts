import { MAX_COL, cellAddress, parseAddress } from "../../core/grid.js";
import type { Snapshot } from "../../core/progress/snapshot.js";
import {
  endsWithOurNote,
  marksByCell,
  mergeNote,
  ourNote,
  removeOurNote,
  MARK_FILLS,
  SEVERITY_RANK,
  type Mark,
} from "../../core/marks.js";
import type { Severity } from "../../core/report.js";
import type { SheetDocument } from "../../core/sheet-document.js";
import { chooseSheetName } from "../../core/sheet-names.js";
import { orphanPart } from "../../core/orphan-notes.js";
import { CommentsPatch, VmlPatch, type Note } from "./notes-patch.js";
import {
  EMPTY_PERSON_LIST,
  OUR_PERSON_ID,
  placeholderReply,
  ThreadsPatch,
  withOurPerson,
  withoutOurPerson,
} from "./threads-patch.js";
import type { Package } from "./package.js";
import { CONTENT_TYPE, PackageCopy, REL, relTypeIs, insertBeforeClose } from "./package-copy.js";
import { ByteSink } from "./byte-sink.js";
import { writeSheetDocument } from "./render-sheet.js";
import { ContentPrint, gridPrint } from "./content-print.js";
import type { Grid } from "../../core/grid.js";
import {
  legacyDrawingId,
  finished,
  patchSheet,
  targetsOf,
  unpatched,
  withLegacyDrawing,
  type Decide,
  type PatchedSheet,
  type Targets,
  type CellAction,
  type CellState,
} from "./sheet-patch.js";
import {
  emptyXlsxState,
  loadState,
  randomHex,
  saveState,
  type GeneratedSheet,
  type MarkRecord,
  type StateHost,
  type XlsxState,
} from "./state-part.js";
import { fillKey, MINIMAL_STYLES, StylesPatch, xfApplyFill, xfNumber, xfWithFill } from "./styles-patch.js";
import { setAttr, xmlAttr } from "./xml-write.js";
import { attr, attributes } from "./xml.js";

/**
 * A sheet's whole text as unmarking read it for the patch: decoded, or Latin-1 (one character a
 * byte, Zlib.latin1) when the host has it, and then written back only as such.
 */
interface SheetText {
  xml: string;
  latin1: boolean;
}

/** A sheet's notes being edited: its comments and their VML boxes (notesOf). */
type Notes = ReturnType<XlsxWriter["notesOf"]>;

/** Our marks on a sheet being undone (XlsxWriter.unmark): the sheet read, the cells and their styles' undoing, the notes edited. */
interface Unmarking {
  sheet: SheetText;
  cells: { row: number; col: number }[];
  /** The same cells by address: the notes our records know. */
  recorded: ReadonlySet<string>;
  decide: Decide;
  notes: Notes;
}

/**
 * Our fill: solid in the severity's colour, with a background colour no one picks by hand
 * (a solid fill never shows its bgColor). It is how a recheck tells our fill from a clerk's own
 * `FFC7CE`: the colour alone never counts as ours.
 */
const MARK_BG = "FF4C4B43";
/**
 * The most cell formats a workbook may hold: Microsoft, "Excel specifications and limits"
 * ("Unique cell formats/cell styles: 65,490"). A copy past it opens with "Too many different
 * cell formats"; a flagged cell that would need one more is marked by its note alone.
 */
export const MAX_CELL_XFS = 65_490;

function ourFill(severity: Severity): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="FF${MARK_FILLS[severity]}"/><bgColor rgb="${MARK_BG}"/></patternFill></fill>`;
}
const OUR_FILL_KEYS = new Map<string, Severity>(
  (["error", "warning", "info"] as const).map((s) => [fillKey(ourFill(s)), s]),
);
/**
 * Our fill after LibreOffice saved the copy: it writes a solid fill's bgColor anew (`FFD9D9D9`), so
 * only the colour is left. Taken as ours only on a cell our state says we marked with that very
 * colour: a clerk who painted it so since changed nothing anyone sees.
 */
const OUR_SOLID_KEYS = new Map<string, Severity>(
  (["error", "warning", "info"] as const).map((s) => [fillKey(ourFill(s)).replace(/\|[^|]*$/, ""), s]),
);
function ourMarkOf(key: string): Severity | undefined {
  return OUR_FILL_KEYS.get(key) ?? OUR_SOLID_KEYS.get(key.replace(/\|[^|]*$/, ""));
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** The worksheet part, or null when the relationship is missing (a chartsheet, a broken package). */
  part: string | null;
  state: "visible" | "hidden" | "veryHidden";
  /** Position in the tab order, hidden sheets included. */
  index: number;
  /** The `<sheet>` element's text. */
  tag: string;
}

/**
 * The writing half of the .xlsx host: a patch on the original package. It changes only the
 * cells it marks (their `s`), the notes it adds, styles.xml (appended to), our state part and the
 * sheets it generates, plus the workbook entries those need; every other part is copied byte
 * for byte, compressed bytes included. Runs in Node and in the browser (no Node APIs).
 */
export class XlsxWriter implements StateHost {
  readonly pkg: PackageCopy;
  private state: XlsxState;
  private stateSheet: string | null;
  private stylesPatch: StylesPatch | null = null;
  private stylesPart: string | null = null;
  private stateDirty = false;
  readonly tampered: boolean;
  /** The original's sheet parts as the reader reads them (for content prints), when a reader is at hand. */
  private readonly gridOf: ((part: string) => Grid) | undefined;
  private readonly prints = new Map<string, string>();

  constructor(original: Uint8Array | Package, options: { gridOf?: (part: string) => Grid } = {}) {
    this.gridOf = options.gridOf;
    this.pkg = new PackageCopy(original);
    const loaded = loadState(this);
    this.state = loaded.state;
    this.stateSheet = loaded.sheet;
    this.tampered = loaded.tampered;
  }

  get xlsxState(): XlsxState {
    return structuredClone(this.state);
  }

  // --- workbook ---

  sheets(): SheetEntry[] {
    const wb = this.pkg.workbookPart();
    const xml = this.pkg.text(wb) ?? "";
    const rels = this.pkg.rels(wb);
    const sheetsEl = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets\s*>/.exec(xml);
    const out: SheetEntry[] = [];
    if (!sheetsEl) return out;
    let index = 0;
    for (const m of sheetsEl[1]!.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const a = attributes(m[0]);
      const rId = attr(a, "id") ?? "";
      const rel = rels.find((r) => r.id === rId);
      const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
      out.push({
        name: a.name ?? "",
        sheetId: Number(a.sheetId ?? 0),
        rId,
        part: rel && relTypeIs(rel.type, REL.worksheet) ? rel.part : null,
        state,
        index: index++,
        tag: m[0],
      });
    }
    return out;
  }

  private sheet(name: string): SheetEntry & { part: string } {
    const entry = this.sheets().find((s) => s.name === name);
    if (!entry || !entry.part || !this.pkg.has(entry.part)) throw new Error(`no sheet named "${name}"`);
    return entry as SheetEntry & { part: string };
  }

  /** Names of the sheets we generated that are still ours (ourSheet). */
  generatedNames(): string[] {
    const sheets = this.sheets();
    const out: string[] = [];
    for (const g of this.state.generated) {
      const s = this.ourSheet(g, sheets);
      if (s) out.push(s.name);
    }
    return out;
  }

  /**
   * The sheet that is still the one we generated: the same sheetId with our code name; or, in a
   * copy LibreOffice saved (it drops code names and numbers sheets by their place), the sheet of
   * our name with no code name that still shows exactly what we wrote (its content print). A
   * title in A1 was tried for that and removed: a clerk's own 校验明细 starts with 序号 as ours
   * does. A sheet of ours the clerk edited after such a save is theirs: the recheck writes its
   * sheets beside it.
   */
  private ourSheet(g: GeneratedSheet, sheets: SheetEntry[]): SheetEntry | null {
    const byId = sheets.find((x) => x.sheetId === g.sheetId);
    if (byId?.part && this.codeNameOf(byId.part) === g.codeName) return byId;
    const byName = sheets.find((x) => x.name === g.name);
    if (!g.print || !byName?.part || !this.gridOf || this.pkg.changed(byName.part)) return null;
    if (this.codeNameOf(byName.part) !== null) return null;
    let print = this.prints.get(byName.part);
    if (print === undefined) this.prints.set(byName.part, (print = gridPrint(this.gridOf(byName.part))));
    return print === g.print ? byName : null;
  }

  private codeNameOf(part: string): string | null {
    const head = this.pkg.head(part, 4096);
    if (!head) return null;
    const m = /<(?:\w+:)?sheetPr\b[^>]*>/.exec(head);
    return m ? (attributes(m[0]).codeName ?? null) : null;
  }

  // --- styles ---

  private styles(): StylesPatch {
    if (this.stylesPatch) return this.stylesPatch;
    const wb = this.pkg.workbookPart();
    const rel = this.pkg.rels(wb).find((r) => relTypeIs(r.type, REL.styles) && r.part);
    let part = rel?.part ?? null;
    if (!part || !this.pkg.has(part)) {
      part = part ?? "xl/styles.xml";
      this.pkg.setText(part, MINIMAL_STYLES);
      if (!rel) this.pkg.addRel(wb, REL.styles, part);
      this.pkg.declare(part, CONTENT_TYPE.styles);
    }
    this.stylesPart = part;
    this.stylesPatch = new StylesPatch(this.pkg.text(part)!);
    return this.stylesPatch;
  }

  private flushStyles(): void {
    if (this.stylesPatch && this.stylesPart && this.stylesPatch.changed) {
      this.pkg.setText(this.stylesPart, this.stylesPatch.toString());
    }
  }

  // --- notes ---

  /** The sheet's notes; `xml` is the sheet's text when the caller holds it already (a big sheet is not kept decoded). */
  private notesOf(
    part: string,
    xml = this.pkg.text(part) ?? "",
  ): {
    comments: CommentsPatch;
    commentsPart: string | null;
    vml: VmlPatch;
    vmlPart: string | null;
    /** A part the sheet's relationship names but the package lacks: ours is written there (one rel, one legacyDrawing). */
    missing: Set<string>;
    threads: ThreadsPatch | null;
    threadsPart: string | null;
  } {
    const rels = this.pkg.rels(part);
    const c = rels.find((r) => relTypeIs(r.type, REL.comments) && r.part);
    const drawingId = legacyDrawingId(xml);
    const v = drawingId ? rels.find((r) => r.id === drawingId && r.part) : undefined;
    const t = rels.find((r) => relTypeIs(r.type, REL.threadedComment) && r.part && this.pkg.has(r.part));
    const commentsPart = c?.part ?? null;
    const vmlPart = v?.part ?? null;
    const missing = new Set([commentsPart, vmlPart].filter((p): p is string => p !== null && !this.pkg.has(p)));
    const textOf = (p: string | null) => (p === null || missing.has(p) ? undefined : this.pkg.text(p));
    return {
      comments: new CommentsPatch(textOf(commentsPart)),
      commentsPart,
      vml: new VmlPatch(textOf(vmlPart), this.nextIdmap()),
      vmlPart,
      missing,
      threads: t?.part ? new ThreadsPatch(this.pkg.text(t.part) ?? "") : null,
      threadsPart: t?.part ?? null,
    };
  }

  /**
   * Our person in the workbook's person list while any thread holds a reply of ours, and not
   * after: every reply's personId must name a person (MS-XLSX §2.6.205).
   */
  private syncPerson(): void {
    const wb = this.pkg.workbookPart();
    const rel = this.pkg.rels(wb).find((r) => relTypeIs(r.type, REL.person) && r.part);
    const ours = this.sheets().some((ws) =>
      ws.part
        ? this.pkg
            .rels(ws.part)
            .some(
              (r) => relTypeIs(r.type, REL.threadedComment) && r.part && this.pkg.text(r.part)?.includes(OUR_PERSON_ID),
            )
        : false,
    );
    const current = rel?.part ? this.pkg.text(rel.part) : undefined;
    if (current === undefined) {
      if (!ours) return;
      const part = this.pkg.freeName("xl/persons/person", ".xml");
      this.pkg.setText(part, withOurPerson(EMPTY_PERSON_LIST));
      this.pkg.addRel(wb, REL.person, part);
      this.pkg.declare(part, CONTENT_TYPE.person);
      return;
    }
    const next = ours ? withOurPerson(current) : withoutOurPerson(current);
    if (next === current) return;
    // A list left with no one in it was ours alone (made for our replies): it goes with them.
    if (!ours && !/<(?:\w+:)?person\b/.test(next)) this.removeRelated(wb, rel!.part!);
    else this.pkg.setText(rel!.part!, next);
  }

  private nextIdmap(): number {
    let max = 0;
    for (const p of this.pkg.parts()) {
      if (!p.toLowerCase().endsWith(".vml")) continue;
      const m = /<(?:\w+:)?idmap\b[^>]*\bdata\s*=\s*["']([\d,\s]+)/.exec(this.pkg.text(p) ?? "");
      for (const n of (m?.[1] ?? "").split(/[,\s]+/)) if (n) max = Math.max(max, Number(n));
    }
    return max + 1;
  }

  /**
   * Writes the notes' parts. Returns the sheet for the caller to store (if changed): with its
   * legacyDrawing added or removed as the notes need.
   */
  private flushNotes(part: string, n: Notes, patched: PatchedSheet): PatchedSheet {
    let sheet = patched;
    const hasNotes = !n.comments.empty;
    // Comments part.
    if (n.comments.changed || (n.commentsPart && !hasNotes)) {
      if (hasNotes) {
        const cp = n.commentsPart ?? this.pkg.freeName("xl/comments", ".xml");
        const sink = this.pkg.sink();
        n.comments.writeTo(sink);
        this.pkg.setSink(cp, sink);
        if (!n.commentsPart) this.pkg.addRel(part, REL.comments, cp);
        if (!n.commentsPart || n.missing.has(cp)) this.pkg.declare(cp, CONTENT_TYPE.comments);
      } else if (n.commentsPart && !n.missing.has(n.commentsPart)) {
        this.removeRelated(part, n.commentsPart);
      }
    }
    if (n.threads?.changed && n.threadsPart) {
      const sink = this.pkg.sink();
      n.threads.writeTo(sink);
      this.pkg.setSink(n.threadsPart, sink);
      this.syncPerson();
    }
    // VML drawing: kept while it holds any shape (form controls live there too).
    if (n.vml.changed || n.vmlPart) {
      if (n.vml.hasShapes) {
        if (n.vml.changed) {
          const vp = n.vmlPart ?? this.pkg.freeName("xl/drawings/vmlDrawing", ".vml");
          const sink = this.pkg.sink();
          n.vml.writeTo(sink);
          this.pkg.setSink(vp, sink);
          if (!n.vmlPart) {
            const id = this.pkg.addRel(part, REL.vmlDrawing, vp);
            this.pkg.declare(vp, CONTENT_TYPE.vml);
            sheet = withLegacyDrawing(sheet, id);
          } else if (n.missing.has(vp)) this.pkg.declare(vp, CONTENT_TYPE.vml);
        }
      } else if (n.vmlPart && !n.missing.has(n.vmlPart)) {
        this.removeRelated(part, n.vmlPart);
        // legacyDrawing comes after sheetData (CT_Worksheet's sequence): it is in the tail, kept as text.
        const tail = sheet.tail.replace(/<(?:\w+:)?legacyDrawing\b[^>]*?(?:\/>|>\s*<\/(?:\w+:)?legacyDrawing\s*>)/, "");
        if (tail !== sheet.tail) sheet = { ...sheet, tail, changed: true };
      }
    }
    return sheet;
  }

  /**
   * The sheet (`text`, when the caller read it already, else the part's own) patched, as a
   * PatchedSheet (unchanged when no cell needed it): the text is let go once patched.
   */
  private patch(part: string, text: SheetText | undefined, targets: Targets, decide: Decide): PatchedSheet {
    // The part as it is stored, where the host can: read and written back byte for byte, the
    // patched sheet is never decoded into UTF-16 (20 MB of sheet took 40 MB so) nor encoded again.
    const raw = text === undefined ? this.pkg.latin1Text(part) : undefined;
    const encoding = (text ? text.latin1 : raw !== undefined) ? "latin1" : undefined;
    const xml = text?.xml ?? raw ?? this.pkg.text(part)!;
    return patchSheet(xml, targets, decide, this.pkg.sink(encoding)) ?? unpatched(xml, this.pkg.sink(encoding));
  }

  private removeRelated(source: string, target: string): void {
    for (const rel of this.pkg.rels(source)) if (rel.part === target) this.pkg.removeRel(source, rel.id);
    this.pkg.remove(target);
    this.pkg.undeclare(target);
    // An empty rels part left behind is harmless, but drop it to keep the package as it was.
    const relsPart = this.pkg.relsPartOf(source);
    const rels = this.pkg.text(relsPart);
    if (rels !== undefined && !/<(?:\w+:)?Relationship\b/.test(rels)) this.pkg.remove(relsPart);
  }

  // --- marks ---

  /** Marks the cells; returns how many of them have a note but no fill (Excel's limit of cell formats: MAX_CELL_XFS). */
  writeMarks(sheetName: string, marks: readonly Mark[]): number {
    const ws = this.sheet(sheetName);
    const byCell = marksByCell(marks);
    if (byCell.size === 0) {
      // Nothing to mark: the earlier marks come off, as a clear takes them.
      this.restore(ws);
      this.flushStyles();
      this.saveState();
      return 0;
    }
    // A recheck: the earlier marks come off in the same pass that puts the new ones on, and the
    // notes as unmarking leaves them are the ones marked; the sheet and notes are stored once.
    const unmarking = this.unmark(ws);
    const styles = this.styles();
    const fillIds = new Map<Severity, number>();
    const fillIdOf = (sev: Severity) => {
      let id = fillIds.get(sev);
      if (id === undefined) fillIds.set(sev, (id = styles.findOrAppend("fills", ourFill(sev))));
      return id;
    };
    const xfCount = styles.count("cellXfs");
    /** Our clone of a base style, by base × 4 + severity (-1: none, the workbook is at Excel's limit). */
    const clones = new Map<number, number>();
    let unfilled = 0;
    const records: Record<string, MarkRecord> = {};
    const fillTable = new Map(this.state.fills.map((f, i) => [f, i]));
    const fillIndex = (xml: string): number => {
      let i = fillTable.get(xml);
      if (i === undefined) {
        i = this.state.fills.push(xml) - 1;
        fillTable.set(xml, i);
      }
      return i;
    };

    const byRowCol = new Map<number, Mark>();
    for (const m of byCell.values()) byRowCol.set(m.row * MAX_COL + m.col, m);
    // What a marked cell's record and clone take from its base style, read once a style: a
    // ledger has a few styles and tens of thousands of flagged cells.
    const bases = new Map<number, { xf: string; fillId: number; applyFill: string | null; fill: number }>();
    const baseOf = (base: number) => {
      let b = bases.get(base);
      if (b === undefined) {
        const xf = styles.item("cellXfs", base) ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
        const fillId = xfNumber(xf, "fillId");
        b = { xf, fillId, applyFill: xfApplyFill(xf), fill: fillIndex(styles.item("fills", fillId) ?? "") };
        bases.set(base, b);
      }
      return b;
    };

    /** `restored`: the cell's style is the one unmarking just gave it, a valid index whatever the count. */
    const mark = (row: number, col: number, cell: CellState, restored: boolean): CellAction | undefined => {
      const m = byRowCol.get(row * MAX_COL + col);
      if (!m) return undefined;
      let base = cell.exists ? (cell.s ?? 0) : cell.effective;
      if (base >= xfCount && !restored) base = 0; // an index past the list: Excel shows style 0
      const b = baseOf(base);
      const key = base * 4 + SEVERITY_RANK[m.severity];
      let s = clones.get(key);
      if (s === undefined) {
        const clone = xfWithFill(b.xf, fillIdOf(m.severity), "1");
        s = styles.find("cellXfs", clone);
        if (s < 0 && styles.count("cellXfs") < MAX_CELL_XFS) s = styles.append("cellXfs", clone);
        clones.set(key, s);
      }
      records[cellAddress(row, col)] = {
        s: cell.exists ? cell.s : null,
        existed: cell.exists,
        fillId: b.fillId,
        applyFill: b.applyFill,
        fill: b.fill,
        severity: m.severity,
        note: null,
        ours: ourNote(m),
      };
      if (s >= 0) return { s };
      // The note alone: the cell keeps its style, which a clear then leaves (it carries no fill of ours).
      unfilled++;
      return undefined;
    };
    // A cell unmarking takes back is marked on what it leaves: its style restored, or, for an empty
    // cell we had added, no cell at all (as a second pass would find it).
    const decide: Decide = unmarking
      ? (row, col, cell) => {
          const undone = unmarking.decide(row, col, cell);
          if (!undone) return mark(row, col, cell, false);
          const left: CellState =
            undone.dropIfEmpty && !cell.hasValue && cell.plain?.() === true
              ? { s: null, exists: false, hasValue: false, effective: cell.effective }
              : { ...cell, s: undone.s };
          return mark(row, col, left, left.exists) ?? undone;
        }
      : (row, col, cell) => mark(row, col, cell, false);
    const targets = targetsOf([...(unmarking?.cells ?? []), ...byCell.values()]);
    const patched = this.patch(ws.part, unmarking?.sheet, targets, decide);
    if (unmarking) unmarking.sheet.xml = ""; // the patch holds what it needs of it

    const notes = unmarking?.notes ?? this.notesOf(ws.part, patched.tail);
    dropOrphanParts(notes, unmarking?.recorded ?? new Set());
    const dT = new Date().toISOString().slice(0, 22); // as Excel writes it: UTC, hundredths
    for (const [address, rec] of Object.entries(records)) {
      const existing = notes.comments.get(address);
      if (notes.threads?.has(address)) {
        // Excel 365 shows the thread, other programs its placeholder note: ours goes into both.
        rec.thread = true;
        const reply = placeholderReply(rec.ours);
        if (existing) {
          rec.note = { xml: existing.xml, text: existing.text };
          if (existing.text.endsWith(reply)) rec.kept = true;
          else notes.comments.set(address, notes.comments.withRun(existing, reply));
        }
        if (!rec.kept) notes.threads.addReply(address, rec.ours, dT);
        continue;
      }
      if (existing && endsWithOurNote(existing.text, rec.ours)) {
        // Our very paragraph is there already: a second one would say the same thing twice.
        rec.note = { xml: existing.xml, text: existing.text };
        rec.kept = true;
      } else if (existing) {
        rec.note = { xml: existing.xml, text: existing.text };
        notes.comments.set(address, notes.comments.appended(existing, rec.ours));
      } else {
        notes.comments.setCreated(address, rec.ours);
      }
      const { row, col } = parseAddress(address);
      notes.vml.addNoteShape(row, col);
    }
    const sheet = this.flushNotes(ws.part, notes, patched);
    if (sheet.changed) this.pkg.setSink(ws.part, finished(sheet), sheet.lead);
    this.state.marks[String(ws.sheetId)] = { name: ws.name, cells: records };
    this.flushStyles();
    this.saveState();
    return unfilled;
  }

  /**
   * The key of the sheet's marks in the state: its sheetId while that sheet bears the name the
   * marks were made under; else the marks made under its name, when the sheet of their sheetId no
   * longer bears it (LibreOffice numbers sheets by their place, so a sheet put before the ledger
   * takes its sheetId); else its sheetId (a sheet renamed keeps it in Excel).
   */
  private marksKey(ws: SheetEntry): string | undefined {
    const id = String(ws.sheetId);
    const marks = this.state.marks;
    if (marks[id]?.name === ws.name) return id;
    const sheets = this.sheets();
    for (const [key, m] of Object.entries(marks))
      if (m.name === ws.name && !sheets.some((s) => String(s.sheetId) === key && s.name === m.name)) return key;
    return marks[id] ? id : undefined;
  }

  clearMarks(sheetName: string): void {
    const ws = this.sheets().find((s) => s.name === sheetName);
    if (!ws?.part || this.marksKey(ws) === undefined) return;
    this.restore(ws as SheetEntry & { part: string });
    this.flushStyles();
    this.saveState();
  }

  /**
   * Undoes our marks on a sheet, cell by cell, and only where the mark is still exactly ours:
   * a fill the clerk changed stays, a note the clerk edited keeps the edit (only our own last
   * paragraph goes, if it is still there word for word). When rows or columns were inserted since,
   * a mark is found again by its note. The notes are edited here, in memory; the cells' styles are
   * what `decide` gives `cells`, for one pass over the sheet: a clear's own (restore), or a
   * recheck's, folded into the pass that marks the sheet again (writeMarks).
   */
  private unmark(ws: SheetEntry & { part: string }): Unmarking | undefined {
    const key = this.marksKey(ws);
    if (key === undefined) return undefined;
    const entry = this.state.marks[key]!;
    delete this.state.marks[key];
    const styles = this.styles();
    const raw = this.pkg.latin1Text(ws.part);
    const sheet: SheetText = { xml: raw ?? this.pkg.text(ws.part)!, latin1: raw !== undefined };
    const notes = this.notesOf(ws.part, sheet.xml);

    // Where each record's cell is now: where it was, or where its note went.
    const where = locate(entry.cells, notes.comments);
    const plan = new Map<string, MarkRecord>();
    for (const [address, rec] of Object.entries(entry.cells)) {
      const at = where.get(address);
      if (at) plan.set(at, rec);
    }
    // A record whose note is gone (the clerk deleted it) is looked for where it was, unless another took that cell.
    for (const [address, rec] of Object.entries(entry.cells))
      if (!where.has(address) && !plan.has(address)) plan.set(address, rec);

    const byRowCol = new Map<number, MarkRecord>();
    for (const [address, rec] of plan) {
      const { row, col } = parseAddress(address);
      byRowCol.set(row * MAX_COL + col, rec);
    }
    // A ledger has a few styles and fills and tens of thousands of marked cells: what a style says
    // (its xf, whose mark its fill is) and what a record's style goes back to are worked out once.
    const fillKeys = new Map<string, string>();
    const keyOf = (fill: string) => {
      let k = fillKeys.get(fill);
      if (k === undefined) fillKeys.set(fill, (k = fillKey(fill)));
      return k;
    };
    const styleOf = new Map<number, { xf: string; mark: Severity | undefined } | null>();
    const markOfStyle = (s: number) => {
      let known = styleOf.get(s);
      if (known === undefined) {
        const xf = styles.item("cellXfs", s);
        known = xf ? { xf, mark: ourMarkOf(keyOf(styles.item("fills", xfNumber(xf, "fillId")) ?? "")) } : null;
        styleOf.set(s, known);
      }
      return known;
    };
    const restoredStyle = new Map<string, number>();
    const decide = (row: number, col: number, cell: CellState): CellAction | undefined => {
      const rec = byRowCol.get(row * MAX_COL + col);
      if (!rec || !cell.exists) return undefined;
      const style = markOfStyle(cell.s ?? 0);
      if (!style) return undefined;
      if (style.mark !== rec.severity) return undefined; // the clerk changed the fill
      const original = rec.existed ? (rec.s ?? 0) : cell.effective;
      const key = `${cell.s ?? 0}|${rec.fillId}|${rec.fill}|${rec.applyFill}|${original}`;
      let s = restoredStyle.get(key);
      if (s === undefined) {
        // The original fill: the same index if it still means the same, else one that does.
        let fid = rec.fillId;
        const recXml = this.state.fills[rec.fill] ?? "";
        const recKey = keyOf(recXml);
        if (keyOf(styles.item("fills", fid) ?? "") !== recKey) {
          fid = -1;
          for (let i = 0; i < styles.count("fills"); i++) {
            if (keyOf(styles.item("fills", i)!) === recKey) {
              fid = i;
              break;
            }
          }
          if (fid < 0) fid = styles.append("fills", recXml || '<fill><patternFill patternType="none"/></fill>');
        }
        const wanted = xfWithFill(style.xf, fid, rec.applyFill);
        const before = styles.item("cellXfs", original);
        s = before !== undefined && sameXf(before, wanted) ? original : styles.findOrAppend("cellXfs", wanted);
        restoredStyle.set(key, s);
      }
      return { s: s === 0 && rec.s === null ? null : s, dropIfEmpty: !rec.existed && s === cell.effective };
    };
    for (const [address, rec] of plan) {
      const current = notes.comments.get(address);
      if (rec.kept) continue; // nothing of ours was added to this note: it stays as it is
      if (rec.thread) {
        notes.threads?.removeReply(address, rec.ours);
        if (!current) continue;
        const reply = placeholderReply(rec.ours);
        if (rec.note && current.text === rec.note.text + reply)
          notes.comments.set(address, notes.comments.restored(rec.note.xml, current));
        else {
          // Excel wrote the placeholder anew (other replies may follow ours): our reply alone goes.
          const at = current.text.lastIndexOf(reply);
          const end = at + reply.length;
          if (at >= 0 && (end === current.text.length || current.text[end] === "\n"))
            notes.comments.set(
              address,
              notes.comments.withText(current, current.text.slice(0, at) + current.text.slice(end)),
            );
        }
        continue;
      }
      if (!current) continue;
      const { row, col } = parseAddress(address);
      if (current.text === mergeNote(rec.note?.text, rec.ours)) {
        // Exactly as we left it: the clerk's note comes back verbatim (runs, fonts, author).
        notes.comments.set(address, rec.note ? notes.comments.restored(rec.note.xml, current) : null);
        if (!rec.note) notes.vml.removeNoteShape(row, col);
        continue;
      }
      // The clerk edited the note: only our own paragraph goes, if it is still there word for word.
      // The core's rule (removeOurNote) takes it off the end, in its own run when it still is one;
      // when the clerk wrote below it, it is taken out where it stands, every line of theirs kept,
      // so that a recheck never puts it there twice.
      const kept = removeOurNote(current.text, rec.ours);
      const without =
        kept === null
          ? ""
          : kept !== current.text
            ? (notes.comments.withoutOurRun(current, rec.ours) ?? notes.comments.withoutOurText(current, rec.ours))
            : notes.comments.withoutOurText(current, rec.ours);
      if (without === "") {
        notes.comments.set(address, null);
        notes.vml.removeNoteShape(row, col);
      } else if (without !== null) notes.comments.set(address, without);
    }
    return { sheet, cells: [...plan.keys()].map(parseAddress), recorded: new Set(plan.keys()), decide, notes };
  }

  /** A clear: the marks undone, the sheet and its notes stored. */
  private restore(ws: SheetEntry & { part: string }): void {
    const u = this.unmark(ws);
    if (!u) return;
    const patched = this.patch(ws.part, u.sheet, targetsOf(u.cells), u.decide);
    const sheet =
      u.notes.comments.changed || u.notes.threads?.changed ? this.flushNotes(ws.part, u.notes, patched) : patched;
    if (sheet.changed) this.pkg.setSink(ws.part, finished(sheet), sheet.lead);
  }

  /** The snapshot of the check that wrote this copy, if any. */
  get snapshot(): Snapshot | null {
    return this.state.snapshot ?? null;
  }

  setSnapshot(snapshot: Snapshot): void {
    this.state.snapshot = snapshot;
    this.saveState();
  }

  /** The state is written once, when the copy is made: marks and sheets written in one session cost one state. */
  private saveState(): void {
    this.stateDirty = true;
  }

  private flushState(): void {
    if (!this.stateDirty) return;
    this.stateDirty = false;
    if (Object.keys(this.state.marks).length === 0) this.state.fills = [];
    // Forget generated sheets that are gone or no longer ours.
    const sheets = this.sheets();
    this.state.generated = this.state.generated.filter((g) => this.ourSheet(g, sheets) !== null);
    this.stateSheet = saveState(this, this.state, this.stateSheet);
  }

  // --- generated sheets ---

  writeSheet(doc: SheetDocument): string {
    const sheets = this.sheets();
    const ours = this.generatedNames();
    const name = chooseSheetName(
      doc.name,
      sheets.map((s) => s.name),
      ours,
    );
    const styles = this.styles();
    const codeName = `lc${randomHex(6)}`;
    const print = new ContentPrint();
    const xml = this.pkg.sink();
    // The sheet's start (before `<sheetData`) is kept apart: selecting the sheet edits only that.
    let lead = "";
    let inLead = true;
    writeSheetDocument(
      doc,
      styles,
      (text) => {
        if (!inLead) return xml.write(text);
        const at = text.indexOf("<sheetData");
        if (at < 0) {
          lead += text;
          return;
        }
        inLead = false;
        lead += text.slice(0, at);
        xml.write(text.slice(at));
      },
      { codeName, onCell: (r, c, v) => print.add(r, c, v) },
    );
    const wb = this.pkg.workbookPart();
    const old = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase() && ours.includes(s.name));
    // Its record, found before the part is replaced (a replaced part's print is not read).
    const replaced = old ? this.state.generated.filter((g) => this.ourSheet(g, sheets) === old) : [];
    if (old?.part) {
      // Ours: replaced in place (same tab, same sheetId), so defined names and views keep their meaning.
      this.pkg.setSink(old.part, xml, lead);
      const relsPart = this.pkg.relsPartOf(old.part);
      if (this.pkg.has(relsPart)) this.pkg.remove(relsPart);
      this.state.generated = this.state.generated.filter((g) => !replaced.includes(g));
      this.state.generated.push({ sheetId: old.sheetId, name, codeName, print: print.digest() });
      if (old.name !== name) this.setWorkbook(this.pkg.text(wb)!.replace(old.tag, setAttr(old.tag, "name", name)));
    } else {
      const { sheetId } = this.addSheet(name, xml, "visible", lead);
      this.state.generated.push({ sheetId, name, codeName, print: print.digest() });
    }
    this.flushStyles();
    this.saveState();
    return name;
  }

  private setWorkbook(xml: string): void {
    this.pkg.setText(this.pkg.workbookPart(), xml);
  }

  /** The very hidden sheet holding our state (not a sheet of the clerk's: listings leave it out). */
  get stateSheetName(): string | null {
    return this.stateSheet;
  }

  /** A new worksheet at the end of the tab order, with its part, relationship and content type; `lead` as in PackageCopy.setSink. */
  addSheet(name: string, xml: string | ByteSink, state: "visible" | "veryHidden", lead = ""): SheetEntry {
    const sheets = this.sheets();
    const wb = this.pkg.workbookPart();
    const part = this.pkg.freeName("xl/worksheets/sheet", ".xml");
    if (typeof xml === "string") this.pkg.setText(part, xml);
    else this.pkg.setSink(part, xml, lead);
    const rId = this.pkg.addRel(wb, REL.worksheet, part);
    this.pkg.declare(part, CONTENT_TYPE.worksheet);
    const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
    const wbXml = this.pkg.text(wb)!;
    const relPrefix = relationshipPrefix(wbXml);
    const idAttr = relPrefix ? `${relPrefix}:id="${rId}"` : `xmlns:r="${REL_NS}" r:id="${rId}"`;
    const prefix = /<(\w+:)?workbook\b/.exec(wbXml)?.[1] ?? "";
    const stateAttr = state === "visible" ? "" : ` state="${state}"`;
    const tag = `<${prefix}sheet name="${xmlAttr(name)}" sheetId="${sheetId}"${stateAttr} ${idAttr}/>`;
    this.setWorkbook(insertBeforeClose(wbXml, "sheets", tag));
    return { name, sheetId, rId, part, state, index: sheets.length, tag };
  }

  /**
   * Removes a sheet of ours (the state sheet): its entry, part, relationships and content type.
   * Tab positions after it move up one, so the workbook's active and first tab and sheet-local
   * defined names are renumbered (a position past the end makes Excel repair the file).
   */
  removeSheet(entry: SheetEntry): void {
    const wb = this.pkg.workbookPart();
    let xml = this.pkg.text(wb)!;
    xml = xml.replace(entry.tag, "");
    const last = Math.max(0, this.sheets().length - 2);
    xml = xml.replace(/<(?:\w+:)?workbookView\b[^>]*>/g, (tag) => {
      const a = attributes(tag);
      let t = tag;
      for (const name of ["activeTab", "firstSheet"]) {
        if (a[name] === undefined) continue;
        let n = Number(a[name]);
        if (n > entry.index) n -= 1;
        if (n > last) n = last;
        t = setAttr(t, name, String(n));
      }
      return t;
    });
    xml = xml.replace(/<(?:\w+:)?definedName\b[^>]*>[\s\S]*?<\/(?:\w+:)?definedName\s*>/g, (el) => {
      const open = el.slice(0, el.indexOf(">") + 1);
      const local = attributes(open).localSheetId;
      if (local === undefined) return el;
      const n = Number(local);
      if (n === entry.index) return "";
      return n > entry.index ? setAttr(open, "localSheetId", String(n - 1)) + el.slice(open.length) : el;
    });
    this.setWorkbook(xml);
    this.pkg.removeRel(wb, entry.rId);
    if (entry.part) {
      this.pkg.remove(entry.part);
      this.pkg.remove(this.pkg.relsPartOf(entry.part));
      this.pkg.undeclare(entry.part);
    }
  }

  hideSheet(entry: SheetEntry): void {
    const wb = this.pkg.workbookPart();
    const xml = this.pkg.text(wb)!;
    if (xml.includes(entry.tag)) this.setWorkbook(xml.replace(entry.tag, setAttr(entry.tag, "state", "veryHidden")));
  }

  /** Brings the sheet forward and selects the cell, in the copy's workbook and sheet views. */
  select(sheetName: string, cell: string): void {
    const sheets = this.sheets();
    const target = sheets.find((s) => s.name === sheetName);
    if (!target?.part || target.state !== "visible" || !/^[A-Z]{1,3}\d{1,7}$/.test(cell)) return;
    const wb = this.pkg.workbookPart();
    const wbXml = this.pkg.text(wb)!;
    const view = /<(?:\w+:)?workbookView\b[^>]*>/.exec(wbXml);
    if (view) {
      let tag = setAttr(view[0], "activeTab", String(target.index));
      const first = Number(attributes(view[0]).firstSheet ?? 0);
      if (first > target.index) tag = setAttr(tag, "firstSheet", String(target.index));
      this.setWorkbook(wbXml.slice(0, view.index) + tag + wbXml.slice(view.index + view[0].length));
    } else {
      // No views yet: bookViews goes right before sheets (CT_Workbook's sequence, §18.2.27).
      const sheetsAt = /<(\w+:)?sheets\b/.exec(wbXml);
      if (sheetsAt) {
        const p = sheetsAt[1] ?? "";
        const views = `<${p}bookViews><${p}workbookView activeTab="${target.index}"/></${p}bookViews>`;
        this.setWorkbook(wbXml.slice(0, sheetsAt.index) + views + wbXml.slice(sheetsAt.index));
      }
    }
    // Only one selected tab: two would put Excel in group mode, where typing edits both sheets.
    for (const s of sheets) {
      if (!s.part) continue;
      const selected = s === target;
      // A sheet we patched keeps its start apart: the edit costs that start, not the 20 MB again.
      if (this.pkg.editLead(s.part, (lead) => viewsSelecting(lead, selected, cell, true))) continue;
      // Another sheet is rewritten only to lose its tabSelected, which sits at its top: a sheet
      // without one is not decoded whole (the copy's 校验明细 and state are megabytes).
      if (!selected) {
        const view = SHEET_VIEW.exec(this.pkg.head(s.part, 65536) ?? "");
        if (!view || !TAB_SELECTED.test(view[0])) continue;
      }
      // Byte for byte where the host can (the edits are ASCII).
      const raw = this.pkg.latin1Text(s.part);
      const xml = raw ?? this.pkg.text(s.part);
      if (!xml) continue;
      const data = /<(?:\w+:)?sheetData\b/.exec(xml);
      const end = data ? data.index : xml.length;
      const before = xml.slice(0, end);
      const after = viewsSelecting(before, selected, cell, data !== null);
      if (after === before) continue;
      const text = after + xml.slice(end);
      if (raw !== undefined) this.pkg.setLatin1Text(s.part, text);
      else this.pkg.setText(s.part, text);
    }
  }

  toBytes(): Uint8Array {
    this.flushState();
    this.flushStyles();
    return this.pkg.toBytes();
  }
}

const SHEET_VIEW = /<(?:\w+:)?sheetView\b[^>]*?\/?>/;
const TAB_SELECTED = /\stabSelected\s*=\s*["'](1|true)["']/;

/**
 * A sheet's start (its text before `<sheetData`, where CT_Worksheet keeps sheetViews, ECMA-376
 * §18.3.1.99) with its first view selected and showing `cell` (`selected`), or no longer selected.
 * `atSheetData`: the start ends where sheetData begins, so a new sheetViews may go at its end.
 */
function viewsSelecting(start: string, selected: boolean, cell: string, atSheetData: boolean): string {
  const m = SHEET_VIEW.exec(start);
  if (!m) {
    if (!selected) return start;
    // No view: one goes where CT_Worksheet's sequence puts sheetViews (after sheetPr and dimension).
    const next = /<(?:\w+:)?(?:sheetFormatPr|cols|sheetData)\b/.exec(start);
    const at = next ? next.index : atSheetData ? start.length : -1;
    if (at < 0) return start;
    const p = /<(\w+:)?worksheet\b/.exec(start)?.[1] ?? "";
    const view = `<${p}sheetViews><${p}sheetView tabSelected="1" workbookViewId="0"><${p}selection activeCell="${cell}" sqref="${cell}"/></${p}sheetView></${p}sheetViews>`;
    return start.slice(0, at) + view + start.slice(at);
  }
  if (!selected) {
    if (!TAB_SELECTED.test(m[0])) return start;
    return start.slice(0, m.index) + setAttr(m[0], "tabSelected", null) + start.slice(m.index + m[0].length);
  }
  let tag = setAttr(m[0], "tabSelected", "1");
  let after = start.slice(m.index + m[0].length);
  const prefix = /<(\w+:)?sheetView\b/.exec(m[0])?.[1] ?? "";
  const selection = `<${prefix}selection activeCell="${cell}" sqref="${cell}"/>`;
  if (/\/>$/.test(m[0])) {
    tag = tag.replace(/\s*\/>$/, ">") + selection + `</${prefix}sheetView>`;
  } else {
    // Replace the view's own selection(s) of the main pane; panes and other children stay.
    const close = after.search(/<\/(?:\w+:)?sheetView\s*>/);
    const inner = after
      .slice(0, close)
      .replace(/<(?:\w+:)?selection\b[^>]*?(?:\/>|>\s*<\/(?:\w+:)?selection\s*>)/g, "");
    after = inner + selection + after.slice(close);
  }
  return start.slice(0, m.index) + tag + after;
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const XF_DEFAULTS: Record<string, string> = { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0", xfId: "0" };

/** Two cell formats that mean the same: the same attributes (absent ones at their defaults) and children. */
function sameXf(a: string, b: string): boolean {
  if (a === b) return true;
  const split = (xf: string) => {
    const end = xf.indexOf(">") + 1;
    const attrs = { ...XF_DEFAULTS, ...attributes(xf.slice(0, end)) };
    const inner = xf.endsWith("/>") && end === xf.length ? "" : xf.slice(end).replace(/<\/(?:\w+:)?xf\s*>$/, "");
    return { attrs, inner };
  };
  const x = split(a);
  const y = split(b);
  const keys = new Set([...Object.keys(x.attrs), ...Object.keys(y.attrs)]);
  for (const k of keys) if (x.attrs[k] !== y.attrs[k]) return false;
  return x.inner === y.inner;
}

function relationshipPrefix(xml: string): string | null {
  const root = /<(?:\w+:)?workbook\b[^>]*>/.exec(xml)?.[0] ?? "";
  const m =
    /xmlns:(\w+)\s*=\s*["']http:\/\/(?:schemas\.openxmlformats\.org\/officeDocument\/2006|purl\.oclc\.org\/ooxml\/officeDocument)\/relationships["']/.exec(
      root,
    );
  return m ? m[1]! : null;
}

/**
 * Takes our part off every note no record of ours knows (core/orphan-notes: our state lost, or
 * rows pasted from a checked copy), before the sheet is marked again: a cell marked again gets
 * ours once, a cell fixed since keeps nothing of ours. The clerk's words above it stay.
 */
function dropOrphanParts(notes: Notes, recorded: ReadonlySet<string>): void {
  for (const ref of notes.comments.refs()) {
    if (recorded.has(ref) || notes.threads?.has(ref)) continue;
    let note = notes.comments.get(ref)!;
    for (let found = orphanPart(note.text); found; found = orphanPart(note.text)) {
      if (found.kept === "") {
        notes.comments.set(ref, null);
        const { row, col } = parseAddress(ref);
        notes.vml.removeNoteShape(row, col);
        break;
      }
      const xml = notes.comments.withoutOurRun(note, found.part) ?? notes.comments.withoutOurText(note, found.part);
      if (!xml) break;
      notes.comments.set(ref, xml);
      note = notes.comments.get(ref)!;
    }
  }
}

/**
 * Where each record's cell is now. A cell whose note is still the one we left stays; else the
 * nearest note with exactly that text (same column first) not claimed by another record: that
 * is where the cell went when the clerk inserted or deleted rows or columns.
 */
function locate(cells: Record<string, MarkRecord>, comments: CommentsPatch): Map<string, string> {
  const expected = (rec: MarkRecord) =>
    rec.thread ? (rec.note?.text ?? "") + placeholderReply(rec.ours) : mergeNote(rec.note?.text, rec.ours);
  const byText = new Map<string, string[]>();
  for (const ref of comments.refs()) {
    const text = comments.get(ref)!.text;
    let list = byText.get(text);
    if (!list) byText.set(text, (list = []));
    list.push(ref);
  }
  const claimed = new Set<string>();
  const out = new Map<string, string>();
  const pending: string[] = [];
  for (const [address, rec] of Object.entries(cells)) {
    if (comments.get(address)?.text === expected(rec)) {
      out.set(address, address);
      claimed.add(address);
    } else pending.push(address);
  }
  for (const address of pending) {
    const rec = cells[address]!;
    const at = parseAddress(address);
    let best: string | null = null;
    let bestCost = Infinity;
    for (const ref of byText.get(expected(rec)) ?? []) {
      if (claimed.has(ref)) continue;
      const p = parseAddress(ref);
      const cost = Math.abs(p.row - at.row) + 100000 * Math.abs(p.col - at.col);
      if (cost < bestCost) ((bestCost = cost), (best = ref));
    }
    if (best) {
      out.set(address, best);
      claimed.add(best);
    }
  }
  return out;
}

export type { Note };
export { emptyXlsxState };
