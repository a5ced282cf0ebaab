import { missingFieldRule } from "./missing-field.js";

export const missingDeadline = missingFieldRule(
  "missing-deadline",
  "deadline",
  {
    zh: "未填写整改时限：请填写完成日期，或“立行立改”“长期坚持”。",
    en: "No deadline: give a completion date, or “immediate” / “ongoing”.",
  },
  { zh: "整改时限一栏为空。", en: "The Deadline cell is empty." },
);
