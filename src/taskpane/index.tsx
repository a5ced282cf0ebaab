/// <reference types="office-js" />
// Placeholder task pane root: proves the build, Fluent UI v9 and Office.js wiring. The real pane
// replaces <Placeholder/>.
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";

function Placeholder() {
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 12, padding: 16, alignItems: "flex-start" }}>
      <Title3 as="h1">整改台账校验</Title3>
      <Button appearance="primary">开始校验</Button>
    </div>
  );
}

function render() {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Placeholder />
    </FluentProvider>,
  );
}

// Outside Office (a plain browser, or office.js blocked) there is no Office global; render anyway.
if (typeof Office === "undefined") render();
else void Office.onReady(render);
