import { useCallback, useEffect, useRef, useState } from "react";
import type { PaneHost } from "../pane-host.js";
import { parseSettings, type PaneSettings } from "../pane-settings.js";

const SAVE_DELAY_MS = 400;

/**
 * One workbook's settings: loaded when the workbook changes (`key`: "" in Excel, the file's key
 * in the preview, null while the preview has no file), validated field by field, saved a moment
 * after each change to that same workbook. Switching workbooks never carries settings across:
 * the next one starts from what it saved, or from the defaults. `restored` is what was loaded,
 * so the pane can show it before it is used.
 */
export function usePaneSettings(host: PaneHost, key: string | null) {
  const [settings, setSettings] = useState<PaneSettings>({});
  const [restored, setRestored] = useState<PaneSettings | null>(null);
  const ref = useRef<PaneSettings>({});
  const pending = useRef<{ key: string; timer: ReturnType<typeof setTimeout> } | null>(null);

  const flush = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = null;
    host.settings.save(p.key, ref.current).catch((e) => console.warn("ledger-check: settings not saved", e));
  }, [host]);

  // Closing the pane (or reloading the preview) must not lose the last few keystrokes' worth.
  useEffect(() => {
    addEventListener("pagehide", flush);
    return () => removeEventListener("pagehide", flush);
  }, [flush]);

  useEffect(() => {
    ref.current = {};
    setSettings({});
    setRestored(null);
    if (key === null) return;
    let live = true;
    host.settings
      .load(key)
      .then((v) => {
        if (!live) return;
        const loaded = parseSettings(v);
        ref.current = loaded;
        setSettings(loaded);
        setRestored(loaded);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      // Whatever was typed for this workbook is saved to it before the next one loads.
      flush();
    };
  }, [host, key, flush]);

  const update = useCallback(
    (next: PaneSettings) => {
      if (key === null) return;
      ref.current = next;
      setSettings(next);
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = { key, timer: setTimeout(flush, SAVE_DELAY_MS) };
    },
    [key, flush],
  );

  /** Back to the defaults, saved at once: a reset is a decision, not typing in progress. */
  const reset = useCallback(() => {
    update({});
    flush();
    setRestored(null);
  }, [update, flush]);

  return { settings, ref, restored, update, reset, dismissRestored: () => setRestored(null) };
}
