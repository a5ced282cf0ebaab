import { defineRule, eachTask } from "./rule.js";

export const missingStatus = defineRule({
  id: "missing-status",
  severity: "warning",
  incomplete: true,
  requires: ["status"],
  words: {
    zh: {
      title: "缺少整改进展",
      description: "整改进展为空：无法判断是否完成，不会按已完成统计。",
      example: "整改进展一栏为空。",
      messages: { missing: "未填写整改进展：请填写“已完成”“正在推进”或“未启动”。" },
    },
    en: {
      title: "Status missing",
      description: "Status is empty: the task is not counted as done.",
      example: "The Status cell is empty.",
      messages: { missing: "No status: fill in Done, In progress or Not started." },
    },
  },
  check: eachTask((task) => {
    if (task.status.kind === "empty") return { task, field: "status", messageId: "missing" };
    return undefined;
  }),
});
