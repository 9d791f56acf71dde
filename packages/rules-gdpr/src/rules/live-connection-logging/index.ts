import { serverSettingsRule } from "@confiture/compliance";

/** Require logging of connections, disconnections and DDL. */
export const rule = serverSettingsRule({
  id: "live-connection-logging",
  description: "Require logging of connections, disconnections and DDL",
  severity: "critical",
  compliance: [
    { framework: "GDPR", control: "Art. 33(1)" },
    { framework: "GDPR", control: "Art. 32(1)(d)" },
  ],
  help: "Set log_connections = on, log_disconnections = on and log_statement = 'ddl'.",
  requirements: [
    {
      name: "log_connections",
      expected: "on",
      accepts: (value) => value === "on" || value === "all" || value.includes("authorization"),
    },
    { name: "log_disconnections", expected: "on", accepts: (value) => value === "on" },
    { name: "log_statement", expected: "ddl, mod or all", accepts: (value) => ["ddl", "mod", "all"].includes(value) },
  ],
});
