import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, link, mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { must, mustCheck, mustRefuse, sha256, type CaseContext, type HostileCase } from "../harness.js";
import { cutWritesAt, ledger } from "../make.js";

/**
 * Issue 15 item 1: the input ledger is never lost or changed, whatever `--out` names, and a run
 * that dies while writing leaves the previous copy whole.
 */

const TODAY = ["--today", "2025-07-01"];

/** Refused as "the output is the input", with the input's bytes unchanged. */
async function refusesOutIsInput(
  t: CaseContext,
  input: string,
  out: string,
  as: { cwd?: string; arg?: string } = {},
): Promise<void> {
  const before = await sha256(input);
  const r = await t.cli([as.arg ?? input, ...TODAY, "--out", out], { cwd: as.cwd });
  must((await sha256(input)) === before, "the input ledger's bytes changed");
  mustRefuse(r, { mentions: ["输出文件不能与输入文件相同"] });
}

/** Files in a folder other than the ones named: a temp file left behind. */
/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

async function strays(dir: string, expected: string[]): Promise<string[]> {
  return (await readdir(dir)).filter((f) => !expected.includes(f));
}

const cases: HostileCase[] = [
  {
    id: "1.out-same-path",
    title: "--out naming the input itself is refused; the input is unchanged",
    async run(t) {
      const input = await ledger(t.dir);
      await refusesOutIsInput(t, input, input);
    },
  },
  {
    id: "1.out-same-file-other-spelling",
    title: "--out spelling the input's path another way (./sub/../台账.xlsx) is refused",
    async run(t) {
      const input = await ledger(t.dir);
      await mkdir(join(t.dir, "sub"));
      await refusesOutIsInput(t, input, "./sub/../台账.xlsx", { cwd: t.dir, arg: "台账.xlsx" });
    },
  },
  {
    id: "1.out-symlink",
    title: "--out that is a symbolic link to the input is refused; the input is unchanged",
    async run(t) {
      const input = await ledger(t.dir);
      const out = join(t.dir, "副本.xlsx");
      await symlink(input, out);
      await refusesOutIsInput(t, input, out);
    },
  },
  {
    id: "1.out-hard-link",
    title: "--out that is a hard link to the input (ln -f in out) is refused; the input is unchanged",
    async run(t) {
      const input = await ledger(t.dir);
      const out = join(t.dir, "副本.xlsx");
      await link(input, out);
      await refusesOutIsInput(t, input, out);
    },
  },
  {
    id: "1.out-through-linked-folder",
    title: "--out reaching the input through a symlinked folder is refused",
    async run(t) {
      const input = await ledger(t.dir);
      const alias = join(t.dir, "别名");
      await symlink(t.dir, alias);
      await refusesOutIsInput(t, input, join(alias, "台账.xlsx"));
    },
  },
  {
    id: "1.out-is-input-behind-symlink",
    title: "--out naming the input when the input itself is reached through a symlink is refused",
    async run(t) {
      const real = await ledger(t.dir, "真实.xlsx");
      const input = join(t.dir, "台账.xlsx");
      await symlink(real, input);
      await refusesOutIsInput(t, input, real);
    },
  },
  {
    id: "1.out-replaced-whole",
    title: "--out over an earlier copy replaces it with a whole workbook and leaves no temp file",
    async run(t) {
      const input = await ledger(t.dir);
      const out = join(t.dir, "副本.xlsx");
      mustCheck(await t.cli([input, "--today", "2025-06-01", "--out", out]));
      const older = await sha256(out);
      const r = await t.cli([input, ...TODAY, "--out", out]);
      mustCheck(r);
      must((await sha256(out)) !== older, "the earlier copy was not replaced");
      mustCheck(await t.cli([out, ...TODAY]));
      const left = await strays(t.dir, ["台账.xlsx", "副本.xlsx"]);
      must(left.length === 0, `left beside the copy: ${left.join(", ")}`);
    },
  },
  {
    id: "1.killed-mid-write",
    title: "a run killed while writing the copy leaves the previous copy whole (temp file, then rename)",
    async run(t) {
      const input = await ledger(t.dir);
      const out = join(t.dir, "副本.xlsx");
      mustCheck(await t.cli([input, ...TODAY, "--out", out]));
      const previous = await sha256(out);
      const inputBefore = await sha256(input);
      // The copy is well over 4 KiB: the kernel stops the process part-way through writing it.
      const r = await t.cli([input, "--today", "2026-01-05", "--out", out], { via: cutWritesAt(4) });
      must(r.code !== 0 && r.code !== 1, `the cut run reports success (exit ${r.code})`);
      must((await sha256(out)) === previous, "the previous copy was changed by a run that died mid-write");
      must((await sha256(input)) === inputBefore, "the input ledger's bytes changed");
      mustCheck(await t.cli([out, ...TODAY]));
    },
  },
  {
    id: "1.killed-mid-write-leftover-removed",
    title:
      "the temporary file a run killed mid-write leaves (kill -9: no exit handler runs) is gone after the next run",
    async run(t) {
      const input = await ledger(t.dir);
      const out = join(t.dir, "副本.xlsx");
      // What kill -9 mid-write leaves: `.ledger-check-<host>-<pid>-<random>.tmp` (output-file.ts),
      // its run gone. A run still going (this harness), another machine's run sharing the folder,
      // and a clerk's file of a like name are left alone.
      const host = createHash("sha256").update(hostname()).digest("hex").slice(0, 8);
      const dead = await deadPid();
      const names = {
        leftover: `.ledger-check-${host}-${dead}-0123456789ab.tmp`,
        running: `.ledger-check-${host}-${process.pid}-0123456789ab.tmp`,
        elsewhere: `.ledger-check-${host === "00000000" ? "11111111" : "00000000"}-${dead}-0123456789ab.tmp`,
        clerks: ".ledger-check-notes.tmp",
      };
      for (const name of Object.values(names)) await writeFile(join(t.dir, name), "x");
      mustCheck(await t.cli([input, ...TODAY, "--out", out]));
      const left = await readdir(t.dir);
      must(!left.includes(names.leftover), "the dead run's temporary file is still there");
      for (const kept of [names.running, names.elsewhere, names.clerks])
        must(left.includes(kept), `${kept} was removed`);
    },
  },
  {
    id: "1.concurrent-out",
    title: "two runs writing the same --out at once leave one whole copy",
    async run(t) {
      const input = await ledger(t.dir);
      const out = join(t.dir, "副本.xlsx");
      const [a, b] = await Promise.all([
        t.cli([input, ...TODAY, "--out", out]),
        t.cli([input, "--today", "2026-01-05", "--out", out]),
      ]);
      mustCheck(a);
      mustCheck(b);
      mustCheck(await t.cli([out, ...TODAY]));
      const left = await strays(t.dir, ["台账.xlsx", "副本.xlsx"]);
      must(left.length === 0, `left beside the copy: ${left.join(", ")}`);
    },
  },
  // The hostile sweep of 2026-12-03: files of the clerk's an output named, and outputs that met.
  {
    id: "1.out-not-ours",
    title: "--out or --docx naming a file ledger-check did not write (the clerk's other ledger, a report) is refused",
    async run(t) {
      const input = await ledger(t.dir);
      const other = await ledger(t.dir, "六月台账.xlsx");
      const report = join(t.dir, "报告.docx");
      await writeFile(report, "my report");
      const before = [await sha256(other), await sha256(report)];
      mustRefuse(await t.cli([input, ...TODAY, "--out", other]), { mentions: ["不是本工具写出的副本"] });
      mustRefuse(await t.cli([input, ...TODAY, "--docx", report]), { mentions: ["不是本工具写出的通报"] });
      must(
        (await sha256(other)) === before[0] && (await sha256(report)) === before[1],
        "a file of the clerk's changed",
      );
      // Its own bulletin of an earlier run is replaced.
      const bulletin = join(t.dir, "通报.docx");
      mustCheck(await t.cli([input, "--today", "2025-06-01", "--docx", bulletin]));
      const older = await sha256(bulletin);
      mustCheck(await t.cli([input, ...TODAY, "--docx", bulletin]));
      must((await sha256(bulletin)) !== older, "our earlier bulletin was not replaced");
    },
  },
  {
    id: "1.out-read-only-by-mode",
    title: "a read-only (444) --out file is refused even where the run may write anything (root)",
    async run(t) {
      const input = await ledger(t.dir);
      const out = join(t.dir, "副本.xlsx");
      mustCheck(await t.cli([input, ...TODAY, "--out", out]));
      await chmod(out, 0o444);
      const before = await sha256(out);
      mustRefuse(await t.cli([input, ...TODAY, "--out", out]), { mentions: ["只读"] });
      must((await sha256(out)) === before, "the read-only copy was replaced");
    },
  },
  {
    id: "1.input-named-like-a-leftover",
    title: "an input named like a dead run's temporary file is not deleted as one",
    async run(t) {
      const host = createHash("sha256").update(hostname()).digest("hex").slice(0, 8);
      const input = await ledger(t.dir, `.ledger-check-${host}-${await deadPid()}-aaaaaaaaaaaa.tmp`);
      const before = await sha256(input);
      mustCheck(await t.cli([input, ...TODAY, "--out", join(t.dir, "副本.xlsx")]));
      must((await sha256(input).catch(() => "gone")) === before, "the input ledger was deleted or changed");
    },
  },
  {
    id: "1.outputs-meet-through-link",
    title: "--out into the notices folder through a symlinked folder is refused before anything is written",
    async run(t) {
      const input = await ledger(t.dir);
      const notices = join(t.dir, "督办");
      mustCheck(await t.cli([input, ...TODAY, "--notices", notices]));
      const list = join(notices, "督办清单.xlsx");
      const before = await sha256(list);
      await symlink(notices, join(t.dir, "链接"));
      const r = await t.cli([input, ...TODAY, "--notices", notices, "--out", join(t.dir, "链接", "督办清单.xlsx")]);
      mustRefuse(r, { mentions: ["被指定了两次"] });
      must((await sha256(list)) === before, "the notices' workbook was replaced by the copy");
      mustCheck(await t.cli([input, ...TODAY, "--notices", notices]));
    },
  },
  {
    id: "1.output-folder-judged-first",
    title: "a --docx whose folder cannot be made is refused before --out is written",
    async run(t) {
      const input = await ledger(t.dir);
      const out = join(t.dir, "新文件夹", "副本.xlsx");
      mustRefuse(await t.cli([input, ...TODAY, "--out", out, "--docx", "/proc/ledger-check-nope/通报.docx"]));
      must((await strays(t.dir, ["台账.xlsx"])).length === 0, `written before the refusal: ${await readdir(t.dir)}`);
    },
  },
  {
    id: "1.notices-manifest-not-ours",
    title: "a file of the clerk's under the notices list's name (or the input itself) is never replaced",
    async run(t) {
      const folder = join(t.dir, "督办");
      await mkdir(folder);
      const input = await ledger(folder, ".ledger-check-notices.json");
      const before = await sha256(input);
      mustRefuse(await t.cli([input, ...TODAY, "--notices", folder]), { mentions: [".ledger-check-notices.json"] });
      must((await sha256(input)) === before, "the input ledger was replaced by our list");
      const other = join(t.dir, "其他");
      await mkdir(other);
      await writeFile(join(other, ".ledger-check-notices.json"), '{"clerk":"my notes"}');
      mustRefuse(await t.cli([await ledger(t.dir), ...TODAY, "--notices", other]));
      must((await readFile(join(other, ".ledger-check-notices.json"), "utf8")).includes("my notes"), "replaced");
    },
  },
  {
    id: "1.notices-read-only",
    title: "a notice the clerk made read-only is neither replaced nor taken away",
    async run(t) {
      const input = await ledger(t.dir);
      const folder = join(t.dir, "督办");
      mustCheck(await t.cli([input, ...TODAY, "--notices", folder]));
      const names = (await readdir(folder)).filter((n) => n.endsWith(".docx"));
      for (const n of names) await chmod(join(folder, n), 0o444);
      const before = await Promise.all(names.map((n) => sha256(join(folder, n))));
      mustRefuse(await t.cli([input, "--today", "2025-07-02", "--notices", folder]), { mentions: ["只读"] });
      const after = await Promise.all(names.map((n) => sha256(join(folder, n))));
      must(
        after.every((h, i) => h === before[i]),
        "a read-only notice was replaced",
      );
    },
  },
  {
    id: "1.option-as-value",
    title: "an output option followed by another option (--notices --json) is refused, no folder `--json` made",
    async run(t) {
      const input = await ledger(t.dir);
      mustRefuse(await t.cli([input, ...TODAY, "--notices", "--json"], { cwd: t.dir }), { mentions: ["--notices"] });
      must((await strays(t.dir, ["台账.xlsx"])).length === 0, "a folder was made");
    },
  },
];

export default cases;
