import { sensitiveTableRowLevelSecurityRule } from "@confiture/compliance";

/** Require row level security and a policy on tables of personal data. */
export const rule = sensitiveTableRowLevelSecurityRule({
  id: "personal-data-requires-rls",
  description: "Require row level security and a policy on tables of personal data",
  severity: "error",
  compliance: [{ framework: "GDPR", control: "Art. 25(2)" }],
  categories: ["pii"],
  label: "personal data",
});
