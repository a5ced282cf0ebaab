#!/usr/bin/env node
// `npm start` / `npm stop`. The yo-office template runs office-addin-debugging here, which this
// project does not install (its dependencies pull in native keychain modules). When it is installed
// we hand over to it; otherwise we say how to sideload the add-in by hand and exit 0.
// Usage: node scripts/start.mjs start|stop [manifest.xml] [office-addin-debugging options…]
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";

/** Path of an installed office-addin-debugging launcher under `cwd`, or null. */
export function findDebugging(cwd = process.cwd(), platform = process.platform) {
  const bin = path.join(
    cwd,
    "node_modules",
    ".bin",
    platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging",
  );
  return fs.existsSync(bin) ? bin : null;
}

/**
 * What to do: run office-addin-debugging when it is there, or print how to sideload by hand.
 * @param {{ command: string, manifest: string, platform: string, debugging: string | null, port?: string | number, extra?: string[] }} o
 * @returns {{ run: [string, string[]] } | { message: string }}
 */
export function plan({ command, manifest, platform, debugging, port = 3000, extra = [] }) {
  if (debugging) return { run: [debugging, [command, manifest, ...extra]] };
  const url = `https://localhost:${port}/`;
  if (command === "stop") {
    return {
      message: [
        "office-addin-debugging is not installed, so `npm start` started nothing that needs stopping.",
        "Stop `npm run dev-server` with Ctrl+C; remove a sideloaded add-in in Excel (Add-ins › My Add-ins).",
        platform === "darwin"
          ? `On macOS also delete ${path.basename(manifest)} from ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/.`
          : "",
      ]
        .filter(Boolean)
        .join("\n"),
    };
  }
  const serve = `1. Serve the add-in:   npm run dev-server   (${url}, dev certificate from office-addin-dev-certs)`;
  const web = `Excel on the web: open a workbook, Home › Add-ins › More Add-ins › Upload My Add-in (or Insert › Add-ins › Upload My Add-in), choose ${manifest}.`;
  const lines = ["office-addin-debugging is not installed, so the add-in cannot be sideloaded automatically.", serve];
  if (platform === "win32") {
    lines.push(
      `2. Sideload ${manifest} into Excel for Windows: put it in a shared folder, add that folder under`,
      "   File › Options › Trust Center › Trust Center Settings › Trusted Add-in Catalogs (Show in Menu),",
      "   restart Excel, then Home › Add-ins › Advanced › Shared Folder.",
      `   Or: ${web}`,
      "   (`npx office-addin-debugging start manifest.xml desktop` automates this if you install that package.)",
    );
  } else if (platform === "darwin") {
    lines.push(
      `2. Sideload into Excel for Mac: copy ${manifest} to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/`,
      "   (create the folder if needed), restart Excel, then Home › Add-ins and pick Ledger Check.",
      `   Or: ${web}`,
      "   (`npx office-addin-debugging start manifest.xml desktop` automates this if you install that package.)",
    );
  } else {
    lines.push(
      `2. There is no desktop Excel on ${platform}: use ${web}`,
      "   (`npm start -- web --document <url>` needs office-addin-debugging, which is not installed.)",
      "   Without Excel: the CLI checks .xlsx files with the same engine (npx ledger-check --help).",
    );
  }
  return { message: lines.join("\n") };
}

function main() {
  const [command = "start", manifestArg = "manifest.xml", ...extra] = process.argv.slice(2);
  if (command !== "start" && command !== "stop") {
    console.error(`usage: node scripts/start.mjs start|stop [manifest.xml]  (got "${command}")`);
    process.exitCode = 1;
    return;
  }
  if (!fs.existsSync(manifestArg)) {
    console.error(`${manifestArg}: no such file`);
    process.exitCode = 1;
    return;
  }
  const what = plan({
    command,
    manifest: manifestArg,
    platform: process.platform,
    debugging: findDebugging(),
    port: process.env.npm_package_config_dev_server_port || 3000,
    extra,
  });
  if ("run" in what) {
    const [bin, args] = what.run;
    const result = spawnSync(bin, args, { stdio: "inherit", shell: process.platform === "win32" });
    process.exitCode = result.status ?? 1;
  } else {
    console.log(what.message);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
