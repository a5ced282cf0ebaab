import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ERROR_CODES, ERRORS } from "../src/cli/error-words.js";

/**
 * docs/errors.md is generated from the error catalogue (src/core/errors.ts, src/cli/error-words.ts), as docs/rules.md is
 * from the rules; a test keeps it current. Run `npm run docs:errors` after editing the catalogue.
 */
export function errorsMarkdown(): string {
  const lines = [
    "# Errors / 错误",
    "",
    "Generated from `src/core/errors.ts` and `src/cli/error-words.ts` by `npm run docs:errors`; do not edit by hand.",
    "Every error the CLI prints (exit code 2) or the task pane shows comes from this catalogue. Codes are stable; words are presentation.",
    "本文件由错误目录自动生成。命令行（退出码 2）和任务窗格显示的每条错误都来自这里；错误编号保持稳定。",
    "",
    "| code | 名称 | title |",
    "|---|---|---|",
  ];
  for (const code of ERROR_CODES) lines.push(`| \`${code}\` | ${ERRORS.zh[code].title} | ${ERRORS.en[code].title} |`);
  for (const code of ERROR_CODES) {
    const [zh, en] = [ERRORS.zh[code], ERRORS.en[code]];
    lines.push(
      "",
      `## \`${code}\` ${zh.title} / ${en.title}`,
      "",
      // The action is shown once, below; placeholders stay as written, naming the data.
      `- 提示 / Message: ${zh.template.replace("{{action}}", "…")} — ${en.template.replace("{{action}}", "…")}`,
      `- 怎么办 / What to do: ${zh.action} — ${en.action}`,
    );
  }
  lines.push("");
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL("../docs/errors.md", import.meta.url), errorsMarkdown());
}
