import { defineRule, eachTask } from "./rule.js";

export const invalidDeadline = defineRule({
  id: "invalid-deadline",
  severity: "error",
  incomplete: true,
  requires: ["deadline"],
  words: {
    zh: {
      title: "整改时限无法识别",
      description: "整改时限无法识别为日期、期间（如“2025年6月底”“2025年第三季度”）或“立行立改”“长期坚持”。",
      example: "整改时限写作“尽快”、“6月底”（缺年份）或 #N/A。",
      messages: {
        invalid: "整改时限“{{text}}”无法识别：请改为具体日期（如2025年6月30日）或期间（如2025年6月底）。",
      },
    },
    en: {
      title: "Deadline not recognised",
      description: "The deadline is not a date, a period (end of June 2025, Q3 2025) or “immediate” / “ongoing”.",
      example: "Deadline “ASAP”, “end of June” (no year) or #N/A.",
      messages: {
        invalid: "Deadline “{{text}}” is not a usable date: write a date (2025-06-30) or a period (end of June 2025).",
      },
    },
  },
  check: eachTask((task) => {
    if (task.deadline.kind !== "invalid") return undefined;
    return { task, field: "deadline", messageId: "invalid", data: { text: task.deadline.text } };
  }),
});
