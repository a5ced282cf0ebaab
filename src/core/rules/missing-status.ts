import type { Rule } from "./rule.js";

export const missingStatus: Rule = {
  id: "missing-status",
  severity: "warning",
  requires: ["status"],
  docs: {
    description: {
      zh: "整改进展为空：无法判断是否完成，不会按已完成统计。",
      en: "Status is empty: the task is not counted as done.",
    },
    example: { zh: "整改进展一栏为空。", en: "The Status cell is empty." },
  },
  *check({ ledger }) {
    const { tasks } = ledger;
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i]!;
      if (task.status.kind !== "empty") continue;
      yield {
        task,
        field: "status",
        message: {
          zh: "未填写整改进展：请填写“已完成”“正在推进”或“未启动”。",
          en: "No status: fill in Done, In progress or Not started.",
        },
      };
    }
  },
};
