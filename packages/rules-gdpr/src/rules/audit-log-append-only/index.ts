import { appendOnlyRule } from "@confiture/compliance";

/** Disallow DELETE, UPDATE, TRUNCATE and DROP on audit tables. */
export const rule = appendOnlyRule({
  id: "audit-log-append-only",
  description: "Disallow DELETE, UPDATE, TRUNCATE and DROP on audit tables",
  severity: "critical",
  compliance: [{ framework: "GDPR", control: "Art. 5(2)" }],
  categories: ["audit"],
  label: "an audit trail",
});
