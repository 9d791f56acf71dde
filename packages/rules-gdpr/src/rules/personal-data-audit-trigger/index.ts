import { sensitiveTableAuditTrailRule } from "@confiture/compliance";

/** Require an audit trigger on tables of personal data. */
export const rule = sensitiveTableAuditTrailRule({
  id: "personal-data-audit-trigger",
  description: "Require an audit trigger on tables of personal data",
  severity: "critical",
  compliance: [
    { framework: "GDPR", control: "Art. 5(2)" },
    { framework: "GDPR", control: "Art. 30" },
  ],
  categories: ["pii"],
  label: "personal data",
});
