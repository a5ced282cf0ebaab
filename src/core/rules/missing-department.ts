import { missingFieldRule } from "./missing-field.js";

export const missingDepartment = missingFieldRule("missing-department", "department", {
  zh: {
    title: "缺少责任部门",
    example: "责任部门为空，只填了配合部门“团委”。",
    messages: { missing: "未填写责任部门：请明确牵头单位（配合单位不能代替）。" },
  },
  en: {
    title: "Department missing",
    example: "Department empty; only a co-unit is given.",
    messages: { missing: "No responsible department: name the lead unit (a co-unit does not count)." },
  },
});
