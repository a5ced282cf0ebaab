/**
 * What boot.js found before any other script ran (window.ledgerCheckBoot), and the host
 * information string Office hands an add-in page: `Excel$Win32$16.01$zh-CN$$$$0` (or with `|`
 * separators), read the way office.js reads it (`_retrieveHostInfo` in @microsoft/office-js
 * dist/office.debug.js: host type, platform, version, locale, …).
 */

export interface BootInfo {
  hostInfo: string | null;
  unsupported: boolean;
  started: boolean;
}

export interface HostInfo {
  /** Lower case, as office.js keeps it: `excel`, `word`, … */
  app: string;
  platform: string;
  /** The Office display locale, `zh-cn`; "" when absent. */
  locale: string;
}

export function parseHostInfo(value: string | null | undefined): HostInfo | null {
  if (!value) return null;
  let items = value.split("$");
  if (items[2] === undefined) items = value.split("|");
  const app = (items[0] ?? "").toLowerCase();
  if (app === "") return null;
  return { app, platform: (items[1] ?? "").toLowerCase(), locale: (items[3] ?? "").toLowerCase() };
}

/** The boot record, or one made from the URL when the page has no boot script (a test harness). */
export function bootInfo(win: { ledgerCheckBoot?: BootInfo; location?: { search: string } }): BootInfo {
  if (win.ledgerCheckBoot) return win.ledgerCheckBoot;
  const m = /[?&]_host_Info=([^&#]*)/.exec(win.location?.search ?? "");
  return { hostInfo: m ? decodeURIComponent(m[1]!) : null, unsupported: false, started: false };
}
