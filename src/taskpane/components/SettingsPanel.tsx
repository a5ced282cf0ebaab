import { Button, Caption1, Field, Input, makeStyles, SpinButton, Switch, tokens } from "@fluentui/react-components";
import { ArrowResetRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import type { BulletinOptions } from "../../core/config.js";
import type { Lang } from "../../core/i18n.js";
import { PAPER_ONLY_REASONS } from "../../core/report.js";
import { say, type PaneWords } from "../i18n.js";
import { DEFAULT_DUE_SOON_DAYS, type PaneSettings } from "../pane-settings.js";
import { reasonTitle, ruleTitle } from "../rule-words.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  scope: { color: tokens.colorNeutralForeground2 },
  // Wraps rather than squeezes: at 320 px 临期提醒天数 goes under the date instead of out of the card.
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "flex-start" },
  dateField: { flex: "1 1 150px", minWidth: 0 },
  daysField: { flex: "1 1 96px", minWidth: 0 },
  fill: { width: "100%", minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  input: { width: "100%", minWidth: 0 },
  group: { display: "flex", flexDirection: "column", gap: "0" },
  groupLabel: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, marginBottom: "2px" },
  switchLabel: { fontSize: tokens.fontSizeBase200 },
  switchRoot: { marginLeft: "-8px" },
  reset: { alignSelf: "flex-start" },
});

/** Check and bulletin settings of one workbook; every change goes straight to the store (the caller debounces saving). */
export function SettingsPanel(props: {
  settings: PaneSettings;
  defaultToday: string;
  onChange: (s: PaneSettings) => void;
  onReset: () => void;
  /** Whose settings these are (the workbook, or the preview's file). */
  scope: string;
  /** The preview before a file is open: nothing to set yet. */
  disabled: boolean;
  w: PaneWords;
  lang: Lang;
}) {
  const s = useStyles();
  const { w, settings, disabled } = props;
  const set = (patch: Partial<PaneSettings>) => props.onChange({ ...settings, ...patch });
  const setBulletin = (key: keyof BulletinOptions, value: string) =>
    set({ bulletin: { ...settings.bulletin, [key]: value === "" ? undefined : value } });

  return (
    <div className={s.root}>
      <Caption1 className={s.scope}>{props.scope}</Caption1>
      <div className={s.row}>
        <DateField
          className={s.dateField}
          label={w.checkDate}
          hint={say(w.checkDateHint, { today: props.defaultToday })}
          disabled={disabled}
          value={settings.today}
          onDate={(today) => set({ today })}
        />
        <Field className={s.daysField} label={w.dueSoonDays} size="small">
          <SpinButton
            className={s.fill}
            input={{ className: s.input }}
            size="small"
            min={0}
            max={365}
            disabled={disabled}
            value={settings.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS}
            onChange={(_, d) => {
              const n = d.value ?? Number(d.displayValue);
              if (Number.isInteger(n) && n >= 0 && n <= 365) set({ dueSoonDays: n });
            }}
          />
        </Field>
      </div>

      <div className={s.group} role="group" aria-label={w.paperChecks}>
        <span className={s.groupLabel} aria-hidden="true">
          {w.paperChecks}
        </span>
        {PAPER_ONLY_REASONS.map((reason) => (
          <Switch
            key={reason}
            className={s.switchRoot}
            disabled={disabled}
            checked={settings.paperOnly?.[reason] !== false}
            onChange={(_, d) => set({ paperOnly: { ...settings.paperOnly, [reason]: d.checked } })}
            // The reason's words for the clerk; its id for an engineer, in the tooltip.
            label={
              <span className={s.switchLabel} title={`paper-only/${reason}`}>
                {reasonTitle(reason, props.lang)}
              </span>
            }
            aria-label={ruleTitle("paper-only", reason, props.lang)}
          />
        ))}
      </div>

      <div className={s.group}>
        <span className={s.groupLabel}>{w.bulletinSection}</span>
        <Caption1 style={{ color: tokens.colorNeutralForeground3, marginBottom: 4 }}>{w.fromLedger}</Caption1>
        {(
          [
            ["title", w.bulletinTitle],
            ["issuer", w.issuer],
            ["body", w.body],
            ["inspection", w.inspection],
          ] as [keyof BulletinOptions, string][]
        ).map(([key, label]) => (
          <Field key={key} label={label} size="small" style={{ marginBottom: 4 }}>
            <Input
              className={s.fill}
              size="small"
              disabled={disabled}
              value={settings.bulletin?.[key] ?? ""}
              onChange={(_, d) => setBulletin(key, d.value)}
            />
          </Field>
        ))}
        <Field label={w.recipient} hint={w.recipientHint} size="small" style={{ marginBottom: 4 }}>
          <Input
            className={s.fill}
            size="small"
            disabled={disabled}
            value={settings.bulletin?.recipient ?? ""}
            onChange={(_, d) => setBulletin("recipient", d.value)}
          />
        </Field>
        <DateField
          label={w.issueDate}
          hint={w.issueDateHint}
          disabled={disabled}
          value={settings.bulletin?.date}
          onDate={(date) => setBulletin("date", date ?? "")}
        />
        <DateField
          label={w.feedbackDate}
          hint={w.feedbackDateHint}
          disabled={disabled}
          value={settings.bulletin?.feedbackDate}
          onDate={(date) => setBulletin("feedbackDate", date ?? "")}
        />
      </div>
      <Button className={s.reset} size="small" icon={<ArrowResetRegular />} disabled={disabled} onClick={props.onReset}>
        {w.resetSettings}
      </Button>
    </div>
  );
}

/**
 * A date setting: what is typed stays in the field, and only a whole date (or nothing) is stored,
 * so a half-typed one never reaches the settings, which validate each field as one.
 */
function DateField(props: {
  label: string;
  hint: string;
  value: string | undefined;
  onDate: (date: string | undefined) => void;
  disabled: boolean;
  className?: string;
}) {
  const s = useStyles();
  const [text, setText] = useState(props.value ?? "");
  useEffect(() => setText(props.value ?? ""), [props.value]);
  return (
    <Field className={props.className} label={props.label} size="small" hint={props.hint}>
      <Input
        className={s.fill}
        input={{ className: s.input }}
        size="small"
        type="date"
        disabled={props.disabled}
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          if (d.value === "" || /^\d{4}-\d{2}-\d{2}$/.test(d.value)) props.onDate(d.value || undefined);
        }}
      />
    </Field>
  );
}
