import { missingFieldRule } from "./missing-field.js";

export const missingLead = missingFieldRule("missing-lead", "lead", {
  zh: {
    title: "缺少责任领导",
    example: "责任领导一栏为空。",
    messages: { missing: "未填写责任领导：请明确牵头负责的领导。" },
  },
  en: {
    title: "Lead missing",
    example: "The Lead cell is empty.",
    messages: { missing: "No responsible leader: name the leader in charge of this task." },
  },
});
