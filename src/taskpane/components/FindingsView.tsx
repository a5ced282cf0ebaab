import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  makeStyles,
  mergeClasses,
  Option,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState, type KeyboardEvent, type ReactNode } from "react";
import { MARK_FILLS } from "../../core/marks.js";
import type { Finding, PaperOnlyReason, RuleId, Severity } from "../../core/report.js";
import type { Strings } from "../i18n.js";
import {
  departmentOptions,
  filterFindings,
  PAGE_SIZE,
  pageFindings,
  ruleKey,
  ruleOptions,
  type Filters,
} from "../view-model.js";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  filters: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "6px" },
  dropdown: { minWidth: 0, width: "100%" },
  list: { display: "flex", flexDirection: "column", gap: "4px" },
  groupHeader: {
    display: "flex",
    alignItems: "center",
    gap: "6px",
    marginTop: "6px",
    paddingBottom: "2px",
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: "6px 8px 6px 10px",
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: "4px solid transparent",
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    outlineStyle: "none",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  error: { borderLeftColor: `#${MARK_FILLS.error}` },
  warning: { borderLeftColor: `#${MARK_FILLS.warning}` },
  info: { borderLeftColor: `#${MARK_FILLS.info}` },
  head: { display: "flex", alignItems: "center", gap: "6px", minWidth: 0 },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    flexShrink: 0,
  },
  badge: { minWidth: 0, maxWidth: "100%", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: "anywhere" },
  problem: {
    color: tokens.colorNeutralForeground3,
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    overflowWrap: "anywhere",
  },
  empty: { color: tokens.colorNeutralForeground3, padding: "8px 0" },
});

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** The filter's label for a rule key: the rule's name, with the paper-only reason's. */
export function ruleLabel(key: string, t: Strings): string {
  const [rule, reason] = key.split("/") as [RuleId, PaperOnlyReason | undefined];
  const name = t.rules[rule] ?? rule;
  return reason ? `${name} · ${t.reasons[reason] ?? reason}` : name;
}

const ALL = "*";

/** A filter: "all" (value null) or one key, each option with its count. "" is a key (no department). */
function FilterDropdown(props: {
  className: string;
  label: string;
  allText: string;
  total: number;
  value: string | null;
  options: readonly { key: string; count: number }[];
  optionLabel: (key: string) => string;
  onChange: (key: string | null) => void;
}) {
  const { value, allText, optionLabel } = props;
  return (
    <Dropdown
      className={props.className}
      size="small"
      aria-label={props.label}
      value={value === null ? allText : optionLabel(value)}
      selectedOptions={[value ?? ALL]}
      onOptionSelect={(_, d) =>
        props.onChange(d.optionValue === ALL || d.optionValue === undefined ? null : d.optionValue)
      }
    >
      <Option value={ALL} text={allText}>
        {`${allText} (${props.total})`}
      </Option>
      {props.options.map((o) => (
        <Option key={o.key} value={o.key} text={optionLabel(o.key)}>
          {`${optionLabel(o.key)} (${o.count})`}
        </Option>
      ))}
    </Dropdown>
  );
}

export function FindingsView(props: {
  findings: Finding[];
  t: Strings;
  selected: Finding | null;
  onActivate: (f: Finding) => void;
}) {
  const s = useStyles();
  const { t, findings } = props;
  const [filters, setFilters] = useState<Filters>({ rule: null, department: null });
  const [limit, setLimit] = useState(PAGE_SIZE);

  const rules = useMemo(() => ruleOptions(findings), [findings]);
  const departments = useMemo(() => departmentOptions(findings), [findings]);
  const filtered = useMemo(() => filterFindings(findings, filters), [findings, filters]);
  const page = useMemo(() => pageFindings(filtered, limit), [filtered, limit]);

  const setFilter = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setLimit(PAGE_SIZE);
  };
  const deptLabel = (d: string) => (d === "" ? t.noDept : d);

  const onKey = (e: KeyboardEvent, f: Finding) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      props.onActivate(f);
    }
  };

  return (
    <div className={s.root}>
      {findings.length > 0 && (
        <div className={s.filters}>
          <FilterDropdown
            className={s.dropdown}
            label={t.filterRule}
            allText={t.allRules}
            total={findings.length}
            value={filters.rule}
            options={rules}
            optionLabel={(key) => ruleLabel(key, t)}
            onChange={(rule) => setFilter({ rule })}
          />
          <FilterDropdown
            className={s.dropdown}
            label={t.filterDept}
            allText={t.allDepts}
            total={findings.length}
            value={filters.department}
            options={departments}
            optionLabel={deptLabel}
            onChange={(department) => setFilter({ department })}
          />
        </div>
      )}

      <div role="list" aria-label={t.findings} className={s.list}>
        {page.groups.map((g) => (
          <GroupItems key={g.severity} severity={g.severity} total={g.total} t={t}>
            {g.findings.map((f) => (
              <div
                key={`${f.cell}|${ruleKey(f)}|${f.message}`}
                role="listitem"
                tabIndex={0}
                aria-current={props.selected === f ? "true" : undefined}
                className={mergeClasses(s.item, s[f.severity], props.selected === f && s.selected)}
                onClick={() => props.onActivate(f)}
                onKeyDown={(e) => onKey(e, f)}
              >
                <div className={s.head}>
                  <span className={s.cell}>{f.cell}</span>
                  <Badge
                    className={s.badge}
                    size="small"
                    appearance="tint"
                    color={BADGE_COLOR[f.severity]}
                    title={ruleLabel(ruleKey(f), t)}
                  >
                    {ruleKey(f)}
                  </Badge>
                </div>
                <span className={s.message}>{f.message}</span>
                {f.problem && <Caption1 className={s.problem}>{f.problem}</Caption1>}
              </div>
            ))}
          </GroupItems>
        ))}
      </div>
      {findings.length > 0 && filtered.length === 0 && <Caption1 className={s.empty}>{t.noMatch}</Caption1>}
      {page.shown < page.total && (
        <Button appearance="secondary" size="small" onClick={() => setLimit((n) => n + PAGE_SIZE)}>
          {t.showMore(page.total - page.shown)}
        </Button>
      )}
    </div>
  );
}

/**
 * A severity header and its items. The header is presentational (role="none"): a list may
 * only own list items, and each item names its own severity through its badge colour and text.
 */
function GroupItems(props: { severity: Severity; total: number; t: Strings; children: ReactNode }) {
  const s = useStyles();
  return (
    <>
      <div role="none" className={s.groupHeader}>
        <span>{props.t.severity[props.severity]}</span>
        <Badge size="small" appearance="filled" color={BADGE_COLOR[props.severity]}>
          {props.total}
        </Badge>
      </div>
      {props.children}
    </>
  );
}
