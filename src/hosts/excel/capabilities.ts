/// <reference types="office-js" />

/**
 * Which Office APIs this Excel offers, decided once by the host: the requirement sets Excel
 * reports AND the members the loaded Office.js library defines. Both are needed: the npm
 * @microsoft/office-js package (the intranet build) answers `isSetSupported("ExcelApi", "1.18")`
 * from the running Excel, yet its library has no `Worksheet.notes`. The pane reads this object
 * instead of asking Office itself.
 */
export interface ExcelCapabilities {
  /** Cell notes (ExcelApi 1.18, and a library that has them): marks carry their messages. */
  notes: boolean;
  /**
   * Threaded comments (Worksheet.comments 1.10, Comment.resolved 1.11), used with notes: a cell
   * with a thread can't take a note, so our paragraph goes into its thread as a reply.
   */
  threads: boolean;
  /** Range.getMergedAreasOrNullObject (1.13): merged cells are read as such. */
  mergedAreas: boolean;
  /** fill.pattern, patternColor, tintAndShade (1.9): "no fill" is told from white. */
  fillDetails: boolean;
  /** Worksheet.getRanges (1.9): many cells in one call. */
  getRanges: boolean;
  /** Worksheet.pageLayout (1.9): the bulletin prints on A4 with margins and footer. */
  pageLayout: boolean;
  /** Worksheet.showGridlines (1.8). */
  gridlines: boolean;
  /** workbook.functions (1.2): the date system is asked, not assumed. */
  functions: boolean;
  /** *OrNullObject methods (1.4). */
  nullObjects: boolean;
  /** Workbook.customXmlParts (1.5): where the marks state lives. */
  customXmlParts: boolean;
  /** Excel.run's delayForCellEdit (1.11): a batch waits while the user edits a cell. */
  delayForCellEdit: boolean;
}

export type RequirementCheck = (set: string, version: string) => boolean;
/** Whether the loaded Office.js library defines `member` on class `cls` (e.g. Worksheet.notes). */
export type LibraryCheck = (cls: string, member: string) => boolean;

export const officeRequirements: RequirementCheck = (set, version) =>
  Office.context.requirements.isSetSupported(set, version);

export const officeLibrary: LibraryCheck = (cls, member) => {
  const ctor = (typeof Excel === "undefined" ? undefined : (Excel as unknown as Record<string, unknown>)[cls]) as
    { prototype?: object } | undefined;
  return !!ctor?.prototype && member in ctor.prototype;
};

export function detectCapabilities(supports: RequirementCheck, library: LibraryCheck): ExcelCapabilities {
  const api = (v: string) => supports("ExcelApi", v);
  return {
    notes: api("1.18") && library("Worksheet", "notes"),
    threads: api("1.11") && library("Worksheet", "comments"),
    mergedAreas: api("1.13"),
    fillDetails: api("1.9"),
    getRanges: api("1.9"),
    pageLayout: api("1.9"),
    gridlines: api("1.8"),
    functions: api("1.2"),
    nullObjects: api("1.4"),
    customXmlParts: api("1.5"),
    delayForCellEdit: api("1.11"),
  };
}
