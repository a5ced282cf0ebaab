#!/usr/bin/env node
// `npm run preview`: the task pane in an ordinary browser, without Excel. Builds dist/ for production
// (or, with --no-build, serves the dist/ already there) and serves it over plain http on loopback only,
// so a clerk or a reviewer can open a ledger file in the page and see the same checks the add-in runs.
//   npm run preview                 build, then serve on PORT (default 3000)
//   npm run preview -- --no-build   serve the existing dist/
// The end-to-end tests import startServer, isFresh and buildBundle from here.
import fs from "node:fs";
import fsp from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Resolves a request path to a file under root, or null when it would leave root. Both sides are
 * real paths, so a symlink inside dist/ pointing elsewhere is refused as well as `..`.
 */
async function resolveInside(realRoot, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const candidate = path.resolve(realRoot, `.${path.posix.normalize(`/${decoded}`)}`);
  if (candidate !== realRoot && !candidate.startsWith(realRoot + path.sep)) return null;
  let real;
  try {
    real = await fsp.realpath(candidate);
  } catch {
    return candidate; // missing: a 404, not a refusal
  }
  return real === realRoot || real.startsWith(realRoot + path.sep) ? real : null;
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(text);
}

/**
 * Serves `root` on 127.0.0.1 only. `port` 0 picks a free port. GET and HEAD only, no directory
 * listings, `/` redirects to the task pane.
 * @param {{ root: string, port?: number, entry?: string }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ root, port = 3000, entry = "taskpane.html" }) {
  const realRoot = await fsp.realpath(root);
  const server = http.createServer(async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD")
        return send(res, 405, "Method Not Allowed", { Allow: "GET, HEAD" });
      const { pathname } = new URL(req.url ?? "/", "http://localhost");
      if (pathname === "/") return send(res, 302, "", { Location: `/${entry}` });
      const file = await resolveInside(realRoot, pathname);
      if (file === null) return send(res, 403, "Forbidden");
      let stat;
      try {
        stat = await fsp.stat(file);
      } catch {
        return send(res, 404, "Not Found");
      }
      if (!stat.isFile()) return send(res, 404, "Not Found");
      res.writeHead(200, {
        "Content-Type": MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") return res.end();
      fs.createReadStream(file)
        .on("error", () => res.destroy())
        .pipe(res);
    } catch {
      if (!res.headersSent) send(res, 500, "Internal Server Error");
      else res.destroy();
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve(undefined);
    });
  });
  const actual = /** @type {import("node:net").AddressInfo} */ (server.address()).port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Inputs of the task pane build: when any is newer than the output, the output is stale. */
export const BUILD_INPUTS = [
  "src",
  "assets",
  "manifest.xml",
  "webpack.config.js",
  "tsconfig.json",
  "tsconfig.taskpane.json",
  "package-lock.json",
  "scripts/manifest-url.mjs",
];

async function newestMtime(p) {
  let stat;
  try {
    stat = await fsp.stat(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  const entries = await fsp.readdir(p);
  const times = await Promise.all(entries.map((e) => newestMtime(path.join(p, e))));
  return Math.max(stat.mtimeMs, ...times);
}

/**
 * True when `output` (a file, e.g. dist/taskpane.html) exists and is newer than every input.
 * @param {{ output: string, inputs?: string[], cwd?: string }} o
 */
export async function isFresh({ output, inputs = BUILD_INPUTS, cwd = projectRoot }) {
  let built;
  try {
    built = (await fsp.stat(path.resolve(cwd, output))).mtimeMs;
  } catch {
    return false;
  }
  const newest = Math.max(0, ...(await Promise.all(inputs.map((i) => newestMtime(path.resolve(cwd, i))))));
  return built > newest;
}

/**
 * Runs webpack (the project's webpack.config.js) and resolves when it succeeded.
 * @param {{ mode?: "production" | "development", args?: string[], env?: Record<string, string>, quiet?: boolean }} [o]
 */
export function buildBundle({ mode = "production", args = [], env = {}, quiet = false } = {}) {
  const cli = path.join(projectRoot, "node_modules", "webpack-cli", "bin", "cli.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--mode", mode, ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(undefined)
        : reject(new Error(`webpack --mode ${mode} failed (exit ${code})\n${output.slice(-4000)}`)),
    );
  });
}

async function cli(argv) {
  const noBuild = argv.includes("--no-build");
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  const dist = path.join(projectRoot, "dist");
  if (noBuild) {
    if (!fs.existsSync(path.join(dist, "taskpane.html")))
      throw new Error("dist/taskpane.html is missing: run without --no-build");
    if (!(await isFresh({ output: "dist/taskpane.html" })))
      console.warn("[preview] dist/ is older than the sources; serving it anyway (--no-build).");
  } else {
    await buildBundle({ mode: "production" });
  }
  const server = await startServer({ root: dist, port });
  console.log(`\n  整改台账校验 preview: http://localhost:${server.port}/taskpane.html\n`);
  console.log("  Serving dist/ on 127.0.0.1 only. Ctrl+C stops.");
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  cli(process.argv.slice(2)).catch((e) => {
    console.error(`[preview] ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
