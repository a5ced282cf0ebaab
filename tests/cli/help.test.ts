import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./run.js";

/**
 * `--help` and `--version`, what an administrator deploying the tool types first. The README's
 * table of options and the help must name the same options: one of them drifting is caught here.
 */

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const PACKAGE = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

/** The long options a text names: `--sheet`, `--no-color`… */
const longOptions = (text: string): Set<string> => new Set(text.match(/--[a-z][a-z-]*/g) ?? []);

describe("ledger-check --help", () => {
  it("prints the usage and exits 0, with nothing on stderr", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^Usage: ledger-check \[options\] \[file\]/);
  });

  it("names every option of the README's table, and the table every option of the help", async () => {
    const help = longOptions((await runCli(["--help"])).stdout);
    const table = README.slice(README.indexOf("| option | meaning |"), README.indexOf("Exit codes:"));
    const documented = longOptions(
      table
        .split("\n")
        .map((l) => l.split("|")[1] ?? "")
        .join("\n"),
    );
    expect([...documented].sort()).toEqual([...help].sort());
  });
});

describe("ledger-check --version", () => {
  it("prints the package's version and exits 0, a file named or not", async () => {
    for (const args of [["--version"], ["-V"], ["ledger.xlsx", "--version"]]) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stdout).toBe(`ledger-check ${PACKAGE.version}\n`);
      expect(r.stderr).toBe("");
    }
  });
});
