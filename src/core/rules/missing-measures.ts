import { missingFieldRule } from "./missing-field.js";

export const missingMeasures = missingFieldRule("missing-measures", "measures", {
  zh: {
    title: "缺少整改措施",
    example: "问题“校外培训机构监管存在盲区”下整改措施为空。",
    messages: { missing: "未填写整改措施：请写明具体、可检验的整改举措。" },
  },
  en: {
    title: "Measures missing",
    example: "A problem with an empty Measures cell.",
    messages: { missing: "No measures: write concrete, checkable actions for this problem." },
  },
});
