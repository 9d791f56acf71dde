import { retentionMarkerRule } from "@confiture/compliance";

/** Require a retention policy on tables of personal data. */
export const rule = retentionMarkerRule({
  id: "personal-data-retention-marker",
  description: "Require a retention policy on tables of personal data",
  severity: "error",
  compliance: [{ framework: "GDPR", control: "Art. 5(1)(e)" }],
  categories: ["pii"],
  label: "personal data",
});
