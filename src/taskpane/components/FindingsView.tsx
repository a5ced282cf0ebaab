import {
  Badge,
  Button,
  Caption1,
  Dropdown,
  makeStyles,
  mergeClasses,
  Option,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useMemo, useState, type KeyboardEvent } from "react";
import type { Lang } from "../../core/i18n.js";
import { MARK_FILLS } from "../../core/marks.js";
import type { Finding, Severity } from "../../core/report.js";
import { say, type PaneWords } from "../i18n.js";
import { filterTitle, ruleTitle } from "../rule-words.js";
import { filterCounts, listRows, ruleKey, type Filters, type GroupBy, type ListRow } from "../view-model.js";
import { visuallyHidden } from "./visually-hidden.js";

export const useFindingStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  filters: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: "6px" },
  dropdown: { minWidth: 0, width: "100%" },
  // One line, cut with an ellipsis: "All departments" must not wrap at 320 px.
  dropdownButton: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", minWidth: 0 },
  groupBar: { display: "flex", alignItems: "center", gap: "4px", flexWrap: "wrap" },
  groupLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  groupButtons: { display: "flex", gap: "4px" },
  list: { display: "flex", flexDirection: "column", gap: "4px" },
  virtual: { position: "relative", width: "100%" },
  virtualRow: { position: "absolute", top: 0, left: 0, width: "100%", paddingBottom: "4px", boxSizing: "border-box" },
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
    minWidth: 0,
  },
  groupName: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
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
  visuallyHidden,
  empty: { display: "flex", alignItems: "center", gap: "8px", flexWrap: "wrap", padding: "8px 0" },
  emptyText: { color: tokens.colorNeutralForeground2 },
});

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

/** Up to this many rows the list is a plain list (natural Tab order and browsing); beyond, virtual. */
export const VIRTUAL_FROM = 150;

const ALL = "*";

/** Only long lists need the virtualiser: its code loads when one first shows (and stays out of the initial script). */
const VirtualList = lazy(() => import(/* webpackChunkName: "virtual-list" */ "./VirtualList.js"));

/** A filter: "all" (value null) or one key, each option with its count. "" is a key (no department). */
function FilterDropdown(props: {
  className: string;
  buttonClassName: string;
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
      button={{ className: props.buttonClassName }}
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
  w: PaneWords;
  lang: Lang;
  filters: Filters;
  onFilters: (f: Filters) => void;
  selected: Finding | null;
  onActivate: (f: Finding) => void;
}) {
  const s = useFindingStyles();
  const { w, lang, findings, filters } = props;
  const [groupBy, setGroupBy] = useState<GroupBy>("rule");

  const counts = useMemo(() => filterCounts(findings, filters), [findings, filters]);
  const rows = useMemo(() => listRows(counts.shown, groupBy), [counts.shown, groupBy]);
  const deptLabel = (d: string) => (d === "" ? w.noDept : d);
  const groupLabel = (key: string) => (groupBy === "rule" ? filterTitle(key, lang) : deptLabel(key));

  return (
    <div className={s.root}>
      {findings.length > 0 && (
        <>
          <div className={s.filters}>
            <FilterDropdown
              className={s.dropdown}
              buttonClassName={s.dropdownButton}
              label={w.filterRule}
              allText={w.allRules}
              total={counts.allRules}
              value={filters.rule}
              options={counts.rules}
              optionLabel={(key) => filterTitle(key, lang)}
              onChange={(rule) => props.onFilters({ ...filters, rule })}
            />
            <FilterDropdown
              className={s.dropdown}
              buttonClassName={s.dropdownButton}
              label={w.filterDept}
              allText={w.allDepts}
              total={counts.allDepartments}
              value={filters.department}
              options={counts.departments}
              optionLabel={deptLabel}
              onChange={(department) => props.onFilters({ ...filters, department })}
            />
          </div>
          <div className={s.groupBar}>
            <span className={s.groupLabel} id="ledger-group-by">
              {w.groupBy}
            </span>
            {/* Two toggle buttons, not a TabList: they regroup one list, they do not switch panels. */}
            <div role="group" aria-labelledby="ledger-group-by" className={s.groupButtons}>
              {(["rule", "department"] as const).map((g) => (
                <Button
                  key={g}
                  size="small"
                  appearance={groupBy === g ? "primary" : "subtle"}
                  aria-pressed={groupBy === g}
                  onClick={() => setGroupBy(g)}
                >
                  {g === "rule" ? w.groupByRule : w.groupByDept}
                </Button>
              ))}
            </div>
          </div>
        </>
      )}

      {rows.length > VIRTUAL_FROM ? (
        <Suspense fallback={<ProgressBar aria-label={w.findings} />}>
          <VirtualList rows={rows} total={counts.shown.length} {...props} groupBy={groupBy} groupLabel={groupLabel} />
        </Suspense>
      ) : (
        <div role="list" aria-label={w.findings} className={s.list}>
          {rows.map((row) => (
            <Row key={rowKey(row)} row={row} {...props} groupBy={groupBy} groupLabel={groupLabel} />
          ))}
        </div>
      )}

      {findings.length > 0 && counts.shown.length === 0 && (
        <div className={s.empty} role="status">
          <Caption1 className={s.emptyText}>{w.noMatch}</Caption1>
          <Button size="small" onClick={() => props.onFilters({ rule: null, department: null })}>
            {w.clearFilters}
          </Button>
        </div>
      )}
    </div>
  );
}

export function rowKey(row: ListRow): string {
  return row.kind === "group" ? `g|${row.key}` : `${row.finding.cell}|${ruleKey(row.finding)}|${row.index}`;
}

export interface RowProps {
  row: ListRow;
  w: PaneWords;
  lang: Lang;
  selected: Finding | null;
  onActivate: (f: Finding) => void;
  groupLabel: (key: string) => string;
  groupBy: GroupBy;
  /** Virtual list: the item's place and the list's size, which the DOM alone no longer tells. */
  total?: number;
}

export function Row(props: RowProps) {
  const s = useFindingStyles();
  const { row, lang } = props;
  if (row.kind === "group") {
    // Presentational (role="none"): a list owns only list items; each item names its own rule.
    return (
      <div role="none" className={s.groupHeader}>
        <span className={s.groupName} title={props.groupBy === "rule" ? row.key : undefined}>
          {props.groupLabel(row.key)}
        </span>
        <Badge size="small" appearance="filled" color={BADGE_COLOR[row.severity]}>
          {row.count}
        </Badge>
      </div>
    );
  }
  const f = row.finding;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      props.onActivate(f);
    }
  };
  const title = ruleTitle(f.rule, f.reason, lang);
  return (
    <div
      role="listitem"
      tabIndex={0}
      // The rule's id, for an engineer (and the tests) to read; the clerk sees its title.
      data-rule={ruleKey(f)}
      data-cell={f.cell}
      aria-current={props.selected === f ? "true" : undefined}
      {...(props.total !== undefined ? { "aria-posinset": row.index, "aria-setsize": props.total } : {})}
      className={mergeClasses(s.item, s[f.severity], props.selected === f && s.selected)}
      onClick={() => props.onActivate(f)}
      onKeyDown={onKey}
    >
      <div className={s.head}>
        <span className={s.cell}>{f.cell}</span>
        {/* Grouped by rule, the group's heading already names it: the badge would only repeat it.
            The id stays where an engineer looks: the tooltip (and the JSON). */}
        {props.groupBy === "rule" ? (
          <span className={s.visuallyHidden}>{title}</span>
        ) : (
          <Badge className={s.badge} size="small" appearance="tint" color={BADGE_COLOR[f.severity]} title={ruleKey(f)}>
            {title}
          </Badge>
        )}
      </div>
      <span className={s.message}>{f.message}</span>
      {f.problem && <Caption1 className={s.problem}>{f.problem}</Caption1>}
    </div>
  );
}

/** `筛选出 2 条，共 16 条` or `共 16 条结果`. */
export function countText(w: PaneWords, shown: number, total: number): string {
  return shown === total ? say(w.resultCount, { n: total }) : say(w.filteredCount, { shown, n: total });
}
