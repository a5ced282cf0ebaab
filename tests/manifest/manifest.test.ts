import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { validateManifestFile, validateManifestXml } from "../../scripts/validate-manifest.mjs";
import { checkBaseUrl, rewriteManifestUrls } from "../../scripts/manifest-url.mjs";
import { plan } from "../../scripts/start.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const manifestPath = path.join(root, "manifest.xml");
const manifest = fs.readFileSync(manifestPath, "utf8");
const NS = "{http://schemas.microsoft.com/office/appforoffice/1.1}";

/** Width and height from a PNG's IHDR chunk (bytes 16..23), after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(b.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The file in assets/ behind a dev URL. */
function assetFile(url: string): string {
  const prefix = "https://localhost:3000/assets/";
  expect(url.startsWith(prefix)).toBe(true);
  return path.join(root, "assets", url.slice(prefix.length));
}

describe("manifest.xml against the shipped XSDs", () => {
  it("validates", () => {
    expect(validateManifestFile(manifestPath)).toEqual([]);
  });

  it("fails without <Id>, naming the line and the missing element", () => {
    const xml = manifest.replace(/\s*<Id>[^<]*<\/Id>/, "");
    const versionLine = xml.split("\n").findIndex((l) => l.includes("<Version>")) + 1;
    expect(validateManifestXml(xml, "no-id.xml")).toEqual([
      `no-id.xml:${versionLine}: Element '${NS}Version': This element is not expected. Expected is ( ${NS}Id ).`,
    ]);
  });

  it("fails on malformed XML (mismatched tags)", () => {
    const problems = validateManifestXml(manifest.replace("<Hosts>", "<Hostz>"), "broken.xml");
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^broken\.xml:\d+: Opening and ending tag mismatch: Hostz line \d+ and Hosts$/);
  });

  it("fails on a well-formed manifest with an element the schema does not allow", () => {
    const xml = manifest.replace('<Label resid="LC.Group.Label"/>', '<Caption resid="LC.Group.Label"/>');
    const problems = validateManifestXml(xml, "caption.xml");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("Caption': This element is not expected");
  });

  it("fails on a permission value outside the enumeration", () => {
    const xml = manifest.replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>Everything</Permissions>",
    );
    expect(validateManifestXml(xml, "perm.xml").join("\n")).toContain("Everything");
  });
});

describe("manifest content", () => {
  const images = new Map(
    [...manifest.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]),
  );

  it("names only icons that exist in assets/ at the size it declares", () => {
    const uses = [...manifest.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)];
    expect(uses.length).toBe(8); // group and button, 16/32/64/80 each
    for (const [, size, resid] of uses) {
      const url = images.get(resid!);
      expect(url, resid).toBeDefined();
      expect(pngSize(assetFile(url!))).toEqual({ width: Number(size), height: Number(size) });
    }
    const icon = manifest.match(/<IconUrl DefaultValue="([^"]+)"/)![1]!;
    const highRes = manifest.match(/<HighResolutionIconUrl DefaultValue="([^"]+)"/)![1]!;
    expect(pngSize(assetFile(icon))).toEqual({ width: 32, height: 32 });
    // Task pane add-ins: the high-resolution icon must be 64 x 64.
    expect(pngSize(assetFile(highRes))).toEqual({ width: 64, height: 64 });
    // The store listing icon ships beside them.
    expect(pngSize(path.join(root, "assets/icon-128.png"))).toEqual({ width: 128, height: 128 });
  });

  it("defines every resid it uses, each at most 32 characters", () => {
    const defined = new Set([...manifest.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    const used = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    for (const id of defined) expect(id!.length).toBeLessThanOrEqual(32);
  });

  it("carries the zh-CN names and an override for every ribbon string", () => {
    expect(manifest).toMatch(
      /<DisplayName DefaultValue="Ledger Check">\s*<Override Locale="zh-CN" Value="整改台账校验"\/>/,
    );
    expect(manifest).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="zh-CN" Value="[^"]+"\/>/);
    expect(manifest).toMatch(
      /<bt:String id="LC.Group.Label" DefaultValue="Ledger Check">\s*<bt:Override Locale="zh-CN" Value="整改台账"\/>/,
    );
    const strings = [...manifest.matchAll(/<bt:String id="([^"]+)"[^>]*>([\s\S]*?)<\/bt:String>/g)];
    expect(strings.map((m) => m[1])).toEqual([
      "LC.GetStarted.Title",
      "LC.Group.Label",
      "LC.TaskpaneButton.Label",
      "LC.GetStarted.Description",
      "LC.TaskpaneButton.Tooltip",
    ]);
    for (const [, id, body] of strings) expect(body, id).toMatch(/<bt:Override Locale="zh-CN" Value="[^"]+"\/>/);
  });

  it("opens the task pane from a button on the Home tab and requires ExcelApi 1.13", () => {
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>/);
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.13"/>');
    expect(manifest).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
  });
});

describe("production manifest", () => {
  const saved = process.env.ADDIN_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_BASE_URL;
    else process.env.ADDIN_BASE_URL = saved;
  });

  it("rewrites every dev URL and the app domain, and still validates", () => {
    const prod = rewriteManifestUrls(manifest, "https://example.org/ledger-check/");
    expect(prod).not.toContain("https://localhost:3000");
    expect(prod).toContain('<SourceLocation DefaultValue="https://example.org/ledger-check/taskpane.html"/>');
    expect(prod).toContain('DefaultValue="https://example.org/ledger-check/commands.html"');
    expect(prod).toContain("<AppDomain>https://example.org</AppDomain>");
    expect(validateManifestXml(prod, "prod.xml")).toEqual([]);
  });

  it("refuses a base URL that is not https or lacks the trailing slash", () => {
    expect(() => checkBaseUrl("http://example.org/")).toThrow(/https/);
    expect(() => checkBaseUrl("https://example.org/app")).toThrow(/end with "\/"/);
    expect(() => checkBaseUrl("example.org/")).toThrow(/not a URL/);
    expect(checkBaseUrl("https://example.org/app/")).toBe("https://example.org/app/");
  });

  it("is what webpack's production copy of manifest.xml produces", async () => {
    process.env.ADDIN_BASE_URL = "https://addins.example.org/lc/";
    // By URL: the config is plain JavaScript that the type checker does not see.
    const { default: makeConfig } = await import(pathToFileURL(path.join(root, "webpack.config.js")).href);
    const config = await makeConfig({}, { mode: "production" });
    const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === "CopyPlugin");
    const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest*.xml");
    const out = String(pattern.transform(Buffer.from(manifest, "utf8")));
    expect(out).toContain('<SourceLocation DefaultValue="https://addins.example.org/lc/taskpane.html"/>');
    expect(out).not.toContain("https://localhost:3000");
    expect(validateManifestXml(out, "dist/manifest.xml")).toEqual([]);
  });
});

describe("npm start without office-addin-debugging", () => {
  it("on Linux points to the dev server and Upload My Add-in", () => {
    const what = plan({ command: "start", manifest: "manifest.xml", platform: "linux", debugging: null });
    expect("message" in what && what.message).toContain("npm run dev-server");
    expect("message" in what && what.message).toContain("Upload My Add-in");
  });

  it("on macOS names the wef sideload folder", () => {
    const what = plan({ command: "start", manifest: "manifest.xml", platform: "darwin", debugging: null });
    expect("message" in what && what.message).toContain("~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/");
  });

  it("hands over to office-addin-debugging when it is installed", () => {
    const what = plan({
      command: "start",
      manifest: "manifest.xml",
      platform: "linux",
      debugging: "/x/office-addin-debugging",
      extra: ["web"],
    });
    expect(what).toEqual({ run: ["/x/office-addin-debugging", ["start", "manifest.xml", "web"]] });
  });
});
