import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Ledger } from "../../core/ledger/model.js";
import type { Finding } from "../../core/report.js";
import type { Lang } from "../../core/i18n.js";
import { say, type PaneWords } from "../i18n.js";
import { ruleTitle } from "../rule-words.js";
import { ruleKey, taskDetail } from "../view-model.js";

/**
 * The preview's stand-in for "select the cell": there is no sheet to jump to, so the pane
 * shows the flagged task's fields. A modal dialog (named 任务详情) fits a 320 px pane better
 * than a side panel and returns focus to the item on close.
 */

const useStyles = makeStyles({
  surface: { maxWidth: "calc(100vw - 24px)", padding: "16px" },
  finding: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: "8px",
    marginBottom: "8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  head: { display: "flex", gap: "6px", alignItems: "center", flexWrap: "wrap" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  dl: { display: "grid", gridTemplateColumns: "auto minmax(0, 1fr)", columnGap: "10px", rowGap: "6px", margin: 0 },
  dt: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap", fontSize: tokens.fontSizeBase200 },
  dd: { margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
  empty: { color: tokens.colorNeutralForeground4 },
});

export default function TaskDetail(props: {
  finding: Finding | null;
  ledger: Ledger | null;
  w: PaneWords;
  lang: Lang;
  onClose: () => void;
}) {
  const s = useStyles();
  const { finding, ledger, w: t } = props;
  const detail = finding && ledger ? taskDetail(ledger, finding) : null;
  return (
    <Dialog open={finding !== null} onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface className={s.surface}>
        <DialogBody>
          <DialogTitle>{t.taskDetails}</DialogTitle>
          <DialogContent>
            {finding && (
              <div className={s.finding}>
                <div className={s.head}>
                  <span className={s.cell}>{finding.cell}</span>
                  <Badge size="small" appearance="tint" title={ruleKey(finding)}>
                    {ruleTitle(finding.rule, finding.reason, props.lang)}
                  </Badge>
                  {detail && <span>{say(t.row, { row: detail.row })}</span>}
                </div>
                <span>{finding.message}</span>
              </div>
            )}
            {detail && (
              <dl className={s.dl}>
                {detail.rows.map((r) => (
                  <div key={r.field} style={{ display: "contents" }}>
                    <dt className={s.dt}>{r.field === "category" ? t.category : t.fields[r.field]}</dt>
                    <dd className={s.dd}>{r.text || <span className={s.empty}>{t.emptyField}</span>}</dd>
                  </div>
                ))}
              </dl>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onClose}>
              {t.close}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
