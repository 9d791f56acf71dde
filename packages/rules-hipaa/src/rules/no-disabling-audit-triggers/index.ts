import { auditTriggerRemovalRule } from "@confiture/compliance";

/** Disallow disabling or dropping audit triggers. */
export const rule = auditTriggerRemovalRule({
  id: "no-disabling-audit-triggers",
  description: "Disallow disabling or dropping audit triggers",
  severity: "critical",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(b)" }],
});
