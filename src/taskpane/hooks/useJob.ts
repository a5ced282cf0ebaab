import { useCallback, useReducer, useRef } from "react";
import type { Stage, WorkbookCheck } from "../../app/check-workbook.js";
import type { Config } from "../../core/config.js";
import type { Lang } from "../../core/i18n.js";
import type { Finding } from "../../core/report.js";
import type { SheetInfo, WorkbookPort } from "../../hosts/workbook.js";
import type { XlsxWorkbook } from "../../hosts/xlsx/xlsx-workbook.js";
import { say, words, type StageWord } from "../i18n.js";
import { errorMessage, nextTask } from "../job.js";
import type { PaneHost } from "../pane-host.js";
import { bulletinFileName, checkedFileName } from "../view-model.js";

/**
 * The pane's job state in one reducer: what runs (busy), what the clerk was last told (flash or
 * error), the check, and the state of the workbook the next action will see (marks on it or
 * cleared, a bulletin sheet written). Every message is chosen from that state, so it says what
 * the next action will find: after 清除标记 the preview's copy has no marks, and its download
 * says so.
 */

export interface Busy {
  stage: StageWord;
  done?: number;
  total?: number;
}

export type Flash = { kind: "success" | "info"; text: string };

/** The marks on the workbook (Excel) or on the preview's in-memory copy. */
export type MarksState = "none" | "marked" | "cleared";

export interface OpenFile {
  name: string;
  size: number;
}

export interface JobState {
  busy: Busy | null;
  error: string | null;
  flash: Flash | null;
  check: WorkbookCheck | null;
  sheets: SheetInfo[];
  /** The preview's open file; null in Excel or before a file is open. */
  file: OpenFile | null;
  marks: MarksState;
  /** The bulletin sheet written into the workbook (or the preview's copy), if any. */
  bulletin: string | null;
}

export type JobAction =
  | { type: "start"; busy: Busy }
  | { type: "progress"; busy: Busy }
  | { type: "end" }
  | { type: "fail"; error: string }
  | { type: "flash"; flash: Flash | null }
  | { type: "opening"; file: OpenFile }
  | { type: "opened"; file: OpenFile; sheets: SheetInfo[]; flash: Flash }
  | { type: "openFailed"; error: string }
  | { type: "sheets"; sheets: SheetInfo[] }
  | { type: "checked"; check: WorkbookCheck; marks: MarksState; flash: Flash }
  | { type: "cleared"; flash: Flash }
  | { type: "bulletin"; name: string; flash: Flash };

export const INITIAL_JOB: JobState = {
  busy: null,
  error: null,
  flash: null,
  check: null,
  sheets: [],
  file: null,
  marks: "none",
  bulletin: null,
};

export function jobReducer(state: JobState, action: JobAction): JobState {
  switch (action.type) {
    case "start":
      return { ...state, busy: action.busy, error: null, flash: null };
    case "progress":
      return { ...state, busy: action.busy };
    case "end":
      return { ...state, busy: null };
    case "fail":
      return { ...state, error: action.error };
    case "flash":
      return { ...state, flash: action.flash };
    case "opening":
      // A new file: nothing of the last one (check, marks, bulletin) carries over.
      return { ...INITIAL_JOB, busy: { stage: "open" }, file: action.file };
    case "opened":
      return { ...state, busy: null, file: action.file, sheets: action.sheets, flash: action.flash };
    case "openFailed":
      return { ...INITIAL_JOB, error: action.error };
    case "sheets":
      return { ...state, sheets: action.sheets };
    case "checked":
      return { ...state, check: action.check, sheets: action.check.sheets, marks: action.marks, flash: action.flash };
    case "cleared":
      return { ...state, marks: "cleared", flash: action.flash };
    case "bulletin":
      return { ...state, bulletin: action.name, flash: action.flash };
  }
}

/**
 * The engine (detection, rules' checks, the bulletin, notices), loaded after the pane's first
 * paint and prefetched at once: the pane's initial script stays within its budget (issue #4), and
 * by the time a clerk presses 一键校验 the chunk is there.
 */
const engine = () => import(/* webpackChunkName: "engine", webpackPrefetch: true */ "../../app/check-workbook.js");

/** Thrown when the preview has no file yet; shown as the "open a file first" message. */
class NoFileError extends Error {
  constructor() {
    super("no file");
    this.name = "NoFileError";
  }
}

export type DownloadKind = "copy" | "bulletin-xlsx" | "bulletin-docx";

export function useJob(host: PaneHost, lang: Lang, config: () => Config) {
  const [state, dispatch] = useReducer(jobReducer, INITIAL_JOB);
  const preview = host.kind === "preview";
  const portRef = useRef<WorkbookPort | null>(host.port);
  const xlsxRef = useRef<XlsxWorkbook | null>(null);
  const fileRef = useRef<OpenFile | null>(null);
  const openingRef = useRef<Promise<boolean> | null>(null);
  const openErrorRef = useRef<unknown>(null);
  const runningRef = useRef(false);
  /**
   * The preview's copy: whether the marks of the last check are written into it yet. They are
   * written when the copy is first downloaded, not at 一键校验 (marking thousands of cells of an
   * xlsx in the browser takes long, and the clerk may only want to read the findings); the state
   * the clerk is told (marked / cleared) is what the download will hold either way.
   */
  const appliedRef = useRef(false);
  const stateRef = useRef(state);
  stateRef.current = state;
  const langRef = useRef(lang);
  langRef.current = lang;

  /** Shows the stage, then yields so the browser paints it before the stage's work starts. */
  const progress = useCallback(async (stage: Stage, done?: number, total?: number) => {
    dispatch({
      type: "progress",
      busy: done !== undefined && total !== undefined && total > 0 ? { stage, done, total } : { stage },
    });
    await nextTask();
  }, []);

  /** Runs one action at a time; failures become the alert, and the busy bar always goes away. */
  const run = useCallback(async (first: Busy, reading: boolean, action: () => Promise<void>) => {
    if (runningRef.current) return;
    runningRef.current = true;
    dispatch({ type: "start", busy: first });
    try {
      await action();
    } catch (e) {
      const w = words(langRef.current);
      dispatch({
        type: "fail",
        error: e instanceof NoFileError ? w.noFile : errorMessage(e, langRef.current, reading),
      });
    } finally {
      runningRef.current = false;
      dispatch({ type: "end" });
    }
  }, []);

  const openFile = useCallback((file: File) => {
    appliedRef.current = false;
    const info = { name: file.name, size: file.size };
    fileRef.current = info;
    dispatch({ type: "opening", file: info });
    openingRef.current = (async () => {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        // The xlsx reader is loaded only now: Excel's own pane never needs it.
        const { openWorkbookFile } = await import(/* webpackChunkName: "xlsx" */ "../preview-files.js");
        const wb = await openWorkbookFile(bytes, file.name);
        xlsxRef.current = wb;
        portRef.current = wb;
        openErrorRef.current = null;
        const sheets = await wb.listSheets();
        dispatch({
          type: "opened",
          file: info,
          sheets,
          flash: { kind: "info", text: say(words(langRef.current).fileOpened, { name: file.name }) },
        });
        return true;
      } catch (e) {
        console.warn("ledger-check: opening failed", e);
        openErrorRef.current = e;
        xlsxRef.current = null;
        portRef.current = null;
        fileRef.current = null;
        dispatch({ type: "openFailed", error: errorMessage(e, langRef.current, true) });
        return false;
      }
    })();
  }, []);

  /** The workbook to act on, once any file still opening has opened. */
  const target = async (): Promise<WorkbookPort> => {
    if (openingRef.current) {
      const ok = await openingRef.current;
      openingRef.current = null;
      // A file that failed to open keeps saying why, rather than a blank pane.
      if (!ok) throw openErrorRef.current ?? new NoFileError();
    }
    const port = portRef.current;
    if (!port) throw openErrorRef.current ?? new NoFileError();
    return port;
  };

  /** The one-click check: read, check, mark the cells (in the preview, of the in-memory copy). */
  const validate = async (): Promise<WorkbookCheck> => {
    const port = await target();
    const { checkWorkbook, markWorkbook } = await engine();
    const result = await checkWorkbook(port, config(), progress, preview ? fileRef.current?.name : undefined);
    let n: number;
    if (preview) {
      appliedRef.current = false;
      n = new Set(result.findings.map((f) => `${f.finding.row},${f.col}`)).size;
    } else {
      n = await markWorkbook(port, result, progress);
    }
    const w = words(langRef.current);
    dispatch({
      type: "checked",
      check: result,
      marks: "marked",
      flash: { kind: "success", text: say(preview ? w.markedPreview : w.marked, { n }) },
    });
    return result;
  };

  const onValidate = () => run({ stage: "detect" }, true, async () => void (await validate()));

  const onBulletin = () =>
    run({ stage: "bulletin" }, false, async () => {
      const c = stateRef.current.check ?? (await validate());
      const { writeBulletin } = await engine();
      const name = await writeBulletin(await target(), c, progress);
      const w = words(langRef.current);
      dispatch({
        type: "bulletin",
        name,
        flash: { kind: "success", text: say(preview ? w.bulletinWrittenPreview : w.bulletinWritten, { name }) },
      });
    });

  /** The 督办清单 sheet, written beside the bulletin; no sheet at all when no department has anything to act on. */
  const onNotices = () =>
    run({ stage: "notices" }, false, async () => {
      const c = stateRef.current.check ?? (await validate());
      const { writeNotices } = await engine();
      const name = await writeNotices(await target(), c, config());
      const w = words(langRef.current);
      const text = name ? say(preview ? w.noticesWrittenPreview : w.noticesWritten, { name }) : w.noticesNone;
      dispatch({ type: "flash", flash: { kind: name ? "success" : "info", text } });
    });

  const onClear = () =>
    run({ stage: "clear" }, false, async () => {
      const port = await target();
      const c = stateRef.current.check;
      const names = c ? [c.report.sheet] : (await port.listSheets()).filter((x) => !x.generated).map((x) => x.name);
      // The preview's copy holds marks only once a download wrote them; Excel's workbook always.
      if (!preview || appliedRef.current) for (const name of names) await port.clearMarks(name);
      appliedRef.current = false;
      const w = words(langRef.current);
      dispatch({ type: "cleared", flash: { kind: "success", text: preview ? w.marksClearedPreview : w.marksCleared } });
    });

  /** Preview downloads: the copy as it now is (marks or none, bulletin sheet if written), or the bulletin alone. */
  const onDownload = (kind: DownloadKind) =>
    run({ stage: "download" }, false, async () => {
      const wb = xlsxRef.current;
      const c = stateRef.current.check;
      const file = fileRef.current;
      if (!wb || !c || !file) throw new NoFileError();
      let bytes: Uint8Array;
      let name: string;
      if (kind === "copy") {
        if (stateRef.current.marks === "marked" && !appliedRef.current) {
          const { markWorkbook } = await engine();
          await markWorkbook(wb, c, progress);
          appliedRef.current = true;
          dispatch({ type: "progress", busy: { stage: "download" } });
        }
        bytes = await wb.toBuffer();
        name = checkedFileName(file.name, stateRef.current.marks === "marked" ? "checked" : "copy");
      } else if (kind === "bulletin-xlsx") {
        const { bulletinWorkbook } = await import(/* webpackChunkName: "xlsx" */ "../preview-files.js");
        bytes = bulletinWorkbook(c);
        name = bulletinFileName(file.name, "xlsx");
      } else {
        const { bulletinDocxOf } = await engine();
        bytes = await bulletinDocxOf(c);
        name = bulletinFileName(file.name, "docx");
      }
      saveBytes(bytes, name, kind === "bulletin-docx" ? DOCX_TYPE : XLSX_TYPE);
      dispatch({ type: "flash", flash: { kind: "success", text: say(words(langRef.current).downloaded, { name }) } });
    });

  /** In Excel: the bulletin as a Word file, where the webview saves downloads; else why not, and the sheet instead. */
  const onWordBulletin = () =>
    run({ stage: "download" }, false, async () => {
      const c = stateRef.current.check ?? (await validate());
      const w = words(langRef.current);
      if (!host.downloads) {
        dispatch({ type: "flash", flash: { kind: "info", text: w.wordNotHere } });
        return;
      }
      const { bulletinDocxOf } = await engine();
      const name = bulletinFileName(`${c.report.sheet}.xlsx`, "docx");
      saveBytes(await bulletinDocxOf(c), name, DOCX_TYPE);
      dispatch({ type: "flash", flash: { kind: "success", text: say(w.downloaded, { name }) } });
    });

  /** In Excel a finding selects its cell; the caller shows details in the preview. */
  const select = (f: Finding) => {
    const c = stateRef.current.check;
    const port = portRef.current;
    if (!c || !port) return;
    port
      .select(c.report.sheet, f.cell)
      .catch((e) => dispatch({ type: "fail", error: errorMessage(e, langRef.current, false) }));
  };

  const say_ = (flash: Flash | null) => dispatch({ type: "flash", flash });
  const setSheets = (sheets: SheetInfo[]) => dispatch({ type: "sheets", sheets });

  return {
    state,
    openFile,
    onValidate,
    onBulletin,
    onNotices,
    onWordBulletin,
    onClear,
    onDownload,
    select,
    flash: say_,
    setSheets,
  };
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function saveBytes(bytes: Uint8Array, name: string, type: string) {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
