import { sensitiveTableAuditTrailRule } from "@confiture/compliance";

/** Require an audit trigger on tables holding PHI. */
export const rule = sensitiveTableAuditTrailRule({
  id: "phi-table-requires-audit-trigger",
  description: "Require an audit trigger on tables holding PHI",
  severity: "error",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(b)" }],
  categories: ["phi"],
  label: "PHI",
});
