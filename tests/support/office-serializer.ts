import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import vm from "node:vm";

/**
 * Microsoft's own Office.js client (the npm @microsoft/office-js package's Excel on the web
 * script) loaded in a Node vm, with an XMLHttpRequest stub that records what `send` is given:
 * `Excel.RequestContext#sync` on a URL context posts exactly the request body Excel would get,
 * so `measure` tells the UTF-8 bytes of a batch as Office.js serializes it. The stub answers
 * every request with no results: it meters requests, it is not an Excel.
 * Limits: this library (1.1.110) has no notes API, so note calls can't be measured here.
 */

type AnyExcel = {
  RequestContext: new (url: string) => Excel.RequestContext;
};

let excel: AnyExcel | null = null;
const sent: string[] = [];

function load(): AnyExcel {
  if (excel) return excel;
  const require = createRequire(import.meta.url);
  const file = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");
  class XHR {
    status = 0;
    responseText = "";
    onload: (() => void) | null = null;
    open(): void {}
    setRequestHeader(): void {}
    getAllResponseHeaders(): string {
      return "";
    }
    send(body: string): void {
      sent.push(body);
      this.status = 200;
      this.responseText = JSON.stringify({ Results: [] });
      setTimeout(() => this.onload?.(), 0);
    }
  }
  const win: Record<string, unknown> = {
    XMLHttpRequest: XHR,
    setTimeout,
    clearTimeout,
    console,
    navigator: { userAgent: "node" },
    location: { href: "https://localhost/", protocol: "https:", search: "", hash: "" },
    document: {},
  };
  win.window = win;
  win.self = win;
  const context = vm.createContext(win);
  vm.runInContext(readFileSync(file, "utf8"), context, { filename: "excel-web-16.00.debug.js" });
  excel = (context as unknown as { Excel: AnyExcel }).Excel;
  return excel;
}

/** UTF-8 bytes of the request Office.js sends for what `build` queues on a fresh context. */
export async function measure(build: (context: Excel.RequestContext) => void): Promise<number> {
  const ctx = new (load().RequestContext)("https://excel.invalid/api");
  build(ctx);
  const before = sent.length;
  await ctx.sync();
  return sent.slice(before).reduce((n, body) => n + Buffer.byteLength(body, "utf8"), 0);
}

/** Whether the loaded library defines `member` on Excel.`cls` (the npm library lacks notes). */
export function libraryHas(cls: string, member: string): boolean {
  const ctor = (load() as unknown as Record<string, { prototype?: object } | undefined>)[cls];
  return !!ctor?.prototype && member in ctor.prototype;
}

/**
 * The fake Excel's twin client (tests/support/excel-fake.ts `useOfficeSerializer`): a real
 * Office.js RequestContext per fake context; its pending request is measured, then dropped as
 * a sent request is (the stub has no Excel to answer it).
 */
export const officeSerializer = {
  newContext() {
    const ctx = new (load().RequestContext)("https://excel.invalid/api") as unknown as {
      workbook: unknown;
      _pendingRequest: { buildRequestMessageBodyAndRequestFlags(): { body: unknown } };
      m_pendingRequest: unknown;
    };
    const pendingBytes = () => {
      const body = ctx._pendingRequest.buildRequestMessageBodyAndRequestFlags().body as { Actions: unknown[] };
      return body.Actions.length === 0 ? 0 : Buffer.byteLength(JSON.stringify(body), "utf8");
    };
    return {
      workbook: ctx.workbook,
      pendingBytes,
      takeRequest: () => {
        const bytes = pendingBytes();
        ctx.m_pendingRequest = null;
        return bytes;
      },
    };
  },
};
