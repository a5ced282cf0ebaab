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
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircleRegular, LocalLanguageRegular } from "@fluentui/react-icons";
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { LANGS, type Lang } from "../../core/i18n.js";
import type { Finding } from "../../core/report.js";
import { usePaneSettings } from "../hooks/usePaneSettings.js";
import { useJob } from "../hooks/useJob.js";
import { say, words } from "../i18n.js";
import type { PaneHost } from "../pane-host.js";
import { configFromSettings, localIsoDate, restoredMessage, settingsKey, withOverrides } from "../pane-settings.js";
import { filterCounts, NO_FILTERS, type Filters } from "../view-model.js";
import { countText, FindingsView } from "./FindingsView.js";
import { LedgerPanel } from "./LedgerPanel.js";
import { DownloadChoices, FilePicker } from "./PreviewBar.js";
import { SettingsPanel } from "./SettingsPanel.js";
import { SummaryTiles } from "./SummaryTiles.js";
import { visuallyHidden } from "./visually-hidden.js";
// The preview's stand-in for selecting a cell; Excel's pane never shows it, so its Dialog stays out of the initial script.
const TaskDetail = lazy(() => import(/* webpackChunkName: "task-detail" */ "./TaskDetail.js"));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: "12px",
    padding: "12px 16px 24px",
    boxSizing: "border-box",
    minHeight: "100vh",
    maxWidth: "100%",
    // `clip`, not `hidden`: hidden would make the root a scroll container and unstick the action bar.
    overflowX: "clip",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  // Wraps rather than cuts: at 320 px in English the badge and the language switch go under the title.
  header: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: "4px 8px", minWidth: 0 },
  title: { margin: 0, whiteSpace: "nowrap" },
  headerEnd: { display: "flex", alignItems: "center", gap: "4px", flexShrink: 0, marginLeft: "auto" },
  nowrap: { whiteSpace: "nowrap", flexShrink: 0 },
  // Narrow side padding so 生成通报 / "Write bulletin" stays on one line in half of 320 px.
  action: { paddingLeft: "6px", paddingRight: "6px", minWidth: 0, whiteSpace: "nowrap" },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    padding: "12px",
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  // The action bar stays in reach however long the list gets (issue #14: 2,168 findings scrolled it away).
  sticky: { position: "sticky", top: "0", zIndex: 2, padding: "8px", boxShadow: tokens.shadow8 },
  // The secondary pair goes without icons so "Write bulletin" fits half of 320 px on one line.
  actions: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "6px" },
  wide: { gridColumn: "1 / -1" },
  hint: { color: tokens.colorNeutralForeground2, padding: "0 4px" },
  messages: { display: "flex", flexDirection: "column", gap: "8px", marginTop: "-4px" },
  progress: { display: "flex", flexDirection: "column", gap: "4px" },
  sectionHead: {
    display: "flex",
    alignItems: "baseline",
    justifyContent: "space-between",
    gap: "4px 8px",
    flexWrap: "wrap",
  },
  facts: { display: "flex", gap: "4px 10px", flexWrap: "wrap", justifyContent: "flex-end" },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
  notices: { margin: 0, paddingLeft: "18px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  accordion: { marginLeft: "-12px", marginRight: "-12px" },
  panel: { paddingBottom: "8px" },
  visuallyHidden,
});

/**
 * The pane: composes the job (a reducer hook), the workbook's settings (a hook), the preview's
 * file and download controls, the results and the settings. Excel and the preview run the same
 * job; they differ only in where the workbook comes from and what a finding's click does.
 */
export function App({ host }: { host: PaneHost }) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(host.lang);
  const w = words(lang);
  const preview = host.kind === "preview";
  const defaultToday = host.today ?? localIsoDate(new Date());

  const [workbookKey, setWorkbookKey] = useState<string | null>(preview ? null : "");
  const prefs = usePaneSettings(host, workbookKey);
  const job = useJob(host, lang, () => configFromSettings(prefs.ref.current, { lang, today: defaultToday }));
  const { state } = job;
  const check = state.check;

  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [detail, setDetail] = useState<Finding | null>(null);
  const [selected, setSelected] = useState<Finding | null>(null);
  useEffect(() => {
    setFilters(NO_FILTERS);
    setSelected(null);
  }, [check]);
  useEffect(() => {
    document.documentElement.lang = w.htmlLang;
  }, [w]);

  // What gets focus (Tab through the findings) scrolls into view below the sticky bar, not under it
  // (WCAG 2.2 focus not obscured): the page's scroll padding follows the bar's height.
  const barRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const bar = barRef.current;
    if (!bar || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      document.documentElement.style.scrollPaddingTop = `${bar.offsetHeight + 8}px`;
    });
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);

  // The preview's settings belong to the open file: a new file (or a failed open) switches them.
  useEffect(() => {
    if (preview) setWorkbookKey(state.file ? settingsKey(state.file) : null);
  }, [preview, state.file]);

  // In Excel the sheet list fills the ledger panel's dropdown before the first check.
  useEffect(() => {
    if (host.kind !== "excel" || !host.port || host.problem) return;
    host.port
      .listSheets()
      .then(job.setSheets)
      .catch(() => undefined);
  }, [host]);

  const switchLang = (next: Lang) => {
    setLang(next);
    host.langStore.save(next);
    job.flash({ kind: "info", text: words(next).langSwitched });
  };
  const otherLang = LANGS.find((l) => l !== lang)!;

  // Once shown, the dialog stays mounted so that closing it can animate and hand focus back.
  const [detailShown, setDetailShown] = useState(false);
  const onActivate = (f: Finding) => {
    setSelected(f);
    if (preview) {
      setDetail(f);
      setDetailShown(true);
    } else job.select(f);
  };

  const restored = prefs.restored ? restoredMessage(prefs.restored, w, lang) : null;
  const disabled = state.busy !== null || host.problem !== null;
  const noFile = preview && !state.file;
  const counts = useMemo(() => (check ? filterCounts(check.report.findings, filters) : null), [check, filters]);
  const total = check?.report.findings.length ?? 0;
  const settingsScope = preview
    ? state.file
      ? say(w.settingsFor, { name: state.file.name })
      : w.settingsNoFile
    : w.settingsScopeExcel;

  return (
    <main className={s.root}>
      <header className={s.header}>
        <Subtitle2 as="h1" className={s.title}>
          {w.appTitle}
        </Subtitle2>
        <div className={s.headerEnd}>
          {preview && (
            <Badge className={s.nowrap} appearance="outline" color="informative" size="small">
              {w.previewBadge}
            </Badge>
          )}
          <Button
            size="small"
            appearance="subtle"
            className={s.nowrap}
            icon={<LocalLanguageRegular />}
            aria-label={`${w.language}: ${w.langNames[otherLang]}`}
            lang={words(otherLang).htmlLang}
            onClick={() => switchLang(otherLang)}
          >
            {w.langNames[otherLang]}
          </Button>
        </div>
      </header>

      {preview && (
        <section className={s.card}>
          <FilePicker w={w} fileName={state.file?.name ?? null} disabled={state.busy !== null} onFile={job.openFile} />
          {restored && (
            <MessageBar intent="info">
              <MessageBarBody>{restored}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={prefs.reset}>
                  {w.resetSettings}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </section>
      )}

      <section className={mergeClasses(s.card, s.sticky)} ref={barRef}>
        <div className={s.actions}>
          <Button
            className={mergeClasses(s.action, !(preview && check) && s.wide)}
            appearance="primary"
            icon={<CheckmarkCircleRegular />}
            disabled={disabled}
            onClick={job.onValidate}
          >
            {w.validate}
          </Button>
          {preview && check && (
            <DownloadChoices
              w={w}
              className={s.action}
              disabled={disabled}
              marks={state.marks}
              onDownload={job.onDownload}
            />
          )}
          <Button className={s.action} disabled={disabled || noFile} onClick={job.onBulletin}>
            {w.writeBulletin}
          </Button>
          <Button className={s.action} disabled={disabled || noFile} onClick={job.onNotices}>
            {w.writeNotices}
          </Button>
          {!preview && (
            <Button className={s.action} disabled={disabled} onClick={job.onWordBulletin}>
              {w.downloadBulletinWord}
            </Button>
          )}
          <Button
            className={mergeClasses(s.action, preview && s.wide)}
            disabled={disabled || noFile}
            onClick={job.onClear}
          >
            {w.clearMarks}
          </Button>
        </div>

        <div role="status" aria-live="polite" className={s.progress}>
          {state.busy && (
            <>
              <ProgressBar
                thickness="medium"
                aria-label={w.stages[state.busy.stage]}
                {...(state.busy.done !== undefined && state.busy.total
                  ? { value: state.busy.done / state.busy.total }
                  : {})}
              />
              <Caption1>
                {state.busy.stage === "read" && state.busy.total
                  ? say(w.readProgress, { done: state.busy.done ?? 0, total: state.busy.total })
                  : w.stages[state.busy.stage]}
              </Caption1>
            </>
          )}
          {!state.busy && check && <span className={s.visuallyHidden}>{say(w.resultCount, { n: total })}</span>}
        </div>
      </section>

      {/* Messages scroll with the page: the sticky bar keeps only the buttons and the progress. */}
      {(host.problem || state.error || state.flash || !check) && (
        <div className={s.messages}>
          {host.problem === "api-too-old" && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{w.apiTooOld}</MessageBarBody>
            </MessageBar>
          )}
          {state.error && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{state.error}</MessageBarBody>
            </MessageBar>
          )}
          {state.flash && !state.error && (
            <MessageBar intent={state.flash.kind}>
              <MessageBarBody>{state.flash.text}</MessageBarBody>
            </MessageBar>
          )}
          {!check && !state.error && !host.problem && !state.busy && !state.flash && (
            <Body1 className={s.hint}>{preview ? w.hintPreview : w.hintExcel}</Body1>
          )}
        </div>
      )}

      {check && counts && (
        <>
          <section className={s.card} aria-label={w.summary}>
            <SummaryTiles
              summary={check.report.summary}
              before={check.report.progress?.before}
              w={w}
              theme={host.theme}
              filter={filters.rule}
              onFilter={(rule) => setFilters({ ...filters, rule })}
            />
            {check.report.progress && (
              <Caption1 className={s.muted} data-testid="since-last">
                {say(w.sinceLast, { date: check.report.progress.since })}
              </Caption1>
            )}
            <Caption1 className={s.muted}>
              {say(w.detected, { sheet: check.report.sheet, row: check.report.headerRow })}
            </Caption1>
          </section>

          <section className={s.card} aria-labelledby="ledger-findings-heading">
            <div className={s.sectionHead}>
              <Subtitle2 as="h2" className={s.heading} id="ledger-findings-heading">
                {w.findings}
              </Subtitle2>
              <span className={s.facts}>
                <Caption1 className={s.muted} data-testid="result-count">
                  {countText(w, counts.shown.length, total)}
                </Caption1>
                <Caption1 className={s.muted} data-testid="check-date">
                  {say(w.checkedOn, { date: check.report.today })}
                </Caption1>
              </span>
            </div>
            {check.report.notices.length > 0 && (
              <ul className={s.notices} aria-label={w.notices}>
                {check.report.notices.map((n) => (
                  <li key={n.code}>{n.message}</li>
                ))}
              </ul>
            )}
            {total === 0 ? <Body1 className={s.hint}>{w.noFindings}</Body1> : null}
            <FindingsView
              findings={check.report.findings}
              w={w}
              lang={lang}
              filters={filters}
              onFilters={setFilters}
              selected={selected}
              onActivate={onActivate}
            />
          </section>
        </>
      )}

      <section className={s.card}>
        <Accordion collapsible multiple className={s.accordion}>
          <AccordionItem value="ledger">
            <AccordionHeader size="small">{w.ledgerSection}</AccordionHeader>
            <AccordionPanel className={s.panel}>
              <LedgerPanel
                sheets={state.sheets}
                report={check?.report ?? null}
                overrides={prefs.settings}
                w={w}
                disabled={workbookKey === null}
                onChange={(o) => prefs.update(withOverrides(prefs.ref.current, o))}
              />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="settings">
            <AccordionHeader size="small">{w.settings}</AccordionHeader>
            <AccordionPanel className={s.panel}>
              <SettingsPanel
                settings={prefs.settings}
                defaultToday={defaultToday}
                scope={settingsScope}
                disabled={workbookKey === null}
                onChange={prefs.update}
                onReset={() => {
                  prefs.reset();
                  job.flash({ kind: "info", text: w.settingsReset });
                }}
                w={w}
                lang={lang}
              />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      </section>

      {preview && (detail || detailShown) && (
        <Suspense fallback={null}>
          <TaskDetail
            finding={detail}
            ledger={check?.ledger ?? null}
            w={w}
            lang={lang}
            onClose={() => setDetail(null)}
          />
        </Suspense>
      )}
    </main>
  );
}
