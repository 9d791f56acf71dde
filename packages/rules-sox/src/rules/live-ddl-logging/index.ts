import { serverSettingsRule } from "@confiture/compliance";

/** Require logging of schema changes. */
export const rule = serverSettingsRule({
  id: "live-ddl-logging",
  description: "Require logging of schema changes",
  severity: "critical",
  compliance: [
    { framework: "SOX", control: "SOX 404 ITGC: change management" },
    { framework: "SOX", control: "SOX 404 ITGC: audit trail of financial data changes" },
  ],
  help: "Set log_statement = 'ddl' (or 'mod') and keep the logs.",
  requirements: [
    { name: "log_statement", expected: "ddl, mod or all", accepts: (value) => ["ddl", "mod", "all"].includes(value) },
  ],
});
