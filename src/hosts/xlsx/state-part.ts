import { z } from "zod";
import { CONTENT_TYPE, REL, relTypeIs, type PackageCopy } from "./package-copy.js";
import { decodeEntities } from "./xml-write.js";

/**
 * What ledger-check keeps in a copy so that its marks can be undone exactly and its sheets
 * recognised: a custom XML part (ECMA-376 Part 1 §22.5; Excel keeps such parts on save, and
 * Office.js reads them through `workbook.customXmlParts`) in a namespace only we write, carrying
 * a random id and a checksum of its content. Never a sheet, never found by a name: a sheet of
 * the clerk's named `ledger-check`, or renamed to our bulletin's name, is never taken for ours.
 * A part in our namespace whose checksum fails (edited by hand) is not trusted at all.
 */

export const STATE_NS = "urn:ledger-check:state";
const STATE_ROOT = "ledgerCheckState";

const Severity = z.enum(["error", "warning", "info"]);

export const MarkRecordSchema = z.object({
  /** The cell's `s` attribute before we marked it (null: absent). */
  s: z.number().int().nonnegative().nullable(),
  /** Whether the `<c>` element existed (an absent one we inserted, and remove again when it is still empty). */
  existed: z.boolean(),
  /** The fillId and applyFill of that style, and the meaning of the fill (to restore after a program renumbered styles). */
  fillId: z.number().int().nonnegative(),
  applyFill: z.string().nullable(),
  fillKey: z.string(),
  fillXml: z.string(),
  severity: Severity,
  /** The clerk's note before, verbatim, or null when there was none. */
  note: z.object({ xml: z.string(), text: z.string() }).nullable(),
  /** The paragraph we wrote into the note (`ledger-check: …`). */
  ours: z.string(),
});
export type MarkRecord = z.infer<typeof MarkRecordSchema>;

export const GeneratedSheetSchema = z.object({
  sheetId: z.number().int().positive(),
  name: z.string(),
  /** A random code name in `<sheetPr codeName>`: Excel, LibreOffice and openpyxl keep it when they re-save. */
  codeName: z.string(),
});
export type GeneratedSheet = z.infer<typeof GeneratedSheetSchema>;

export const XlsxStateSchema = z.object({
  version: z.literal(2),
  /** By the sheet's sheetId (which a rename keeps). */
  marks: z.record(
    z.string(),
    z.object({ name: z.string(), cells: z.record(z.string().regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/), MarkRecordSchema) }),
  ),
  generated: z.array(GeneratedSheetSchema),
});
export type XlsxState = z.infer<typeof XlsxStateSchema>;

export function emptyXlsxState(): XlsxState {
  return { version: 2, marks: {}, generated: [] };
}

export interface LoadedState {
  state: XlsxState;
  /** The part holding our state (valid or tampered), to be replaced on save. */
  part: string | null;
  /** A part in our namespace whose checksum failed: ignored, and replaced by the next save. */
  tampered: boolean;
}

/** Finds and verifies our state among the workbook's custom XML parts. */
export function loadState(pkg: PackageCopy): LoadedState {
  const wb = pkg.workbookPart();
  for (const rel of pkg.rels(wb)) {
    if (!relTypeIs(rel.type, REL.customXml) || !rel.part) continue;
    const xml = pkg.text(rel.part);
    if (!xml) continue;
    const root = new RegExp(`<(?:\\w+:)?${STATE_ROOT}\\b([^>]*)>([\\s\\S]*?)</(?:\\w+:)?${STATE_ROOT}\\s*>`).exec(xml);
    if (!root || !root[1]!.includes(`"${STATE_NS}"`)) continue;
    const id = /\sid="([0-9a-f]{32})"/.exec(root[1]!)?.[1];
    const sig = /\ssig="([0-9a-f]{16})"/.exec(root[1]!)?.[1];
    const json = decodeEntities(root[2]!);
    if (!id || !sig || checksum(`${id}\n${json}`) !== sig) return { state: emptyXlsxState(), part: rel.part, tampered: true };
    try {
      const parsed = XlsxStateSchema.safeParse(JSON.parse(json));
      if (parsed.success) return { state: parsed.data, part: rel.part, tampered: false };
    } catch {
      // fall through: not ours after all
    }
    return { state: emptyXlsxState(), part: rel.part, tampered: true };
  }
  return { state: emptyXlsxState(), part: null, tampered: false };
}

/** Writes the state (or removes its parts when there is nothing to keep); returns the part used. */
export function saveState(pkg: PackageCopy, state: XlsxState, part: string | null): string | null {
  const wb = pkg.workbookPart();
  const nothing = Object.keys(state.marks).length === 0 && state.generated.length === 0;
  if (nothing) {
    if (part) removeStatePart(pkg, wb, part);
    return null;
  }
  const id = randomHex(16);
  // JSON escapes every control character; U+FFFE/U+FFFF too, so the text is plain XML content.
  const json = JSON.stringify(state).replace(/[\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  const body = json.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<${STATE_ROOT} xmlns="${STATE_NS}" version="2" id="${id}" sig="${checksum(`${id}\n${json}`)}">${body}</${STATE_ROOT}>`;
  if (part) {
    pkg.setText(part, xml);
    return part;
  }
  const item = pkg.freeName("customXml/item", ".xml");
  const props = item.replace(/item(\d+)\.xml$/, "itemProps$1.xml");
  pkg.setText(item, xml);
  pkg.setText(
    props,
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
      `<ds:datastoreItem ds:itemID="{${guid()}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${STATE_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  pkg.addRel(item, REL.customXmlProps, props);
  pkg.addRel(wb, REL.customXml, item);
  pkg.declare(item, CONTENT_TYPE.xml);
  pkg.declare(props, CONTENT_TYPE.customXmlProps);
  return item;
}

function removeStatePart(pkg: PackageCopy, wb: string, part: string): void {
  for (const rel of pkg.rels(part)) {
    if (rel.part && relTypeIs(rel.type, REL.customXmlProps)) {
      pkg.remove(rel.part);
      pkg.undeclare(rel.part);
    }
  }
  pkg.remove(pkg.relsPartOf(part));
  pkg.remove(part);
  pkg.undeclare(part);
  for (const rel of pkg.rels(wb)) if (rel.part === part) pkg.removeRel(wb, rel.id);
}

/**
 * A 64-bit checksum (two independent 32-bit FNV-1a/murmur-mixed lanes) of the state's text: it
 * tells a state we wrote from one edited by hand. Not a secret: it guards against accidents.
 */
export function checksum(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  return ((h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0")).slice(0, 16);
}

export function randomHex(bytes: number): string {
  const b = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
}

function guid(): string {
  const h = randomHex(16).toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
