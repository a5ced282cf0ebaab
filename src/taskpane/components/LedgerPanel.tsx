import { Caption1, Dropdown, Field, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { FIELDS, type Field as LedgerField } from "../../core/fields.js";
import type { Report } from "../../core/report.js";
import type { SheetInfo } from "../../hosts/workbook.js";
import { say, type PaneWords } from "../i18n.js";
import type { LedgerOverrides } from "../pane-settings.js";
import { normalizeColumn } from "../view-model.js";

/**
 * What detection found (sheet, header row, field → column) and the clerk's overrides of it.
 * Empty means "detect"; the detected value shows as the placeholder so the compact form
 * doubles as the mapping's display.
 */

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 72px", gap: "8px", alignItems: "end" },
  // Fluent's Dropdown and Input carry intrinsic min-widths that would push the pane past 320 px.
  fill: { width: "100%", minWidth: 0, maxWidth: "100%" },
  columns: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    columnGap: "12px",
    rowGap: "4px",
  },
  colField: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "6px", minWidth: 0 },
  colLabel: { fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  colInput: { width: "52px", minWidth: "52px" },
  hint: { color: tokens.colorNeutralForeground3 },
  sectionLabel: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
});

const AUTO = "*";

export function LedgerPanel(props: {
  sheets: SheetInfo[];
  report: Report | null;
  overrides: LedgerOverrides;
  onChange: (o: LedgerOverrides) => void;
  w: PaneWords;
  disabled: boolean;
}) {
  const s = useStyles();
  const { w: t, overrides, report } = props;
  const candidates = props.sheets.filter((x) => !x.generated);
  const sheetText = overrides.sheet ?? (report ? say(t.detectedValue, { value: report.sheet }) : t.autoDetect);

  const [headerText, setHeaderText] = useState(overrides.headerRow?.toString() ?? "");
  const [columnText, setColumnText] = useState<Partial<Record<LedgerField, string>>>(overrides.columns ?? {});
  useEffect(() => setHeaderText(overrides.headerRow?.toString() ?? ""), [overrides.headerRow]);
  useEffect(() => setColumnText(overrides.columns ?? {}), [overrides.columns]);

  const commitHeader = (text: string) => {
    setHeaderText(text);
    const n = Number(text);
    if (text.trim() === "") props.onChange({ ...overrides, headerRow: undefined });
    else if (Number.isInteger(n) && n > 0) props.onChange({ ...overrides, headerRow: n });
  };
  const commitColumn = (field: LedgerField, text: string) => {
    setColumnText((c) => ({ ...c, [field]: text }));
    const letter = normalizeColumn(text);
    if (letter === null) return;
    const columns = { ...overrides.columns };
    if (letter === "") delete columns[field];
    else columns[field] = letter;
    props.onChange({ ...overrides, columns });
  };
  const invalid = (text: string | undefined) => text !== undefined && normalizeColumn(text) === null;

  return (
    <div className={s.root}>
      <div className={s.row}>
        <Field label={t.sheet} size="small">
          <Dropdown
            size="small"
            disabled={props.disabled}
            value={sheetText}
            selectedOptions={[overrides.sheet ?? AUTO]}
            onOptionSelect={(_, d) =>
              props.onChange({ ...overrides, sheet: d.optionValue === AUTO ? undefined : d.optionValue })
            }
            className={s.fill}
          >
            <Option value={AUTO}>{t.autoDetect}</Option>
            {candidates.map((x) => (
              <Option key={x.name} value={x.name}>
                {x.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          label={t.headerRow}
          size="small"
          validationState={headerText !== "" && !(Number(headerText) > 0) ? "error" : "none"}
        >
          <Input
            className={s.fill}
            size="small"
            type="number"
            min={1}
            disabled={props.disabled}
            value={headerText}
            placeholder={report ? String(report.headerRow) : t.columnPlaceholder}
            onChange={(_, d) => commitHeader(d.value)}
          />
        </Field>
      </div>
      <span className={s.sectionLabel}>{t.columns}</span>
      <div className={s.columns}>
        {FIELDS.map((field) => (
          <label key={field} className={s.colField}>
            <span className={s.colLabel}>{t.fields[field]}</span>
            <Input
              className={s.colInput}
              size="small"
              aria-label={t.fields[field]}
              disabled={props.disabled}
              aria-invalid={invalid(columnText[field]) || undefined}
              value={columnText[field] ?? ""}
              placeholder={report ? (report.columns[field] ?? "—") : t.columnPlaceholder}
              onChange={(_, d) => commitColumn(field, d.value)}
            />
          </label>
        ))}
      </div>
      <Caption1 className={s.hint}>{t.overridesHint}</Caption1>
    </div>
  );
}
