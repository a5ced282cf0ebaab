import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ArrowDownloadRegular, DocumentArrowUpRegular } from "@fluentui/react-icons";
import type { PaneWords } from "../i18n.js";
import type { DownloadKind, MarksState } from "../hooks/useJob.js";
import { visuallyHidden } from "./visually-hidden.js";

/**
 * The preview's own controls, which Excel does not need: the file picker with the open file's
 * name, and the download choices. The copy's choice is named after what it holds now (marks on
 * it, or cleared), so the label says what the file will have.
 */

/** Griffel takes no `borderColor` shorthand: the four sides. */
const bc = (c: string) => ({ borderTopColor: c, borderRightColor: c, borderBottomColor: c, borderLeftColor: c });

const useStyles = makeStyles({
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
  visuallyHidden,
  // The choices span the bar's two columns, one per line: their words are long at 320 px.
  choices: { gridColumn: "1 / -1", display: "flex", flexDirection: "column", gap: "4px" },
  fileName: {
    color: tokens.colorNeutralForeground3,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
});

export function FilePicker(props: {
  w: PaneWords;
  fileName: string | null;
  disabled: boolean;
  onFile: (f: File) => void;
}) {
  const s = useStyles();
  return (
    <>
      <label className={s.fileLabel}>
        <DocumentArrowUpRegular fontSize={18} aria-hidden="true" />
        <span>{props.w.openFile}</span>
        <input
          className={s.visuallyHidden}
          type="file"
          accept=".xlsx,.csv"
          disabled={props.disabled}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) props.onFile(f);
            e.target.value = "";
          }}
        />
      </label>
      {props.fileName && (
        <Caption1 className={s.fileName} title={props.fileName}>
          {props.fileName}
        </Caption1>
      )}
    </>
  );
}

/**
 * The download choices: a disclosure button and, under it, one button per choice. Not a Fluent
 * Menu: a pane whose initial script must stay within 260 KB gzip (issue #4) does better with the
 * Button it already has, and a disclosure is as clear to a screen reader.
 */
export function DownloadChoices(props: {
  w: PaneWords;
  className?: string;
  disabled: boolean;
  marks: MarksState;
  onDownload: (kind: DownloadKind) => void;
}) {
  const s = useStyles();
  const { w } = props;
  const [open, setOpen] = useState(false);
  const choose = (f: () => void) => () => {
    setOpen(false);
    f();
  };
  return (
    <>
      <Button
        className={props.className}
        icon={<ArrowDownloadRegular />}
        disabled={props.disabled}
        aria-expanded={open}
        aria-controls="ledger-downloads"
        onClick={() => setOpen((o) => !o)}
      >
        {w.downloads}
      </Button>
      {open && (
        <div id="ledger-downloads" role="group" aria-label={w.downloads} className={s.choices}>
          <Button size="small" disabled={props.disabled} onClick={choose(() => props.onDownload("copy"))}>
            {props.marks === "marked" ? w.downloadMarked : w.downloadUnmarked}
          </Button>
          <Button size="small" disabled={props.disabled} onClick={choose(() => props.onDownload("bulletin-xlsx"))}>
            {w.downloadBulletinXlsx}
          </Button>
          <Button size="small" disabled={props.disabled} onClick={choose(() => props.onDownload("bulletin-docx"))}>
            {w.downloadBulletinWord}
          </Button>
        </div>
      )}
    </>
  );
}
