import { retentionMarkerRule } from "@confiture/compliance";

/** Require a retention policy on cardholder data tables. */
export const rule = retentionMarkerRule({
  id: "cardholder-retention-marker",
  description: "Require a retention policy on cardholder data tables",
  severity: "error",
  compliance: [{ framework: "PCI-DSS", control: "3.2.1" }],
  categories: ["pan"],
  label: "cardholder data (PAN)",
});
