import { appendOnlyRule } from "@confiture/compliance";

/** Disallow DELETE, UPDATE, TRUNCATE and DROP on audit tables. */
export const rule = appendOnlyRule({
  id: "audit-log-append-only",
  description: "Disallow DELETE, UPDATE, TRUNCATE and DROP on audit tables",
  severity: "critical",
  compliance: [
    { framework: "HIPAA", control: "45 CFR 164.312(b)" },
    { framework: "HIPAA", control: "45 CFR 164.316(b)(2)(i)" },
  ],
  categories: ["audit"],
  label: "an audit trail",
});
