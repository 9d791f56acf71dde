import { appendOnlyRule } from "@confiture/compliance";

/** Disallow DELETE, UPDATE, TRUNCATE and DROP on audit tables. */
export const rule = appendOnlyRule({
  id: "audit-log-append-only",
  description: "Disallow DELETE, UPDATE, TRUNCATE and DROP on audit tables",
  severity: "critical",
  compliance: [
    { framework: "PCI-DSS", control: "10.3.2" },
    { framework: "PCI-DSS", control: "10.5.1" },
  ],
  categories: ["audit"],
  label: "an audit trail",
});
