import { appendOnlyRule } from "@confiture/compliance";

/** Disallow DELETE, UPDATE, TRUNCATE and DROP on ledgers and audit tables. */
export const rule = appendOnlyRule({
  id: "ledger-append-only",
  description: "Disallow DELETE, UPDATE, TRUNCATE and DROP on ledgers and audit tables",
  severity: "critical",
  compliance: [
    { framework: "SOX", control: "SOX 404: integrity of financial data" },
    { framework: "SOX", control: "SOX 802: retention of records" },
  ],
  categories: ["audit"],
  label: "ledger or audit records",
});
