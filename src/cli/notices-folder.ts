import { mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { noticeDocxFiles, noticeSet, noticeSheet, type WorkbookCheck } from "../app/check-workbook.js";
import type { Config } from "../core/config.js";
import { LedgerError } from "../core/errors.js";
import { fill, type Lang } from "../core/i18n.js";
import { sheetDocumentToXlsx } from "../hosts/xlsx/blank-package.js";
import { prepareOutput, writeOutput, type FileIdentity } from "./output-file.js";
import { CLI_WORDS } from "./words.js";

/**
 * `--notices DIR`: the 督办清单 as files a clerk sends out — one Word notice per department
 * (`01_督办通知_财务科.docx`, numbered in the list's order: the unit with the most overdue
 * first) and one workbook with all of them. Each file goes through the same safe write as the
 * marked copy; names are made safe for every file system the clerk's folder may sit on.
 * Returns how many department notices were written (0: nobody has anything to act on).
 */
export async function writeNoticesFolder(
  folder: string,
  check: WorkbookCheck,
  config: Pick<Config, "dueSoonDays" | "notices">,
  lang: Lang,
  input: FileIdentity,
): Promise<number> {
  try {
    await mkdir(folder, { recursive: true });
    if (!(await stat(folder)).isDirectory()) throw new LedgerError("out-not-a-file", { path: folder });
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw new LedgerError("out-not-a-file", { path: folder });
  }
  const set = noticeSet(check, config);
  if (set.notices.length === 0) return 0;
  const files = await noticeDocxFiles(set);
  const sheet = noticeSheet(set);
  const words = CLI_WORDS[lang];
  const used = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const stem = uniqueName(
      fill(words.noticeFile, { n: String(i + 1).padStart(2, "0"), department: safeFileName(files[i]!.department) }),
      used,
    );
    const path = join(folder, `${stem}.docx`);
    await writeOutput(await prepareOutput(path, path, input), files[i]!.bytes, input);
  }
  const all = join(folder, `${words.noticesWorkbook}.xlsx`);
  await writeOutput(await prepareOutput(all, all, input), sheetDocumentToXlsx(sheet), input);
  return files.length;
}

/** Characters Windows, macOS or a USB stick's FAT refuse in a name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

export function safeFileName(name: string): string {
  const safe = name.replace(UNSAFE, "_").replace(/^[\s.]+|[\s.]+$/g, "");
  return Array.from(safe).slice(0, 60).join("") || "_";
}

function uniqueName(stem: string, used: Set<string>): string {
  let name = stem;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${stem} (${k})`;
  used.add(name.toLowerCase());
  return name;
}
