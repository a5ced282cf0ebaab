import { LedgerError } from "../core/errors.js";
import type { WorkbookPort } from "../hosts/workbook.js";
import type { Strings } from "./i18n.js";

/**
 * Helpers around running the one-click job from the pane: keeping the UI responsive and
 * turning failures into the clerk's one-line message.
 */

/** A macrotask: lets React commit and the browser paint the stage text before work goes on. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The port with a yield before every call. checkWorkbook's stages are separated by port
 * calls, so this is where the browser gets to paint between them; after the full read
 * (the only call without maxRows) `beforeCheck` announces the synchronous check that follows.
 */
export function withYields(port: WorkbookPort, beforeCheck: () => void): WorkbookPort {
  return {
    listSheets: async () => {
      await nextTask();
      return port.listSheets();
    },
    readGrid: async (sheet, options) => {
      await nextTask();
      const grid = await port.readGrid(sheet, options);
      if (options?.maxRows === undefined) {
        beforeCheck();
        await nextTask();
      }
      return grid;
    },
    writeMarks: async (sheet, marks) => {
      await nextTask();
      return port.writeMarks(sheet, marks);
    },
    clearMarks: async (sheet) => {
      await nextTask();
      return port.clearMarks(sheet);
    },
    writeSheet: async (doc) => {
      await nextTask();
      return port.writeSheet(doc);
    },
    select: (sheet, cell) => port.select(sheet, cell),
  };
}

/**
 * The one line the clerk sees. A LedgerError (WorkbookOpenError is one) already speaks to the
 * clerk; anything else is unexpected and framed as "nothing changed" or "not done".
 */
export function errorMessage(e: unknown, lang: "zh" | "en", t: Strings, reading: boolean): string {
  if (e instanceof LedgerError) return e.text[lang];
  const detail = e instanceof Error ? e.message : String(e);
  return reading ? t.readFailed(detail) : t.actionFailed(detail);
}
