import { missingFieldRule } from "./missing-field.js";

export const missingLead = missingFieldRule(
  "missing-lead",
  "lead",
  {
    zh: "未填写责任领导：请明确牵头负责的领导。",
    en: "No responsible leader: name the leader in charge of this task.",
  },
  { zh: "责任领导一栏为空。", en: "The Lead cell is empty." },
);
