import { auditTriggerRemovalRule } from "@confiture/compliance";

/** Disallow disabling or dropping audit triggers. */
export const rule = auditTriggerRemovalRule({
  id: "no-disabling-audit-triggers",
  description: "Disallow disabling or dropping audit triggers",
  severity: "critical",
  compliance: [{ framework: "SOX", control: "SOX 404 ITGC: audit trail of financial data changes" }],
});
