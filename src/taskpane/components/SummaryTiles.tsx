import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Summary } from "../../core/report.js";
import { MARK_FILLS } from "../../core/marks.js";
import type { Progress } from "../../core/progress/compare.js";
import { say, type PaneWords } from "../i18n.js";
import { formatChange, summaryTiles, type Tone } from "../view-model.js";

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
  change: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    marginLeft: "4px",
  },
  rate: {
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
    opacity: 0.85,
  },
  // A tile that filters: a real button, with the pressed state drawn as a thick inner ring.
  button: {
    cursor: "pointer",
    fontFamily: "inherit",
    textAlign: "left",
    ":hover": { filter: "brightness(0.97)" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  pressed: {
    boxShadow: `inset 0 0 0 2px ${tokens.colorNeutralForeground1}`,
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

export function SummaryTiles(props: {
  summary: Summary;
  /** The last check's figures, when its snapshot was found: each tile that has one shows its change. */
  before?: Progress["before"] | undefined;
  w: PaneWords;
  theme: "light" | "dark";
  /** The active rule filter: a tile whose filter it is shows as pressed. */
  filter: string | null;
  onFilter: (filter: string | null) => void;
}) {
  const s = useStyles();
  const { w } = props;
  return (
    <div role="group" aria-label={w.summary} className={s.grid}>
      {summaryTiles(props.summary, props.before).map((tile) => {
        const label = w.tiles[tile.key];
        const spoken =
          tile.change === undefined
            ? ""
            : say(tile.change > 0 ? w.changeSpoken.up : tile.change < 0 ? w.changeSpoken.down : w.changeSpoken.same, {
                n: String(Math.abs(tile.change)),
              });
        const body = (
          <>
            <span className={s.label} aria-hidden="true">
              {label}
            </span>
            <span className={s.valueRow} aria-hidden={tile.filter ? "true" : undefined}>
              <span className={s.number}>
                <span data-testid={tile.key}>{tile.value}</span>
                {tile.change !== undefined && (
                  <span className={s.change} data-testid={`${tile.key}-change`} aria-hidden="true">
                    {formatChange(tile.change)}
                  </span>
                )}
              </span>
              {tile.rate !== undefined && <span className={s.rate}>{tile.rate}</span>}
            </span>
          </>
        );
        const tone = toneClass(s, tile.tone, props.theme);
        if (!tile.filter)
          return (
            <div
              key={tile.key}
              role="group"
              aria-label={spoken ? `${label}${w.changeSpoken.join}${spoken}` : label}
              className={mergeClasses(s.tile, tone)}
            >
              {body}
            </div>
          );
        const pressed = props.filter === tile.filter;
        return (
          <button
            key={tile.key}
            type="button"
            aria-pressed={pressed}
            aria-label={`${label} ${tile.value}${tile.change !== undefined ? ` ${formatChange(tile.change)}` : ""}`}
            aria-description={spoken ? `${spoken}${w.changeSpoken.join}${w.tileFilter}` : undefined}
            title={w.tileFilter}
            className={mergeClasses(s.tile, s.button, tone, pressed && s.pressed)}
            onClick={() => props.onFilter(pressed ? null : tile.filter!)}
          >
            {body}
          </button>
        );
      })}
    </div>
  );
}
