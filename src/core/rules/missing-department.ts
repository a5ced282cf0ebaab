import { missingFieldRule } from "./missing-field.js";

export const missingDepartment = missingFieldRule(
  "missing-department",
  "department",
  {
    zh: "未填写责任部门：请明确牵头单位（配合单位不能代替）。",
    en: "No responsible department: name the lead unit (a co-unit does not count).",
  },
  { zh: "责任部门为空，只填了配合部门“团委”。", en: "Department empty; only a co-unit is given." },
);
