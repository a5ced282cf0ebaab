import { cellAddress } from "../../core/grid.js";
import { ByteSink } from "./byte-sink.js";
import { damaged } from "./errors.js";
import { setAttr } from "./xml-write.js";
import { attributes } from "./xml.js";

/**
 * Patching a worksheet part: only the `s` attribute of the cells we mark changes, empty `<c>`
 * elements are inserted (in row and column order) for flagged cells the sheet does not hold,
 * and removed again when they are cleared. Values, formulas, and every other byte stay.
 * One pass over the part; rows without targets are copied as they are.
 * (Worksheet schema: ECMA-376 Part 1 §18.3.1; `r` on rows and cells is optional, §18.3.1.73/4.)
 */

export interface CellState {
  /** The `s` attribute (null when absent: style 0). */
  s: number | null;
  /** Whether the element exists in the part. */
  exists: boolean;
  /** Whether it holds a value, a formula or an inline string. */
  hasValue: boolean;
  /** The style an absent cell shows (row style with customFormat, else its column's), for cloning. */
  effective: number;
  /** For a cell that exists: whether its element has no attribute but `r` and `s` (it may be dropped when empty). */
  plain?: () => boolean;
}

/**
 * What to do with a cell: set its style (null removes `s`); with `dropIfEmpty`, remove the element
 * instead when it holds nothing and no attribute but `r` and `s` (an empty cell we inserted).
 */
export interface CellAction {
  s: number | null;
  dropIfEmpty?: boolean;
}

/** Called for each target cell; returns the action, or undefined to leave the cell alone. */
export type Decide = (row: number, col: number, cell: CellState) => CellAction | undefined;

export interface Targets {
  /** 1-based row → 1-based columns. */
  rows: Map<number, Set<number>>;
}

export function targetsOf(cells: Iterable<{ row: number; col: number }>): Targets {
  const rows = new Map<number, Set<number>>();
  for (const { row, col } of cells) {
    let set = rows.get(row);
    if (!set) rows.set(row, (set = new Set()));
    set.add(col);
  }
  return { rows };
}

/** Column styles from `<cols>`: [min, max, style] triples. */
function columnStyles(xml: string, end: number): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  const head = xml.slice(0, end);
  for (const m of head.matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.style === undefined) continue;
    out.push([Number(a.min ?? 0), Number(a.max ?? 0), Number(a.style)]);
  }
  return out;
}

function colStyle(cols: Array<[number, number, number]>, col: number): number {
  for (const [min, max, style] of cols) if (col >= min && col <= max) return style;
  return 0;
}

const COL_LETTERS = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/**
 * The column of a cell tag's r, or null without one (or one that is no reference). Excel's own
 * spelling, `<c r="H5"` first, is read by hand: a marked row is scanned up to its last mark.
 */
function tagColumn(tag: string, prefixLength: number): number | null {
  let i = prefixLength + 2;
  if (tag.startsWith(' r="', i)) {
    i += 4;
    let col = 0;
    let c = tag.charCodeAt(i);
    while (c >= 65 && c <= 90 && col < 703) {
      col = col * 26 + (c - 64);
      c = tag.charCodeAt(++i);
    }
    const letters = i;
    while (c >= 48 && c <= 57) c = tag.charCodeAt(++i);
    // Up to three letters (XFD), then a row: as COL_LETTERS reads it.
    if (col > 0 && i > letters && c === 34) return col;
  }
  const rAttr = /\sr\s*=\s*["']([^"']*)["']/.exec(tag);
  return (rAttr ? parseRef(rAttr[1]!) : null)?.col ?? null;
}

function parseRef(ref: string): { row: number; col: number } | null {
  const m = COL_LETTERS.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/**
 * A sheet on its way to bytes: its start before `<sheetData` (`lead`, kept as text: the sheet
 * views are there, and selecting another sheet edits them), what is encoded already (`head`),
 * and the part's own end from `</sheetData>` on, kept as text for the notes' legacyDrawing to go
 * into, with the root tag it needs. A 50,000-row sheet is thus never joined into one more 20 MB
 * string, and once patched it holds nothing of the decoded original (40 MB as UTF-16): the lead,
 * tail and root are copies.
 */
export interface PatchedSheet {
  /** The part's text before `<sheetData`; "" when `head` holds the part from its start. */
  lead: string;
  head: ByteSink;
  tail: string;
  /** The `<worksheet>` start tag, when `tail` does not hold it. */
  root: string;
  /** False for a sheet as it was (see unpatched). */
  changed: boolean;
}

/** A sheet as it is, as a PatchedSheet (for a legacyDrawing to be added all the same). */
export function unpatched(xml: string, head = new ByteSink()): PatchedSheet {
  return { lead: "", head, tail: xml, root: "", changed: false };
}

/** The sheet after its lead written: its head, with the tail written into it. */
export function finished(sheet: PatchedSheet): ByteSink {
  sheet.head.write(sheet.tail);
  return sheet.head;
}

/**
 * Runs `decide` on every target cell (in document order) and returns the patched part, written
 * into `head` but for its tail, or null when nothing changed.
 */
export function patchSheet(xml: string, targets: Targets, decide: Decide, head = new ByteSink()): PatchedSheet | null {
  if (targets.rows.size === 0) return null;
  const open = /<((?:\w+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return null;
  const prefix = open[1]!;
  const cols = columnStyles(xml, open.index);
  const write = (...texts: string[]) => {
    for (const t of texts) head.write(t);
  };
  const lead = detached(xml.slice(0, open.index));
  let copied = open.index; // xml[open.index, copied) is already written
  let changed = false;

  const pendingRows = [...targets.rows.keys()].sort((a, b) => a - b);
  let pi = 0;

  /** Rows the part lacks: each is new, with an empty cell per target the decision keeps. */
  const newRowsBefore = (limit: number): string => {
    let text = "";
    while (pi < pendingRows.length && pendingRows[pi]! < limit) {
      const r = pendingRows[pi++]!;
      const colsOf = [...targets.rows.get(r)!].sort((a, b) => a - b);
      let cells = "";
      for (const c of colsOf) {
        const state: CellState = { s: null, exists: false, hasValue: false, effective: colStyle(cols, c) };
        const action = decide(r, c, state);
        if (action && action.s !== null && !action.dropIfEmpty)
          cells += `<${prefix}c r="${cellAddress(r, c)}" s="${action.s}"/>`;
      }
      if (cells) text += `<${prefix}row r="${r}">${cells}</${prefix}row>`;
    }
    return text;
  };

  if (open[2] === "/") {
    const rows = newRowsBefore(Infinity);
    if (!rows) return null;
    write(`<${prefix}sheetData>${rows}</${prefix}sheetData>`);
    head.flush();
    return { lead, head, tail: detached(xml.slice(open.index + open[0].length)), root: rootTag(xml), changed: true };
  }

  const closeTag = `</${prefix}sheetData>`;
  const dataEnd = xml.indexOf(closeTag, open.index);
  if (dataEnd < 0) return null;
  const rowRe = /<(?:\w+:)?row\b[^>]*?(\/?)>/g;
  rowRe.lastIndex = open.index + open[0].length;
  let prevRow = 0;
  const rowClose = `</${prefix}row>`;
  let m: RegExpExecArray | null;
  while (pi < pendingRows.length && (m = rowRe.exec(xml)) !== null && m.index < dataEnd) {
    const tag = m[0];
    const rAttr = /\sr\s*=\s*["'](\d+)["']/.exec(tag);
    const r = rAttr ? Number(rAttr[1]) : prevRow + 1;
    prevRow = r;
    const selfClosing = m[1] === "/";
    const contentStart = m.index + tag.length;
    const contentEnd = selfClosing ? contentStart : xml.indexOf(rowClose, contentStart);
    if (contentEnd < 0) break;
    rowRe.lastIndex = selfClosing ? contentStart : contentEnd + rowClose.length;

    const inserted = newRowsBefore(r);
    if (inserted) {
      write(xml.slice(copied, m.index), inserted);
      copied = m.index;
      changed = true;
    }
    const wanted = targets.rows.get(r);
    if (!wanted || pendingRows[pi] !== r) continue;
    pi++;

    const rowAttrs = attributes(tag);
    const rowStyle = rowAttrs.customFormat === "1" || rowAttrs.customFormat === "true" ? Number(rowAttrs.s ?? 0) : null;
    const content = xml.slice(contentStart, contentEnd);
    const patched = patchRow(
      content,
      r,
      [...wanted].sort((a, b) => a - b),
      prefix,
      decide,
      (c) => (rowStyle !== null ? rowStyle : colStyle(cols, c)),
    );
    if (patched === null) continue;
    if (patched.text.trim() === "" && Object.keys(rowAttrs).every((k) => k === "r")) {
      // A row that held only the empty cell we had inserted (a row we added): it goes with it.
      write(xml.slice(copied, m.index));
      copied = selfClosing ? contentStart : contentEnd + rowClose.length;
      changed = true;
      continue;
    }
    let newTag = tag;
    if (selfClosing) newTag = tag.replace(/\s*\/>$/, ">");
    // `spans` is an optimisation hint (§18.3.1.73); one we would have to widen is simply dropped.
    if (patched.maxCol > 0 && rowAttrs.spans !== undefined) {
      const sp = /^(\d+):(\d+)$/.exec(rowAttrs.spans);
      if (!sp || patched.minCol < Number(sp[1]) || patched.maxCol > Number(sp[2]))
        newTag = setAttr(newTag, "spans", null);
    }
    write(xml.slice(copied, m.index), newTag, patched.text, selfClosing ? rowClose : "");
    copied = contentEnd;
    changed = true;
  }
  const tail = newRowsBefore(Infinity);
  if (tail) {
    write(xml.slice(copied, dataEnd), tail);
    copied = dataEnd;
    changed = true;
  }
  if (!changed) return null;
  write(xml.slice(copied, dataEnd));
  head.flush();
  return { lead, head, tail: detached(xml.slice(dataEnd)), root: rootTag(xml), changed: true };
}

function rootTag(xml: string): string {
  return detached(/<(?:\w+:)?worksheet\b[^>]*>/.exec(xml)?.[0] ?? "");
}

/**
 * A copy of a slice that does not keep the string it was cut from alive (V8 slices share their
 * parent's characters): flattening the concatenation copies the characters.
 */
function detached(slice: string): string {
  return ` ${slice}`.slice(1);
}

function patchRow(
  content: string,
  row: number,
  wanted: number[],
  prefix: string,
  decide: Decide,
  effectiveOf: (col: number) => number,
): { text: string; minCol: number; maxCol: number } | null {
  const cellRe = /<(?:\w+:)?c\b[^>]*?(\/?)>/g;
  const close = `</${prefix}c>`;
  const out: string[] = [];
  let copied = 0;
  let changed = false;
  let prevCol = 0;
  let wi = 0;
  let minCol = Infinity;
  let maxCol = 0;
  const insertBefore = (limit: number, at: number) => {
    while (wi < wanted.length && wanted[wi]! < limit) {
      const c = wanted[wi++]!;
      const action = decide(row, c, { s: null, exists: false, hasValue: false, effective: effectiveOf(c) });
      if (action && action.s !== null && !action.dropIfEmpty) {
        out.push(content.slice(copied, at), `<${prefix}c r="${cellAddress(row, c)}" s="${action.s}"/>`);
        copied = at;
        changed = true;
        minCol = Math.min(minCol, c);
        maxCol = Math.max(maxCol, c);
      }
    }
  };
  let m: RegExpExecArray | null;
  while (wi < wanted.length && (m = cellRe.exec(content)) !== null) {
    const tag = m[0];
    const c = tagColumn(tag, prefix.length) ?? prevCol + 1;
    prevCol = c;
    const selfClosing = m[1] === "/";
    const bodyEnd = selfClosing ? m.index + tag.length : content.indexOf(close, m.index + tag.length);
    const end = selfClosing ? bodyEnd : bodyEnd + close.length;
    cellRe.lastIndex = end;
    insertBefore(c, m.index);
    if (wanted[wi] !== c) continue;
    wi++;
    const body = selfClosing ? "" : content.slice(m.index + tag.length, bodyEnd);
    const sAttr = /\ss\s*=\s*["'](\d+)["']/.exec(tag);
    const plain = () => Object.keys(attributes(tag)).every((a) => a === "r" || a === "s");
    const state: CellState = {
      s: sAttr ? Number(sAttr[1]) : null,
      exists: true,
      hasValue: /<(?:\w+:)?(?:v|f|is)\b/.test(body),
      effective: effectiveOf(c),
      plain,
    };
    const action = decide(row, c, state);
    if (!action) continue;
    let replacement: string;
    const droppable = action.dropIfEmpty === true && !state.hasValue && plain();
    if (droppable) {
      replacement = "";
    } else {
      replacement =
        setAttr(tag, "s", action.s === null ? null : String(action.s)) + content.slice(m.index + tag.length, end);
      minCol = Math.min(minCol, c);
      maxCol = Math.max(maxCol, c);
    }
    out.push(content.slice(copied, m.index), replacement);
    copied = end;
    changed = true;
  }
  insertBefore(Infinity, content.length);
  if (!changed) return null;
  out.push(content.slice(copied));
  return { text: out.join(""), minCol: minCol === Infinity ? 0 : minCol, maxCol };
}

/**
 * The sheet with a `<legacyDrawing r:id>` (for notes) in its schema place: after `drawing`,
 * before `legacyDrawingHF`, `picture`, `oleObjects`, `controls`, `webPublishItems`, `tableParts`,
 * `extLst`, all of which come after sheetData: it goes into the tail.
 */
export function withLegacyDrawing(sheet: PatchedSheet, rId: string): PatchedSheet {
  // A sheet has one legacyDrawing (CT_Worksheet: minOccurs 0, maxOccurs 1): one whose
  // relationship is gone (a damaged file) is pointed at ours rather than followed by a second.
  const old = /<(?:\w+:)?legacyDrawing\b[^>]*?(?:\/>|>\s*<\/(?:\w+:)?legacyDrawing\s*>)/.exec(sheet.tail);
  if (old) {
    const idAttr = Object.keys(attributes(old[0])).find((k) => k === "id" || k.endsWith(":id"));
    if (idAttr) {
      const tail =
        sheet.tail.slice(0, old.index) + setAttr(old[0], idAttr, rId) + sheet.tail.slice(old.index + old[0].length);
      return { ...sheet, tail, changed: true };
    }
  }
  const { at, element } = legacyDrawingAt(sheet.root + sheet.tail, rId);
  const offset = at - sheet.root.length;
  return { ...sheet, tail: sheet.tail.slice(0, offset) + element + sheet.tail.slice(offset), changed: true };
}

function legacyDrawingAt(xml: string, rId: string): { at: number; element: string } {
  const root = /<((?:\w+:)?)worksheet\b[^>]*>/.exec(xml);
  if (!root) throw damaged("not a worksheet");
  const prefix = root[1]!;
  const relNs =
    /xmlns:(\w+)\s*=\s*["']http:\/\/(?:schemas\.openxmlformats\.org\/officeDocument\/2006|purl\.oclc\.org\/ooxml\/officeDocument)\/relationships["']/.exec(
      root[0],
    );
  const attr = relNs
    ? `${relNs[1]}:id="${rId}"`
    : `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${rId}"`;
  const element = `<${prefix}legacyDrawing ${attr}/>`;
  // Only the part after sheetData can hold them: look there, not through every cell. Its end is
  // the last `</sheetData>` (or `<sheetData/>`): the word alone may stand in a later attribute.
  let from = root.index + root[0].length;
  for (const m of xml.matchAll(/<\/(?:\w+:)?sheetData\s*>|<(?:\w+:)?sheetData\b[^>]*\/>/g))
    from = m.index + m[0].length;
  const at = firstTopLevel(xml, from, LATER_THAN_LEGACY_DRAWING);
  return { at: at >= 0 ? at : new RegExp(`</(?:\\w+:)?worksheet\\s*>`).exec(xml)!.index, element };
}

/** CT_Worksheet's children after legacyDrawing (ECMA-376 Part 1 §18.3.1.99), in order. */
const LATER_THAN_LEGACY_DRAWING = new Set([
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/**
 * Where the first child of the worksheet from `from` on is one of `names` (by local name): the
 * sheet's own children only, not an element of the same name inside one of them (a data bar's
 * `<cfRule>` holds an `<extLst>` of its own). A top-level `mc:AlternateContent` counts as the
 * element it offers (Excel writes `<controls>` and `<oleObjects>` inside one). -1 when none is.
 */
function firstTopLevel(xml: string, from: number, names: ReadonlySet<string>): number {
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w.-]+:)?([\w.-]+)[^>]*?(\/?)>/g;
  tag.lastIndex = from;
  let depth = 0;
  let open = -1; // the top-level AlternateContent being looked into
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[3] === undefined) continue; // a comment or a processing instruction
    const local = m[3];
    if (m[1]) {
      if (depth === 0) return -1; // </worksheet>
      depth--;
      if (depth === 0) open = -1;
      continue;
    }
    if (depth === 0 && names.has(local)) return m.index;
    if (depth === 0 && local === "AlternateContent") open = m.index;
    else if (open >= 0 && depth <= 2 && names.has(local)) return open;
    if (!m[4]) depth++;
  }
  return -1;
}

/** The r:id of the sheet's `<legacyDrawing>`, if any. */
export function legacyDrawingId(xml: string): string | null {
  const m = /<(?:\w+:)?legacyDrawing\b[^>]*>/.exec(xml.slice(Math.max(0, xml.lastIndexOf("sheetData"))));
  if (!m) return null;
  const a = attributes(m[0]);
  for (const k in a) if (k === "id" || k.endsWith(":id")) return a[k]!;
  return null;
}
