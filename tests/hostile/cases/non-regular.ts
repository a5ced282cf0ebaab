import { execFile } from "node:child_process";
import { writeFile, truncate } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { mustRefuse, type HostileCase } from "../harness.js";
import { ledger } from "../make.js";

/**
 * Issue 15 item 8, the CLI's part: what is not a regular file is refused before a byte is read
 * (`ledger-check /dev/zero` read 10 GB in a minute), and a file over the size cap is refused
 * before it is read.
 */

const cases: HostileCase[] = [
  {
    id: "8.dev-zero",
    title: "/dev/zero is refused at once as not a file (it used to read forever)",
    async run(t) {
      mustRefuse(await t.cli(["/dev/zero"], { hangGuardMs: 60_000 }), { mentions: ["/dev/zero"] });
    },
  },
  {
    id: "8.dev-null",
    title: "/dev/null is refused as not a file",
    async run(t) {
      mustRefuse(await t.cli(["/dev/null"]), { mentions: ["/dev/null"] });
    },
  },
  {
    id: "8.fifo",
    title: "a named pipe (mkfifo) with no writer is refused instead of waiting on it",
    async run(t) {
      const fifo = join(t.dir, "管道.xlsx");
      await promisify(execFile)("mkfifo", [fifo]);
      mustRefuse(await t.cli([fifo], { hangGuardMs: 60_000 }), { mentions: ["管道.xlsx"] });
    },
  },
  {
    id: "8.stdin-dev",
    title: "/dev/stdin (a pipe here) is refused as not a file",
    async run(t) {
      mustRefuse(await t.cli(["/dev/stdin"], { stdin: "PK", hangGuardMs: 60_000 }), { mentions: ["/dev/stdin"] });
    },
  },
  {
    id: "8.previous-dev-zero",
    title: "--previous /dev/zero is refused at once as not a file, like the input",
    async run(t) {
      const input = await ledger(t.dir);
      mustRefuse(await t.cli([input, "--today", "2025-07-01", "--previous", "/dev/zero"], { hangGuardMs: 60_000 }), {
        mentions: ["/dev/zero"],
      });
    },
  },
  {
    id: "8.size-cap",
    title: "a file just over the size cap is refused before reading, naming the limit and how to split",
    async run(t) {
      const input = join(t.dir, "大台账.xlsx");
      await writeFile(input, "PK\x03\x04");
      await truncate(input, 101 * 1024 * 1024); // sparse
      mustRefuse(await t.cli([input]), { mentions: ["100 MB"] });
    },
  },
];

export default cases;
