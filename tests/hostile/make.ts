import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, zipSync, type Zippable } from "fflate";
import { writeLedger, type LedgerSpec } from "../fixtures/ledger-builder.js";

/** Input makers for hostile cases: a good ledger, openpyxl and LibreOffice files, hand-built zips. */

const run = promisify(execFile);

/**
 * A small good ledger: one problem with two measures, one of them overdue as of 2025-07-01
 * (deadline 2025年6月底, 正在推进), so a check exits 1 and a copy has marks.
 */
export const SMALL_LEDGER: LedgerSpec = {
  sections: [
    {
      problems: [
        {
          problem: "问题一：公务用车管理不规范",
          measures: [
            {
              measures: "修订车辆管理办法",
              lead: "王强",
              department: "办公室",
              deadline: "2025年6月底",
              status: "正在推进",
            },
            {
              measures: "开展专项检查",
              lead: "王强",
              department: "办公室",
              deadline: "2025年12月底",
              status: "已完成",
              evidence: "检查报告",
            },
          ],
        },
      ],
    },
  ],
};

/** Writes a ledger built by the project's builder (exceljs); returns its path. */
export async function ledger(dir: string, name = "台账.xlsx", spec: LedgerSpec = SMALL_LEDGER): Promise<string> {
  return (await writeLedger(dir, name, spec)).path;
}

/** Debian's Python, which has openpyxl and xlsxwriter (the pyenv python3 on PATH has neither). */
export const SYSTEM_PYTHON = "/usr/bin/python3";

/**
 * Runs a Python script with `out` bound to the path to write (openpyxl and xlsxwriter importable);
 * returns the path.
 */
export async function python(dir: string, name: string, script: string): Promise<string> {
  const out = join(dir, name);
  await run(SYSTEM_PYTHON, ["-c", `out = ${JSON.stringify(out)}\n${script}`], { timeout: 120_000 });
  return out;
}

/**
 * Converts a file with LibreOffice (`soffice --headless --convert-to xlsx`), as a clerk's
 * "Save as .xlsx" would; returns the converted file's path. Each call has its own profile, so
 * runs in parallel (and other users of soffice on the machine) don't block each other.
 */
export async function libreOffice(dir: string, source: string, to = "xlsx"): Promise<string> {
  const profile = await mkdtemp(join(tmpdir(), "hostile-soffice-"));
  const outdir = await mkdtemp(join(dir, "soffice-"));
  try {
    await run(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", to, "--outdir", outdir, source],
      { timeout: 180_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const made = (await readdir(outdir)).filter((f) => f.endsWith(`.${to}`));
  if (made.length !== 1) throw new Error(`LibreOffice made ${made.length} files converting ${basename(source)}`);
  return join(outdir, made[0]!);
}

/** A zip built by hand from its parts (strings are UTF-8), written as `name`; returns the path. */
export async function zipFile(dir: string, name: string, parts: Record<string, string | Uint8Array>): Promise<string> {
  const files: Zippable = {};
  for (const [path, body] of Object.entries(parts)) files[path] = typeof body === "string" ? strToU8(body) : body;
  const path = join(dir, name);
  await writeFile(path, zipSync(files));
  return path;
}

/**
 * The parts of a minimal one-sheet .xlsx (what ECMA-376 Part 1 requires: content types, the
 * package and workbook relationships, the workbook, one worksheet), with inline-string cells so
 * no sharedStrings part is needed. Override or add parts to make an odd package.
 */
export function minimalXlsxParts(sheetData: string, extra: { sheetTail?: string } = {}): Record<string, string> {
  return {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      "</Types>",
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      "</Relationships>",
    "xl/workbook.xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      "</Relationships>",
    "xl/worksheets/sheet1.xml":
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<sheetData>${sheetData}</sheetData>${extra.sheetTail ?? ""}</worksheet>`,
  };
}

/** An inline-string row for `minimalXlsxParts`: `row(1, ["序号", "反馈问题"])`. */
export function inlineRow(r: number, texts: (string | null)[]): string {
  const cells = texts
    .map((t, i) => (t === null ? "" : `<c r="${colLetter(i + 1)}${r}" t="inlineStr"><is><t>${xmlText(t)}</t></is></c>`))
    .join("");
  return `<row r="${r}">${cells}</row>`;
}

/** The header row of the builder's default ledger, for hand-built sheets. */
export const LEDGER_HEADER = [
  "序号",
  "反馈问题",
  "整改措施",
  "责任领导",
  "责任部门",
  "整改时限",
  "整改进展",
  "佐证材料",
];

export function xmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function colLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Wraps a command to run as `nobody` when the suite runs as root (as on the project's machines
 * and CI), so file modes bind: root may write a read-only file and read a mode-000 one.
 */
export function unprivileged(cmd: string[]): string[] {
  return process.getuid?.() === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", ...cmd] : cmd;
}

/**
 * Wraps a command to run with a tiny tmpfs (one 4 KiB page) mounted on `mountPoint`, in a mount
 * namespace of its own (`unshare --map-root-user --mount`, util-linux), so writes there fail
 * with ENOSPC as on a full disk, and nothing of it outlives the run.
 */
export function withFullDisk(mountPoint: string): (cmd: string[]) => string[] {
  return (cmd) => [
    "unshare",
    "--map-root-user",
    "--mount",
    "sh",
    "-c",
    'mount -t tmpfs -o size=4k tmpfs "$0" && exec "$@"',
    mountPoint,
    ...cmd,
  ];
}

/**
 * Wraps a command so any file it writes is cut at `kib` KiB (bash's `ulimit -f`, RLIMIT_FSIZE):
 * the kernel stops the process with SIGXFSZ mid-write, as a killed or crashed run would be.
 */
export function cutWritesAt(kib: number): (cmd: string[]) => string[] {
  return (cmd) => ["bash", "-c", `ulimit -f ${kib}; exec "$@"`, "bash", ...cmd];
}

/**
 * Runs a Python script (openpyxl, xlsxwriter importable) that sets `result`; returns it, read
 * back as JSON. For looking into a copy as another program sees it.
 */
export async function pythonJson<T>(script: string): Promise<T> {
  const { stdout } = await run(SYSTEM_PYTHON, ["-c", `import json\n${script}\nprint(json.dumps(result))`], {
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as T;
}

/** The parts of a zip (names to bytes). */
export async function unzipFile(path: string): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(await readFile(path)));
}

/** Copies a zip, letting `edit` change its parts (text parts decoded as UTF-8); returns the new path. */
export async function editZip(
  source: string,
  dest: string,
  edit: (text: (name: string) => string, put: (name: string, body: string | Uint8Array) => void) => void,
): Promise<string> {
  const parts = await unzipFile(source);
  edit(
    (name) => {
      const p = parts[name];
      if (!p) throw new Error(`no part ${name} in ${basename(source)}`);
      return strFromU8(p);
    },
    (name, body) => void (parts[name] = typeof body === "string" ? strToU8(body) : body),
  );
  await writeFile(dest, zipSync(parts));
  return dest;
}

/**
 * A zip whose part `large.name` is `head`, then `fill` repeated `repeat` times, then `tail`,
 * deflated as a stream (fflate's Zip/ZipDeflate), so a package inflating to gigabytes is made
 * in small memory: a zip bomb made of legal XML whitespace.
 */
export async function zipWithLargePart(
  dir: string,
  name: string,
  parts: Record<string, string>,
  large: { name: string; head: string; fill: string; repeat: number; tail: string },
): Promise<string> {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [part, body] of Object.entries(parts)) {
    if (part === large.name) continue;
    const file = new ZipDeflate(part, { level: 6 });
    zip.add(file);
    file.push(strToU8(body), true);
  }
  const file = new ZipDeflate(large.name, { level: 1 });
  zip.add(file);
  file.push(strToU8(large.head));
  const fill = strToU8(large.fill);
  for (let i = 0; i < large.repeat; i++) file.push(fill);
  file.push(strToU8(large.tail), true);
  zip.end();
  const path = join(dir, name);
  await writeFile(path, Buffer.concat(chunks));
  return path;
}
