import { sensitiveTableRowLevelSecurityRule } from "@confiture/compliance";

/** Require row level security and a policy on tables holding PHI. */
export const rule = sensitiveTableRowLevelSecurityRule({
  id: "phi-table-requires-rls",
  description: "Require row level security and a policy on tables holding PHI",
  severity: "error",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(a)(1)" }],
  categories: ["phi"],
  label: "PHI",
});
