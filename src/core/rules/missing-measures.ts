import { missingFieldRule } from "./missing-field.js";

export const missingMeasures = missingFieldRule(
  "missing-measures",
  "measures",
  {
    zh: "未填写整改措施：请写明具体、可检验的整改举措。",
    en: "No measures: write concrete, checkable actions for this problem.",
  },
  { zh: "问题“校外培训机构监管存在盲区”下整改措施为空。", en: "A problem with an empty Measures cell." },
);
