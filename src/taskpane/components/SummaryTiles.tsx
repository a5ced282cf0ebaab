import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Summary } from "../../core/report.js";
import { MARK_FILLS } from "../../core/marks.js";
import type { Strings } from "../i18n.js";
import { summaryTiles, type Tone } from "../view-model.js";

/**
 * The six figures of the check. In the light theme a tile wears the exact fill its findings
 * leave on the sheet (MARK_FILLS; the text colours are Excel's own Bad/Neutral/Good styles),
 * so the pane and the marked cells read alike; the dark theme keeps the colour on a side bar and the number.
 */

/** Griffel takes no `borderColor` shorthand: the four sides. */
const bc = (c: string) => ({ borderTopColor: c, borderRightColor: c, borderBottomColor: c, borderLeftColor: c });

const darkTile = {
  backgroundColor: tokens.colorNeutralBackground1Hover,
  ...bc(tokens.colorNeutralStroke2),
  borderLeftWidth: "4px",
};

const useStyles = makeStyles({
  grid: {
    display: "grid",
    // Two columns: at 320 px a third column would cut 疑似纸面整改.
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    gap: "6px",
  },
  tile: {
    display: "flex",
    flexDirection: "row",
    alignItems: "center",
    justifyContent: "space-between",
    gap: "6px",
    minWidth: 0,
    padding: "6px 10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid transparent`,
  },
  label: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  number: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  rate: {
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    opacity: 0.85,
  },
  valueRow: { display: "flex", flexDirection: "column", alignItems: "flex-end", flexShrink: 0 },
  // Light theme: the sheet's mark fills.
  lightError: { backgroundColor: `#${MARK_FILLS.error}`, color: "#9C0006", ...bc("#F4A9B3") },
  lightWarning: { backgroundColor: `#${MARK_FILLS.warning}`, color: "#7A4F00", ...bc("#E8CF6A") },
  lightInfo: { backgroundColor: `#${MARK_FILLS.info}`, color: "#1F4E79", ...bc("#A9C8E8") },
  lightSuccess: { backgroundColor: "#E2F0D9", color: "#0E5C2F", ...bc("#B5D8A0") },
  neutral: {
    backgroundColor: tokens.colorNeutralBackground1Hover,
    color: tokens.colorNeutralForeground1,
    ...bc(tokens.colorNeutralStroke2),
  },
  // Dark theme: pastel fills would glare, so the tile stays dark and the mark colour moves to
  // a side bar and the number (the pastels read well on a dark ground).
  darkError: { ...darkTile, borderLeftColor: `#${MARK_FILLS.error}`, color: `#${MARK_FILLS.error}` },
  darkWarning: { ...darkTile, borderLeftColor: `#${MARK_FILLS.warning}`, color: `#${MARK_FILLS.warning}` },
  darkInfo: { ...darkTile, borderLeftColor: `#${MARK_FILLS.info}`, color: `#${MARK_FILLS.info}` },
  darkSuccess: { ...darkTile, borderLeftColor: "#C6EFCE", color: "#C6EFCE" },
});

type Styles = ReturnType<typeof useStyles>;

function toneClass(s: Styles, tone: Tone, theme: "light" | "dark"): string {
  if (tone === "neutral") return s.neutral;
  const light = { error: s.lightError, warning: s.lightWarning, info: s.lightInfo, success: s.lightSuccess };
  const dark = { error: s.darkError, warning: s.darkWarning, info: s.darkInfo, success: s.darkSuccess };
  return (theme === "light" ? light : dark)[tone];
}

export function SummaryTiles(props: { summary: Summary; t: Strings; theme: "light" | "dark" }) {
  const s = useStyles();
  const { t } = props;
  return (
    <div role="group" aria-label={t.summary} className={s.grid}>
      {summaryTiles(props.summary).map((tile) => (
        <div
          key={tile.key}
          role="group"
          aria-label={t.tiles[tile.key]}
          className={mergeClasses(s.tile, toneClass(s, tile.tone, props.theme))}
        >
          <span className={s.label} aria-hidden="true" title={t.tiles[tile.key]}>
            {t.tiles[tile.key]}
          </span>
          <span className={s.valueRow}>
            <span className={s.number} data-testid={tile.key}>
              {tile.value}
            </span>
            {tile.rate !== undefined && <span className={s.rate}>{tile.rate}</span>}
          </span>
        </div>
      ))}
    </div>
  );
}
