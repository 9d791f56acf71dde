import { sensitiveTableRowLevelSecurityRule } from "@confiture/compliance";

/** Require row level security and a policy on cardholder data tables. */
export const rule = sensitiveTableRowLevelSecurityRule({
  id: "cardholder-data-requires-rls",
  description: "Require row level security and a policy on cardholder data tables",
  severity: "error",
  compliance: [{ framework: "PCI-DSS", control: "7.2.2" }],
  categories: ["pan"],
  label: "cardholder data (PAN)",
});
