import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState } from "react";
import type { ListRow } from "../view-model.js";
import { Row, rowKey, useFindingStyles, type RowProps } from "./FindingsView.js";

/**
 * Thousands of findings (a 10,000-row ledger has ~2,000): only the rows near the viewport are in
 * the DOM (@tanstack/react-virtual over the page's own scroll, so the sticky action bar stays put).
 * Rows wrap to different heights at 320 px, so each is measured as it renders.
 */
export default function VirtualList(props: Omit<RowProps, "row"> & { rows: ListRow[]; total: number }) {
  const s = useFindingStyles();
  const ref = useRef<HTMLDivElement>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    if (ref.current) setMargin(ref.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: props.rows.length,
    estimateSize: (i) => (props.rows[i]!.kind === "group" ? 30 : 76),
    overscan: 8,
    scrollMargin: margin,
  });
  return (
    <div
      ref={ref}
      role="list"
      aria-label={props.w.findings}
      className={s.virtual}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((v) => (
        <div
          key={rowKey(props.rows[v.index]!)}
          role="none"
          data-index={v.index}
          ref={virtualizer.measureElement}
          className={s.virtualRow}
          style={{ transform: `translateY(${v.start - virtualizer.options.scrollMargin}px)` }}
        >
          <Row {...props} row={props.rows[v.index]!} total={props.total} />
        </div>
      ))}
    </div>
  );
}
