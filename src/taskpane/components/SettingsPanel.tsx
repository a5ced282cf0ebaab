import { Caption1, Field, Input, makeStyles, SpinButton, Switch, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { BulletinOptions } from "../../core/config.js";
import { PAPER_ONLY_REASONS } from "../../core/report.js";
import type { Strings } from "../i18n.js";
import { DEFAULT_DUE_SOON_DAYS, type PaneSettings } from "../pane-settings.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "10px" },
  row: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 88px", gap: "8px", alignItems: "start" },
  fill: { width: "100%", minWidth: 0, maxWidth: "100%" },
  group: { display: "flex", flexDirection: "column", gap: "0" },
  groupLabel: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, marginBottom: "2px" },
  switchLabel: { display: "flex", flexDirection: "column", fontSize: tokens.fontSizeBase200 },
  reasonId: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: "11px" },
  switchRoot: { marginLeft: "-8px" },
});

/** Check and bulletin settings; every change goes straight to the store (the caller debounces saving). */
export function SettingsPanel(props: {
  settings: PaneSettings;
  defaultToday: string;
  onChange: (s: PaneSettings) => void;
  t: Strings;
}) {
  const s = useStyles();
  const { t, settings } = props;
  const set = (patch: Partial<PaneSettings>) => props.onChange({ ...settings, ...patch });
  const setBulletin = (key: keyof BulletinOptions, value: string) =>
    set({ bulletin: { ...settings.bulletin, [key]: value === "" ? undefined : value } });
  const [dateText, setDateText] = useState(settings.today ?? "");
  useEffect(() => setDateText(settings.today ?? ""), [settings.today]);

  return (
    <div className={s.root}>
      <div className={s.row}>
        <Field label={t.checkDate} size="small" hint={t.checkDateHint(props.defaultToday)}>
          <Input
            className={s.fill}
            size="small"
            type="date"
            value={dateText}
            onChange={(_, d) => {
              setDateText(d.value);
              if (d.value === "" || /^\d{4}-\d{2}-\d{2}$/.test(d.value)) set({ today: d.value || undefined });
            }}
          />
        </Field>
        <Field label={t.dueSoonDays} size="small">
          <SpinButton
            className={s.fill}
            size="small"
            min={0}
            max={365}
            value={settings.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS}
            onChange={(_, d) => {
              const n = d.value ?? Number(d.displayValue);
              if (Number.isInteger(n) && n >= 0 && n <= 365) set({ dueSoonDays: n });
            }}
          />
        </Field>
      </div>

      <div className={s.group} role="group" aria-label={t.paperChecks}>
        <span className={s.groupLabel}>{t.paperChecks}</span>
        {PAPER_ONLY_REASONS.map((reason) => (
          <Switch
            key={reason}
            className={s.switchRoot}
            checked={settings.paperOnly?.[reason] !== false}
            onChange={(_, d) => set({ paperOnly: { ...settings.paperOnly, [reason]: d.checked } })}
            label={
              <span className={s.switchLabel}>
                <span>{t.reasons[reason]}</span>
                <span className={s.reasonId}>{reason}</span>
              </span>
            }
          />
        ))}
      </div>

      <div className={s.group}>
        <span className={s.groupLabel}>{t.bulletinSection}</span>
        <Caption1 style={{ color: tokens.colorNeutralForeground3, marginBottom: 4 }}>{t.fromLedger}</Caption1>
        {(
          [
            ["title", t.bulletinTitle],
            ["issuer", t.issuer],
            ["body", t.body],
            ["inspection", t.inspection],
          ] as [keyof BulletinOptions, string][]
        ).map(([key, label]) => (
          <Field key={key} label={label} size="small" style={{ marginBottom: 4 }}>
            <Input
              className={s.fill}
              size="small"
              value={settings.bulletin?.[key] ?? ""}
              onChange={(_, d) => setBulletin(key, d.value)}
            />
          </Field>
        ))}
      </div>
    </div>
  );
}
