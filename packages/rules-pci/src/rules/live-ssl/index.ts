import { serverSettingsRule } from "@confiture/compliance";

/** Require TLS on the server. */
export const rule = serverSettingsRule({
  id: "live-ssl",
  description: "Require TLS on the server",
  severity: "critical",
  compliance: [{ framework: "PCI-DSS", control: "4.2.1" }],
  help: "Set ssl = on with a certificate, and hostssl rules in pg_hba.conf.",
  requirements: [{ name: "ssl", expected: "on", accepts: (value) => value === "on" }],
});
