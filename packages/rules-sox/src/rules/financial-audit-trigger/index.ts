import { sensitiveTableAuditTrailRule } from "@confiture/compliance";

/** Require an audit trigger on financial tables. */
export const rule = sensitiveTableAuditTrailRule({
  id: "financial-audit-trigger",
  description: "Require an audit trigger on financial tables",
  severity: "critical",
  compliance: [{ framework: "SOX", control: "SOX 404 ITGC: audit trail of financial data changes" }],
  categories: ["financial"],
  label: "financial records",
});
