import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./components/App.js";
import type { PaneHost } from "./pane-host.js";

/** Mounts the pane for a host (Excel, the browser preview, or a test harness over a fake Excel). */
export function renderPane(container: HTMLElement, host: PaneHost): void {
  document.documentElement.lang = host.lang === "zh" ? "zh-CN" : "en";
  const theme = host.theme === "dark" ? webDarkTheme : webLightTheme;
  document.body.style.backgroundColor = theme.colorNeutralBackground2;
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh", backgroundColor: theme.colorNeutralBackground2 }}>
      <App host={host} />
    </FluentProvider>,
  );
}
