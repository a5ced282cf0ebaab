import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { bootInfo, parseHostInfo } from "../../src/taskpane/host-info.js";
import { ROOT } from "../e2e/support.js";

/**
 * src/taskpane/boot.js, the inline script of taskpane.html, run in a bare context standing in
 * for the browser: where it finds the host information office.js would find (office.debug.js,
 * `_retrieveHostInfo`), what it writes, and what it says when the browser cannot run the bundle.
 */

const SOURCE = readFileSync(join(ROOT, "src/taskpane/boot.js"), "utf8");

interface Page {
  search?: string;
  name?: string;
  external?: unknown;
  session?: Record<string, string>;
  /** Makes `new Function` refuse modern syntax, as Trident and EdgeHTML do. */
  oldBrowser?: boolean;
}

function runBoot(page: Page) {
  const written: string[] = [];
  const timers: (() => void)[] = [];
  const text = { value: "正在加载…" };
  const paragraph = {
    get textContent() {
      return text.value;
    },
    set textContent(v: string) {
      text.value = v;
    },
  };
  const children: unknown[] = [paragraph];
  const container = {
    get firstChild() {
      return children[0] ?? null;
    },
    removeChild: (c: unknown) => children.splice(children.indexOf(c), 1),
    appendChild: (c: { text?: string }) => {
      children.push(c);
      text.value = (c as { kids: { data: string }[] }).kids.map((k) => k.data).join("");
    },
    setAttribute: () => undefined,
  };
  const doc = {
    getElementById: (id: string) => (id === "container" ? container : null),
    createElement: () => ({
      kids: [] as unknown[],
      style: {},
      setAttribute: () => undefined,
      appendChild(this: { kids: unknown[] }, k: unknown) {
        this.kids.push(k);
      },
    }),
    createTextNode: (data: string) => ({ data }),
    write: (html: string) => written.push(html),
  };
  const win: Record<string, unknown> = {
    location: { search: page.search ?? "" },
    name: page.name ?? "",
    navigator: { language: "zh-CN" },
    sessionStorage: { getItem: (k: string) => page.session?.[k] ?? null },
    setTimeout: (f: () => void) => timers.push(f),
    LEDGER_OFFICE_JS: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  };
  if (page.external) win.external = page.external;
  const OldFunction = function () {
    throw new SyntaxError("Expected identifier");
  };
  runInNewContext(SOURCE, { window: win, document: doc, ...(page.oldBrowser ? { Function: OldFunction } : {}) });
  return { boot: win.ledgerCheckBoot as { hostInfo: string | null; unsupported: boolean }, written, text, timers };
}

describe("boot.js", () => {
  it("outside Office finds no host and asks nothing of Microsoft's CDN", () => {
    const r = runBoot({ search: "?today=2025-07-01" });
    expect(r.boot).toEqual({ hostInfo: null, unsupported: false, started: false });
    expect(r.written).toEqual([]);
    expect(r.timers).toEqual([]);
  });

  it("finds the host in the _host_Info query parameter, loads office.js and says it is connecting", () => {
    const r = runBoot({ search: "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0&_mode=x" });
    expect(r.boot.hostInfo).toBe("Excel$Win32$16.01$zh-CN$$$$0");
    expect(r.written).toEqual([
      '<script type="text/javascript" src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
    ]);
    expect(r.text.value).toBe("正在连接 Excel…");
    // Still waiting after a while: it says on what.
    r.timers[0]!();
    expect(r.text.value).toContain("Office.js");
    expect(r.text.value).toContain("OFFICE_JS=local");
  });

  it("finds the host where office.js does: window.external, window.name, sessionStorage", () => {
    expect(runBoot({ external: { GetHostInfo: () => "Excel|Win32|16.01|en-US|" } }).boot.hostInfo).toBe(
      "Excel|Win32|16.01|en-US|",
    );
    expect(runBoot({ name: JSON.stringify({ hostInfo: "Excel$Mac$16.01$en-US" }) }).boot.hostInfo).toBe(
      "Excel$Mac$16.01$en-US",
    );
    expect(runBoot({ session: { hostInfoValue: "Excel$Web$16.01$zh-CN" } }).boot.hostInfo).toBe(
      "Excel$Web$16.01$zh-CN",
    );
    // window.external without GetHostInfo (plain Chromium has one): not Office.
    expect(runBoot({ external: {} }).boot.hostInfo).toBe(null);
  });

  it("says why the pane cannot run in an old webview instead of loading", () => {
    const r = runBoot({ search: "?_host_Info=Excel$Win32$16.01$zh-CN", oldBrowser: true });
    expect(r.boot.unsupported).toBe(true);
    expect(r.written).toEqual([]);
    expect(r.text.value).toMatch(/^本窗格无法在此版本的 Office 中运行.*This pane cannot run/);
  });
});

describe("parseHostInfo", () => {
  it("reads app, platform and locale from either separator, and nothing from nothing", () => {
    expect(parseHostInfo("Excel$Win32$16.01$zh-CN$$$$0")).toEqual({ app: "excel", platform: "win32", locale: "zh-cn" });
    expect(parseHostInfo("Excel|Mac|16.01|en-US|")).toEqual({ app: "excel", platform: "mac", locale: "en-us" });
    expect([parseHostInfo(""), parseHostInfo(null)]).toEqual([null, null]);
  });

  it("falls back to the URL when the page ran no boot script", () => {
    expect(bootInfo({ location: { search: "?_host_Info=Excel%24Web%2416.01%24de-DE" } }).hostInfo).toBe(
      "Excel$Web$16.01$de-DE",
    );
    expect(bootInfo({ location: { search: "" } }).hostInfo).toBe(null);
  });
});
