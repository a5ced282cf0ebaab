// Builds the task pane and the ribbon command page into dist/ (yo-office React/TypeScript layout).
//   npm run build        production: minified, manifest URLs rewritten to ADDIN_BASE_URL
//   npm run build:dev    development build;  npm run dev-server  https://localhost:3000/
// Env: ADDIN_BASE_URL=https://host/path/ (production manifest URLs), OFFICE_JS=local (serve office.js
// from dist/office-js/ instead of Microsoft's CDN, for networks that block the CDN).
// Tests only: `--env harness` (or LEDGER_HARNESS=1) builds the task pane over the fake Excel
// (tests/e2e/harness) into HARNESS_DIR instead; dist/ and the shipped build never contain it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import { DEV_BASE_URL, checkBaseUrl, rewriteManifestUrls } from "./scripts/manifest-url.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Type errors are `npm run typecheck`'s job; the bundle only needs the JavaScript.
const MODULE = {
  rules: [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: {
        loader: "ts-loader",
        options: { transpileOnly: true, configFile: path.resolve(root, "tsconfig.taskpane.json") },
      },
    },
  ],
};

const RESOLVE = {
  extensions: [".ts", ".tsx", ".js"],
  // Sources use NodeNext-style imports ("./x.js") that name the .ts/.tsx file.
  extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
  // csv-parse's default build reads the global Buffer when it loads (Node only): "Buffer is not
  // defined" in the browser preview. Its browser build carries its own Buffer.
  alias: { "csv-parse/sync$": "csv-parse/browser/esm/sync" },
};
export const HARNESS_DIR = path.resolve(root, "node_modules/.cache/ledger-check/harness");

async function getHttpsOptions() {
  // Only for `webpack serve`: creates and trusts the localhost dev certificate on first use.
  const { default: devCerts } = await import("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

/** The production base URL, or null (keep localhost) with a warning when ADDIN_BASE_URL is unset. */
function productionBaseUrl() {
  const base = process.env.ADDIN_BASE_URL;
  if (!base) {
    console.warn(
      `\n[ledger-check] ADDIN_BASE_URL is not set: dist/manifest.xml keeps ${DEV_BASE_URL}.\n` +
        "  Set it to where dist/ is hosted, e.g. ADDIN_BASE_URL=https://example.org/ledger-check/ npm run build\n",
    );
    return null;
  }
  return checkBaseUrl(base);
}

export default async (env, options) => {
  if (env.harness || process.env.LEDGER_HARNESS === "1") return harnessConfig(options);
  const dev = options.mode !== "production";
  const baseUrl = dev ? null : productionBaseUrl();
  const localOfficeJs = process.env.OFFICE_JS === "local";
  const officeJs = localOfficeJs ? "office-js/office.js" : OFFICE_JS_CDN;
  // Inlined as it is (plain ES5): it must run, and explain, in browsers the bundle cannot run in.
  const bootScript = readFileSync(path.resolve(root, "src/taskpane/boot.js"), "utf8");

  const copyPatterns = [
    { from: "assets/*", to: "assets/[name][ext]" },
    {
      from: "manifest*.xml",
      to: "[name][ext]",
      transform: (content) => (baseUrl ? rewriteManifestUrls(content.toString("utf8"), baseUrl) : content),
    },
  ];
  if (localOfficeJs) {
    // office.js loads its host and locale scripts (excel-win32-16.01.js, zh-cn/office_strings.js, …)
    // from beside itself, so the whole dist folder goes along.
    // Marked minimized: they are Microsoft's shipped files, and Terser on 80 MB of them takes minutes.
    copyPatterns.push({ from: "node_modules/@microsoft/office-js/dist", to: "office-js", info: { minimized: true } });
  }

  return {
    context: root,
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(root, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: RESOLVE,
    module: MODULE,
    plugins: [
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJs, bootScript },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJs },
      }),
      new HtmlWebpackPlugin({
        // The manifest's SupportUrl and GetStarted LearnMoreUrl.
        filename: "support.html",
        chunks: [],
        templateContent: SUPPORT_HTML,
      }),
    ],
    performance: {
      hints: dev ? false : "warning",
      // Fluent UI v9 + React tree-shaken; the real pane should stay well under this.
      maxEntrypointSize: 700 * 1024,
      maxAssetSize: 700 * 1024,
      assetFilter: (file) => file.endsWith(".js") && !file.startsWith("office-js/"),
    },
    devServer: {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? { type: "https", options: await getHttpsOptions() } : "https",
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};

/** The pane over the fake Excel, for tests/e2e: its own entry, page and output folder. */
function harnessConfig(options) {
  const dev = options.mode !== "production";
  return {
    context: root,
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    entry: { harness: "./tests/e2e/harness/harness.tsx" },
    output: { path: HARNESS_DIR, filename: "[name].js", clean: true },
    resolve: RESOLVE,
    module: MODULE,
    plugins: [new HtmlWebpackPlugin({ filename: "harness.html", template: "./tests/e2e/harness/harness.html" })],
    performance: { hints: false },
  };
}

const SUPPORT_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="UTF-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>整改台账校验 · Ledger Check</title>
  <style>body{font-family:"Segoe UI","Microsoft YaHei",sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#242424}</style>
</head>
<body>
  <h1>整改台账校验 <small>Ledger Check</small></h1>
  <p>在 Excel 中打开整改台账，点击“开始”选项卡上“整改台账”组中的“台账校验”，即可检查台账并生成整改通报。
  校验只在单元格上作可撤销的标注，不修改台账中的任何数据。</p>
  <p lang="en">Open a rectification ledger in Excel and choose <b>Home › Ledger Check › Check Ledger</b> to check it
  and write the progress bulletin. Checking only adds reversible marks; it never changes a value in the ledger.</p>
  <p>同样的校验也可以在命令行中运行：<code>ledger-check 台账.xlsx</code>。</p>
</body>
</html>
`;
