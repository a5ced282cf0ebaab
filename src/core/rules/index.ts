import { dueSoon } from "./due-soon.js";
import { invalidDeadline } from "./invalid-deadline.js";
import { missingDeadline } from "./missing-deadline.js";
import { missingDepartment } from "./missing-department.js";
import { missingLead } from "./missing-lead.js";
import { missingMeasures } from "./missing-measures.js";
import { missingStatus } from "./missing-status.js";
import { overdue } from "./overdue.js";
import { documentsOnly } from "./paper-only/documents-only.js";
import { duplicateText } from "./paper-only/duplicate-text.js";
import { longTermClosed } from "./paper-only/long-term-closed.js";
import { noEvidence } from "./paper-only/no-evidence.js";
import { vagueMeasures } from "./paper-only/vague-measures.js";
import type { Rule } from "./rule.js";

/** Every rule, in the order findings on one cell are listed. */
export const RULES: readonly Rule[] = [
  missingLead,
  missingDepartment,
  missingMeasures,
  missingDeadline,
  invalidDeadline,
  missingStatus,
  overdue,
  dueSoon,
  noEvidence,
  documentsOnly,
  longTermClosed,
  duplicateText,
  vagueMeasures,
];

export type { Rule, FindingDraft, RuleContext } from "./rule.js";
