import { serverSettingsRule } from "@confiture/compliance";

/** Require idle sessions to be closed. */
export const rule = serverSettingsRule({
  id: "live-session-timeout",
  description: "Require idle sessions to be closed",
  severity: "warning",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(a)(2)(iii)" }],
  help: "Set idle_session_timeout (PostgreSQL 14+) or idle_in_transaction_session_timeout.",
  anyOf: true,
  requirements: [
    {
      name: "idle_session_timeout",
      expected: "a timeout (PostgreSQL 14+)",
      accepts: (value) => Number(value) > 0,
      optional: false,
    },
    { name: "idle_in_transaction_session_timeout", expected: "a timeout", accepts: (value) => Number(value) > 0 },
  ],
});
