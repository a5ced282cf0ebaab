import { chmod, mkdir, readdir, stat, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { must, mustRefuse, sha256, type CaseContext, type HostileCase, type RefusalExpectation } from "../harness.js";
import { ledger, unprivileged, withFullDisk } from "../make.js";

/**
 * Issue 15 item 6: every refusal is one line, bilingual, Chinese first (English first under
 * `--lang en`), exit 2, no raw Node or commander text, and the input is never changed.
 */

const TODAY = ["--today", "2025-07-01"];

/** A case that runs `args` (with `{in}` replaced by a good ledger's path) and expects a refusal. */
function refusal(id: string, title: string, args: string[], expect: RefusalExpectation = {}): HostileCase {
  return {
    id,
    title,
    async run(t) {
      const input = await ledger(t.dir);
      const before = await sha256(input);
      const r = await t.cli(args.map((a) => (a === "{in}" ? input : a)));
      mustRefuse(r, expect);
      must((await sha256(input)) === before, "the input ledger's bytes changed");
    },
  };
}

/** The output folder after a refused write holds exactly `expected` (no temp file left). */
async function onlyFiles(dir: string, expected: string[]): Promise<void> {
  const left = (await readdir(dir)).filter((f) => !expected.includes(f));
  must(left.length === 0, `left behind: ${left.join(", ")}`);
}

async function readOnlyTarget(t: CaseContext, what: "file" | "folder"): Promise<void> {
  const input = await ledger(t.dir);
  const folder = join(t.dir, "只读");
  await mkdir(folder);
  const out = join(folder, "副本.xlsx");
  if (what === "file") {
    await writeFile(out, "a copy the clerk protected");
    await chmod(out, 0o444);
    await chmod(folder, 0o777);
  } else {
    await chmod(folder, 0o555);
  }
  const before = what === "file" ? await sha256(out) : "";
  const r = await t.cli([input, ...TODAY, "--out", out], { via: unprivileged });
  mustRefuse(r, { mentions: ["副本.xlsx"] });
  if (what === "file") {
    must((await sha256(out)) === before, "the read-only file was replaced");
    await onlyFiles(folder, ["副本.xlsx"]);
  } else {
    await onlyFiles(folder, []);
  }
}

const cases: HostileCase[] = [
  refusal(
    "6.due-soon-days-400",
    "--due-soon-days 400 (over a year) is refused naming the range",
    ["{in}", "--due-soon-days", "400"],
    { mentions: ["--due-soon-days", "365"] },
  ),
  refusal(
    "6.due-soon-days-abc",
    "--due-soon-days abc is refused in both languages",
    ["{in}", "--due-soon-days", "abc"],
    {
      mentions: ["--due-soon-days", "abc"],
    },
  ),
  refusal("6.due-soon-days-negative", "--due-soon-days -1 is refused", ["{in}", "--due-soon-days", "-1"], {
    mentions: ["--due-soon-days"],
  }),
  refusal("6.header-row-0", "--header-row 0 is refused (no zod dump)", ["{in}", "--header-row", "0"], {
    mentions: ["--header-row"],
  }),
  refusal("6.header-row-word", "--header-row abc is refused", ["{in}", "--header-row", "abc"], {
    mentions: ["--header-row", "abc"],
  }),
  refusal("6.unknown-option", "an unknown option is refused in both languages", ["{in}", "--frobnicate"], {
    mentions: ["--frobnicate"],
  }),
  refusal("6.lang-fr", "--lang fr is refused naming zh and en", ["{in}", "--lang", "fr"], {
    mentions: ["fr", "zh", "en"],
  }),
  refusal("6.missing-file", "a file that does not exist is named in the refusal", ["没有这个文件.xlsx"], {
    mentions: ["没有这个文件.xlsx"],
  }),
  refusal("6.no-file", "no file at all is refused with how to call it", []),
  refusal("6.two-files", "two files are refused (one ledger at a time)", ["{in}", "{in}"]),
  refusal("6.today-without-value", "--today without a value is refused", ["{in}", "--today"], {
    mentions: ["--today"],
  }),
  refusal("6.today-feb-30", "--today 2025-02-30 (no such day) is refused", ["{in}", "--today", "2025-02-30"], {
    mentions: ["2025-02-30", "YYYY-MM-DD"],
  }),
  refusal("6.out-empty", "--out with an empty name is refused, not ignored", ["{in}", ...TODAY, "--out", ""], {
    mentions: ["--out"],
  }),
  refusal(
    "6.lang-en-english-first",
    "--lang en puts English first, Chinese after",
    ["没有这个文件.xlsx", "--lang", "en"],
    {
      englishFirst: true,
      mentions: ["没有这个文件.xlsx"],
    },
  ),
  refusal(
    "6.lang-en-bad-option",
    "--lang en puts English first in an option's refusal too",
    ["{in}", "--lang", "en", "--due-soon-days", "400"],
    { englishFirst: true },
  ),
  {
    id: "6.directory",
    title: "a folder given as the ledger is refused (no EISDIR)",
    async run(t) {
      const folder = join(t.dir, "台账.xlsx");
      await mkdir(folder);
      mustRefuse(await t.cli([folder]), { mentions: ["文件夹"] });
    },
  },
  {
    id: "6.unreadable-input",
    title: "an input the clerk may not read is refused (no EACCES)",
    async run(t) {
      const input = await ledger(t.dir);
      await chmod(input, 0o000);
      mustRefuse(await t.cli([input, ...TODAY], { via: unprivileged }), { mentions: ["台账.xlsx"] });
    },
  },
  {
    id: "6.too-large",
    title: "a 3 GB file is refused naming the size limit (no ERR_FS_FILE_TOO_LARGE, no wait)",
    async run(t) {
      const input = join(t.dir, "巨大.xlsx");
      await writeFile(input, "PK\x03\x04");
      await truncate(input, 3 * 1024 ** 3); // sparse: takes no disk
      const line = mustRefuse(await t.cli([input]), { mentions: ["MB"] });
      must(/拆|分/.test(line), `does not say how to split the ledger: ${line}`);
    },
  },
  {
    id: "6.out-is-directory",
    title: "--out naming a folder is refused; the folder is untouched",
    async run(t) {
      const input = await ledger(t.dir);
      const folder = join(t.dir, "输出");
      await mkdir(folder);
      mustRefuse(await t.cli([input, ...TODAY, "--out", folder]), { mentions: ["输出"] });
      must((await stat(folder)).isDirectory(), "the folder was replaced");
      await onlyFiles(folder, []);
    },
  },
  {
    id: "6.out-dev-full",
    title: "--out /dev/full is refused (no ENOSPC), and the device is left a device",
    async run(t) {
      const input = await ledger(t.dir);
      mustRefuse(await t.cli([input, ...TODAY, "--out", "/dev/full"]), { mentions: ["/dev/full"] });
      must((await stat("/dev/full")).isCharacterDevice(), "/dev/full is no longer a device");
    },
  },
  {
    id: "6.out-disk-full",
    title: "a full disk under --out is refused (no ENOSPC) and leaves no partial file",
    async run(t) {
      const input = await ledger(t.dir);
      const mount = join(t.dir, "满盘");
      await mkdir(mount);
      const r = await t.cli([input, ...TODAY, "--out", join(mount, "副本.xlsx")], { via: withFullDisk(mount) });
      const line = mustRefuse(r, { mentions: ["副本.xlsx"] });
      must(/空间/.test(line), `does not say the disk is full: ${line}`);
    },
  },
  {
    id: "6.out-read-only-file",
    title: "--out over a read-only file is refused (no EACCES) and the file is kept",
    run: (t) => readOnlyTarget(t, "file"),
  },
  {
    id: "6.out-read-only-folder",
    title: "--out into a read-only folder is refused (no EACCES)",
    run: (t) => readOnlyTarget(t, "folder"),
  },
  {
    id: "6.out-under-a-file",
    title: "--out under a path that is a file (台账.xlsx/副本.xlsx) is refused (no ENOTDIR)",
    async run(t) {
      const input = await ledger(t.dir);
      mustRefuse(await t.cli([input, ...TODAY, "--out", join(input, "副本.xlsx")]), { mentions: ["副本.xlsx"] });
    },
  },
];

export default cases;
