import { FluentProvider, ProgressBar, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import type { Lang } from "../core/i18n.js";
import { App } from "./components/App.js";
import { words } from "./i18n.js";
import type { PaneHost } from "./pane-host.js";

/** Mounts the pane for a host (Excel, the browser preview, or a test harness over a fake Excel). */
export function renderPane(container: HTMLElement, host: PaneHost): void {
  mountPane(container).showPane(host);
}

/** One React root: "connecting to Excel" first when Office is still starting, then the pane. */
export function mountPane(container: HTMLElement) {
  const root = createRoot(container);
  const frame = (theme: "light" | "dark", children: ReactNode) => {
    const t = theme === "dark" ? webDarkTheme : webLightTheme;
    document.body.style.backgroundColor = t.colorNeutralBackground2;
    return (
      <FluentProvider theme={t} style={{ minHeight: "100vh", backgroundColor: t.colorNeutralBackground2 }}>
        {children}
      </FluentProvider>
    );
  };
  return {
    showConnecting(lang: Lang, slow: boolean) {
      const w = words(lang);
      document.documentElement.lang = w.htmlLang;
      root.render(
        frame(
          "light",
          <main style={{ padding: 16, display: "flex", flexDirection: "column", gap: 12 }}>
            <p style={{ margin: 0 }}>{w.connecting}</p>
            <ProgressBar aria-label={w.connecting} />
            {slow && (
              <p role="status" style={{ margin: 0, lineHeight: 1.5 }}>
                {w.connectingSlow}
              </p>
            )}
          </main>,
        ),
      );
    },
    showPane(host: PaneHost) {
      root.render(frame(host.theme, <App host={host} />));
    },
  };
}
