import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page, type Route } from "playwright-core";

/** Paths and the browser for the end-to-end tests. */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = join(ROOT, "dist");
/** The harness build (tests only): outside dist/ so the shipped folder never holds it. */
export const HARNESS_DIR = join(ROOT, "node_modules/.cache/ledger-check/harness");
export const SAMPLE = join(ROOT, "samples/sample-ledger.xlsx");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Requests for office.js seen so far (each one held, never answered, until `releaseOfficeJs`). */
  officeJsRequests: string[];
  /** Answers every held and later office.js request with this script (a late Office.js). */
  releaseOfficeJs(script: string): Promise<void>;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Microsoft's Office.js on its CDN (and its host scripts beside it). */
export const OFFICE_JS = /appsforoffice\.microsoft\.com\//;

/**
 * Headless Chromium with a fresh profile. Only loopback requests go out. Office.js is routed to
 * a request that never answers (an intranet that drops the CDN, or a network that hangs on it:
 * issue #14), which the preview must not wait on; a test may answer it late.
 */
export async function launch(viewport = { width: 320, height: 900 }): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), "ledger-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    acceptDownloads: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const officeJsRequests: string[] = [];
  let held: Route[] = [];
  let answer: string | null = null;
  await context.route(
    (url) => !["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol !== "data:" && url.protocol !== "blob:",
    (route) => {
      const url = route.request().url();
      if (!OFFICE_JS.test(url)) return route.abort("blockedbyclient");
      officeJsRequests.push(url);
      if (answer !== null) return route.fulfill({ contentType: "text/javascript", body: answer });
      // Never answered: the request hangs as on a network that drops it.
      held.push(route);
      return undefined;
    },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    officeJsRequests,
    releaseOfficeJs: async (script) => {
      answer = script;
      const waiting = held;
      held = [];
      await Promise.all(waiting.map((r) => r.fulfill({ contentType: "text/javascript", body: script })));
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Collects uncaught page errors and console errors, to show when a test fails. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/ERR_BLOCKED_BY_CLIENT|appsforoffice/.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  return errors;
}
