import { sensitiveTableAuditTrailRule } from "@confiture/compliance";

/** Require an audit trigger on cardholder data tables. */
export const rule = sensitiveTableAuditTrailRule({
  id: "cardholder-audit-trigger",
  description: "Require an audit trigger on cardholder data tables",
  severity: "critical",
  compliance: [{ framework: "PCI-DSS", control: "10.2.1" }],
  categories: ["pan"],
  label: "cardholder data (PAN)",
});
