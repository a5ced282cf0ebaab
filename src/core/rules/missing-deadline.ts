import { missingFieldRule } from "./missing-field.js";

export const missingDeadline = missingFieldRule("missing-deadline", "deadline", {
  zh: {
    title: "缺少整改时限",
    example: "整改时限一栏为空。",
    messages: { missing: "未填写整改时限：请填写完成日期，或“立行立改”“长期坚持”。" },
  },
  en: {
    title: "Deadline missing",
    example: "The Deadline cell is empty.",
    messages: { missing: "No deadline: give a completion date, or “immediate” / “ongoing”." },
  },
});
