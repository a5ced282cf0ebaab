import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, CheckmarkCircleRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  checkWorkbook,
  markWorkbook,
  writeBulletin,
  type Stage,
  type WorkbookCheck,
} from "../../app/check-workbook.js";
import type { Finding } from "../../core/report.js";
import type { XlsxWorkbook } from "../../hosts/xlsx/xlsx-workbook.js";
import type { SheetInfo, WorkbookPort } from "../../hosts/workbook.js";
import { strings } from "../i18n.js";
import { errorMessage, nextTask } from "../job.js";
import type { PaneHost } from "../pane-host.js";
import { configFromSettings, localIsoDate, parseSettings, withOverrides, type PaneSettings } from "../pane-settings.js";
import { checkedFileName } from "../view-model.js";
import { FindingsView } from "./FindingsView.js";
import { LedgerPanel } from "./LedgerPanel.js";
import { SettingsPanel } from "./SettingsPanel.js";
import { SummaryTiles } from "./SummaryTiles.js";
import { TaskDetail } from "./TaskDetail.js";

/** Griffel takes no `borderColor` shorthand: the four sides. */
const bc = (c: string) => ({ borderTopColor: c, borderRightColor: c, borderBottomColor: c, borderLeftColor: c });

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px 16px 24px",
    boxSizing: "border-box",
    minHeight: "100vh",
    maxWidth: "100%",
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "12px",
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  // The secondary pair goes without icons so "Write bulletin" fits half of 320 px on one line.
  actions: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "6px" },
  wide: { gridColumn: "1 / -1" },
  fileLabel: {
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    gap: "6px",
    minHeight: "32px",
    padding: "0 12px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover, ...bc(tokens.colorNeutralStroke1Hover) },
    ":focus-within": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  fileName: {
    color: tokens.colorNeutralForeground3,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  hint: { color: tokens.colorNeutralForeground2 },
  progress: { display: "flex", flexDirection: "column", gap: "4px" },
  sectionHead: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: "8px" },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
  notices: { margin: 0, paddingLeft: "18px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  accordion: { marginLeft: "-12px", marginRight: "-12px" },
  panel: { paddingBottom: "8px" },
});

interface Busy {
  stage: Stage | "clear" | "download";
  done?: number;
  total?: number;
}

type Flash = { kind: "success" | "info"; text: string } | null;

const SAVE_DELAY_MS = 400;

export function App({ host }: { host: PaneHost }) {
  const s = useStyles();
  const t = strings(host.lang);
  const preview = host.kind === "preview";
  const defaultToday = host.today ?? localIsoDate(new Date());

  const [settings, setSettings] = useState<PaneSettings>({});
  const settingsRef = useRef(settings);
  const [port, setPort] = useState<WorkbookPort | null>(host.port);
  const portRef = useRef<WorkbookPort | null>(host.port);
  const xlsxRef = useRef<XlsxWorkbook | null>(null);
  const openingRef = useRef<Promise<boolean> | null>(null);
  const [fileName, setFileName] = useState("");
  // The file name as of the latest open, for actions that run before React re-renders.
  const fileNameRef = useRef("");
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [check, setCheck] = useState<WorkbookCheck | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Why the last file could not be opened (the preview): repeated if the clerk presses 一键校验 anyway. */
  const openErrorRef = useRef<unknown>(null);
  const [flash, setFlash] = useState<Flash>(null);
  const [detail, setDetail] = useState<Finding | null>(null);
  const [selected, setSelected] = useState<Finding | null>(null);
  const runningRef = useRef(false);
  const apiTooOld = useMemo(() => host.kind === "excel" && !excelApiSupported(), [host.kind]);
  const workbookKey = preview ? fileName : "";

  // Settings: loaded once, validated field by field; a broken store means defaults, not a crash.
  useEffect(() => {
    let live = true;
    host.settings
      .load()
      .then((v) => live && applySettings(parseSettings(v), false))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);

  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const applySettings = useCallback(
    (next: PaneSettings, save = true) => {
      settingsRef.current = next;
      setSettings(next);
      if (!save) return;
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => {
        host.settings.save(settingsRef.current).catch((e) => console.warn("ledger-check: settings not saved", e));
      }, SAVE_DELAY_MS);
    },
    [host],
  );

  // In Excel the sheet list fills the ledger panel's dropdown before the first check.
  useEffect(() => {
    if (host.kind !== "excel" || !host.port || apiTooOld) return;
    host.port
      .listSheets()
      .then(setSheets)
      .catch(() => undefined);
  }, [host, apiTooOld]);

  /** Shows the stage, then yields so the browser paints it before the stage's work starts. */
  const progress = useCallback(async (stage: Stage, done?: number, total?: number) => {
    setBusy(done !== undefined && total !== undefined && total > 0 ? { stage, done, total } : { stage });
    await nextTask();
  }, []);

  /** Runs one action at a time; failures become the alert, and the busy bar always goes away. */
  const run = useCallback(
    async (first: Busy, reading: boolean, action: () => Promise<void>) => {
      if (runningRef.current) return;
      runningRef.current = true;
      setBusy(first);
      setError(null);
      setFlash(null);
      try {
        await action();
      } catch (e) {
        setError(e instanceof NoFileError ? t.noFile : errorMessage(e, host.lang, t, reading));
      } finally {
        runningRef.current = false;
        setBusy(null);
      }
    },
    [host.lang, t],
  );

  const onFile = (file: File | undefined) => {
    if (!file) return;
    const opening = (async () => {
      setBusy({ stage: "open" });
      setError(null);
      setFlash(null);
      setCheck(null);
      setDetail(null);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        // exceljs is loaded only now: Excel's own pane never needs it.
        const { openWorkbookFile } = await import(/* webpackChunkName: "xlsx" */ "../../hosts/xlsx/open.js");
        const wb = await openWorkbookFile(bytes, file.name);
        xlsxRef.current = wb;
        openErrorRef.current = null;
        portRef.current = wb;
        setPort(wb);
        fileNameRef.current = file.name;
        setFileName(file.name);
        setSheets(await wb.listSheets());
        setFlash({ kind: "info", text: t.fileOpened(file.name) });
        return true;
      } catch (e) {
        console.warn("ledger-check: opening failed", e);
        openErrorRef.current = e;
        xlsxRef.current = null;
        portRef.current = null;
        setPort(null);
        fileNameRef.current = "";
        setFileName("");
        setSheets([]);
        setError(errorMessage(e, host.lang, t, true));
        return false;
      } finally {
        setBusy(null);
      }
    })();
    openingRef.current = opening;
  };

  /** The one-click check: read, check, and in Excel mark the cells at once. */
  const validate = async (): Promise<WorkbookCheck | null> => {
    if (openingRef.current) {
      const ok = await openingRef.current;
      openingRef.current = null;
      // A file that failed to open keeps saying why, rather than a blank pane.
      if (!ok) throw openErrorRef.current ?? new NoFileError();
    }
    const target = portRef.current;
    if (!target) throw openErrorRef.current ?? new NoFileError();
    const config = configFromSettings(settingsRef.current, {
      lang: host.lang,
      today: defaultToday,
      workbook: preview ? fileNameRef.current : "",
    });
    const result = await checkWorkbook(
      target,
      config,
      progress,
      preview ? fileNameRef.current || undefined : undefined,
    );
    setCheck(result);
    setSheets(result.sheets);
    setSelected(null);
    if (preview) {
      setFlash({ kind: "info", text: t.markedPreview });
    } else {
      const n = await markWorkbook(target, result, progress);
      setFlash({ kind: "success", text: t.marked(n) });
    }
    return result;
  };

  const onValidate = () =>
    run({ stage: "detect" }, true, async () => {
      await validate();
    });

  const onBulletin = () =>
    run({ stage: "bulletin" }, false, async () => {
      const c = check ?? (await validate());
      const target = portRef.current;
      if (!c || !target) return;
      const name = await writeBulletin(target, c, progress);
      setFlash({ kind: "success", text: preview ? t.bulletinWrittenPreview(name) : t.bulletinWritten(name) });
    });

  const onClear = () =>
    run({ stage: "clear" }, false, async () => {
      const target = portRef.current;
      if (!target) throw new NoFileError();
      const names = check
        ? [check.report.sheet]
        : (await target.listSheets()).filter((x) => !x.generated).map((x) => x.name);
      for (const name of names) await target.clearMarks(name);
      setFlash({ kind: "success", text: t.marksCleared });
    });

  const onDownload = () =>
    run({ stage: "download" }, false, async () => {
      const c = check ?? (await validate());
      const wb = xlsxRef.current;
      if (!c || !wb) return;
      await markWorkbook(wb, c, progress);
      await writeBulletin(wb, c, progress);
      setBusy({ stage: "download" });
      const bytes = await wb.toBuffer();
      const name = checkedFileName(fileNameRef.current);
      saveBytes(bytes, name);
      setFlash({ kind: "success", text: t.downloaded(name) });
    });

  const onActivate = (f: Finding) => {
    setSelected(f);
    if (preview) {
      setDetail(f);
      return;
    }
    const target = portRef.current;
    if (!target || !check) return;
    target.select(check.report.sheet, f.cell).catch((e) => setError(errorMessage(e, host.lang, t, false)));
  };

  const overrides = settings.ledgers?.[workbookKey] ?? {};
  const disabled = busy !== null || apiTooOld;
  const findingsCount = check?.report.findings.length ?? 0;

  return (
    <div className={s.root}>
      <header className={s.header}>
        <Subtitle2 as="h1" className={s.heading}>
          {t.appTitle}
        </Subtitle2>
        {preview && (
          <Badge appearance="outline" color="informative" size="small">
            {t.previewBadge}
          </Badge>
        )}
      </header>

      <section className={s.card}>
        {preview && (
          <>
            <label className={s.fileLabel}>
              <DocumentArrowUpRegular fontSize={18} aria-hidden="true" />
              <span>{t.openFile}</span>
              <input
                className={s.visuallyHidden}
                type="file"
                accept=".xlsx,.csv"
                disabled={busy !== null}
                onChange={(e) => {
                  onFile(e.target.files?.[0]);
                  e.target.value = "";
                }}
              />
            </label>
            {fileName && (
              <Caption1 className={s.fileName} title={fileName}>
                {fileName}
              </Caption1>
            )}
          </>
        )}
        <div className={s.actions}>
          <Button
            className={s.wide}
            appearance="primary"
            icon={<CheckmarkCircleRegular />}
            disabled={disabled}
            onClick={onValidate}
          >
            {t.validate}
          </Button>
          <Button disabled={disabled || (preview && !port)} onClick={onBulletin}>
            {t.writeBulletin}
          </Button>
          <Button disabled={disabled || (preview && !port)} onClick={onClear}>
            {t.clearMarks}
          </Button>
          {preview && check && (
            <Button className={s.wide} icon={<ArrowDownloadRegular />} disabled={disabled} onClick={onDownload}>
              {t.download}
            </Button>
          )}
        </div>

        <div role="status" aria-live="polite" className={s.progress}>
          {busy && (
            <>
              <ProgressBar
                thickness="medium"
                {...(busy.done !== undefined && busy.total ? { value: busy.done / busy.total } : {})}
              />
              <Caption1>
                {busy.stage === "read" && busy.total
                  ? t.readProgress(busy.done ?? 0, busy.total)
                  : t.stages[busy.stage]}
              </Caption1>
            </>
          )}
          {!busy && check && <span className={s.visuallyHidden}>{t.resultCount(findingsCount)}</span>}
        </div>

        {apiTooOld && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t.apiTooOld}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        {flash && !error && (
          <MessageBar intent={flash.kind}>
            <MessageBarBody>{flash.text}</MessageBarBody>
          </MessageBar>
        )}
        {!check && !error && !apiTooOld && !busy && (
          <Body1 className={s.hint}>{preview ? t.hintPreview : t.hintExcel}</Body1>
        )}
      </section>

      {check && (
        <>
          <section className={s.card} aria-label={t.summary}>
            <SummaryTiles summary={check.report.summary} t={t} theme={host.theme} />
            <Caption1 className={s.muted}>{t.detected(check.report.sheet, check.report.headerRow)}</Caption1>
          </section>

          <section className={s.card}>
            <div className={s.sectionHead}>
              <Subtitle2 as="h2" className={s.heading}>
                {t.findings}
              </Subtitle2>
              <Caption1 className={s.muted}>{t.resultCount(findingsCount)}</Caption1>
            </div>
            {check.report.notices.length > 0 && (
              <ul className={s.notices} aria-label={t.notices}>
                {check.report.notices.map((n) => (
                  <li key={n.code}>{n.message}</li>
                ))}
              </ul>
            )}
            {findingsCount === 0 ? <Body1 className={s.hint}>{t.noFindings}</Body1> : null}
            <FindingsView findings={check.report.findings} t={t} selected={selected} onActivate={onActivate} />
          </section>
        </>
      )}

      <section className={s.card}>
        <Accordion collapsible multiple className={s.accordion}>
          <AccordionItem value="ledger">
            <AccordionHeader size="small">{t.ledgerSection}</AccordionHeader>
            <AccordionPanel className={s.panel}>
              <LedgerPanel
                sheets={sheets}
                report={check?.report ?? null}
                overrides={overrides}
                t={t}
                onChange={(o) => applySettings(withOverrides(settingsRef.current, workbookKey, o))}
              />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="settings">
            <AccordionHeader size="small">{t.settings}</AccordionHeader>
            <AccordionPanel className={s.panel}>
              <SettingsPanel settings={settings} defaultToday={defaultToday} onChange={(x) => applySettings(x)} t={t} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      </section>

      {preview && <TaskDetail finding={detail} ledger={check?.ledger ?? null} t={t} onClose={() => setDetail(null)} />}
    </div>
  );

  function saveBytes(bytes: Uint8Array, name: string) {
    const blob = new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Thrown when the preview has no file yet; shown as the "open a file first" message. */
class NoFileError extends Error {
  constructor() {
    super("no file");
    this.name = "NoFileError";
  }
}

/** ExcelApi 1.13 or later; true outside Office (a harness or a fake has no requirements to ask). */
function excelApiSupported(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  if (!requirements?.isSetSupported) return true;
  try {
    return requirements.isSetSupported("ExcelApi", "1.13");
  } catch {
    return true;
  }
}
