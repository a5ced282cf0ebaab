import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isFresh, startServer } from "../../scripts/preview.mjs";

/** The preview's static server (scripts/preview.mjs): MIME types, loopback only, no way out of its root. */

let base: string;
let root: string;
let server: { url: string; port: number; close: () => Promise<void> };

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "ledger-preview-"));
  root = join(base, "dist");
  await mkdir(join(root, "assets"), { recursive: true });
  const files: Record<string, string> = {
    "taskpane.html": "<!doctype html><p>pane</p>",
    "taskpane.1a2b3c4d.js": "console.log(1)",
    "taskpane.1a2b3c4d.js.map": "{}",
    "style.css": "p{}",
    "manifest.xml": "<x/>",
    "engine.wasm": "\0asm",
    "assets/icon-32.png": "png",
    "notes.bin": "?",
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
  await writeFile(join(base, "secret.txt"), "outside the root");
  await symlink(join(base, "secret.txt"), join(root, "link.txt"));
  server = await startServer({ root, port: 0 });
});

afterAll(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

/** A request sent byte for byte (fetch would normalise `..` away before sending). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, "127.0.0.1", () =>
      socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`),
    );
    let data = "";
    socket.on("data", (d) => (data += d));
    socket.on("error", reject);
    socket.on("end", () =>
      resolve({ status: Number(data.split(" ")[1]), body: data.slice(data.indexOf("\r\n\r\n") + 4) }),
    );
  });
}

describe("preview server", () => {
  it("listens on 127.0.0.1 on a random port when asked for port 0", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it.each([
    ["taskpane.html", "text/html; charset=utf-8"],
    ["taskpane.1a2b3c4d.js", "text/javascript; charset=utf-8"],
    ["taskpane.1a2b3c4d.js.map", "application/json; charset=utf-8"],
    ["style.css", "text/css; charset=utf-8"],
    ["manifest.xml", "application/xml; charset=utf-8"],
    ["engine.wasm", "application/wasm"],
    ["assets/icon-32.png", "image/png"],
    ["notes.bin", "application/octet-stream"],
  ])("serves %s as %s", async (path, type) => {
    const res = await fetch(server.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("redirects / to the task pane and answers 404 for folders and missing files", async () => {
    const root = await fetch(server.url, { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/taskpane.html");
    expect((await fetch(`${server.url}assets`)).status).toBe(404);
    expect((await fetch(`${server.url}nope.js`)).status).toBe(404);
  });

  it("never serves a file outside its root", async () => {
    for (const path of [
      "/../secret.txt",
      "/assets/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/..%2fsecret.txt",
      "/..%5csecret.txt",
    ]) {
      const res = await rawGet(path);
      expect(res.body, path).not.toContain("outside the root");
      expect([400, 403, 404], path).toContain(res.status);
    }
    expect((await rawGet("/link.txt")).status).toBe(403);
    expect((await rawGet("/taskpane.html%00.js")).status).toBe(403);
    expect((await rawGet("/%E0%A4%A")).status).toBe(403);
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    const head = await fetch(`${server.url}taskpane.html`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("26");
    expect(await head.text()).toBe("");
    const post = await fetch(`${server.url}taskpane.html`, { method: "POST", body: "x" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("calls a build fresh only when its output is newer than every input", async () => {
    await writeFile(join(base, "src.ts"), "x");
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(join(base, "out.html"), "y");
    expect(await isFresh({ output: "out.html", inputs: ["src.ts"], cwd: base })).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    await writeFile(join(base, "src.ts"), "x2");
    expect(await isFresh({ output: "out.html", inputs: ["src.ts"], cwd: base })).toBe(false);
    expect(await isFresh({ output: "missing.html", inputs: ["src.ts"], cwd: base })).toBe(false);
  });
});
