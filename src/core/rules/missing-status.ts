import { defineRule, eachTask } from "./rule.js";

export const missingStatus = defineRule({
  id: "missing-status",
  severity: "warning",
  incomplete: true,
  requires: ["status"],
  words: {
    zh: {
      title: "缺少整改进展",
      description: "整改进展为空或无法识别（如“待报”）：无法判断是否完成，不会按已完成统计。",
      example: "整改进展一栏为空，或写作“待报”。",
      messages: {
        missing: "未填写整改进展：请填写“已完成”“正在推进”或“未启动”。",
        unclear: "整改进展“{{text}}”无法识别：请填写“已完成”“正在推进”或“未启动”。",
      },
    },
    en: {
      title: "Status missing",
      description: "Status is empty or not recognised (“to be reported”): the task is not counted as done.",
      example: "The Status cell is empty, or says “to be reported”.",
      messages: {
        missing: "No status: fill in Done, In progress or Not started.",
        unclear: "Status “{{text}}” is not recognised: fill in Done, In progress or Not started.",
      },
    },
  },
  check: eachTask((task) => {
    if (task.status.kind === "empty") return { task, field: "status", messageId: "missing" };
    // Counted as 进展待报 in the figures: listed too, so the bulletin's 表 of entries to complete holds every one.
    if (task.status.kind === "unknown")
      return { task, field: "status", messageId: "unclear", data: { text: task.status.text } };
    return undefined;
  }),
});
