import { serverSettingsRule } from "@confiture/compliance";

/** Require TLS on the server. */
export const rule = serverSettingsRule({
  id: "live-ssl",
  description: "Require TLS on the server",
  severity: "critical",
  compliance: [{ framework: "GDPR", control: "Art. 32(1)(a)" }],
  help: "Set ssl = on and require hostssl in pg_hba.conf.",
  requirements: [{ name: "ssl", expected: "on", accepts: (value) => value === "on" }],
});
