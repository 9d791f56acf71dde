import { serverSettingsRule } from "@confiture/compliance";

/** Require SCRAM-SHA-256 password hashing. */
export const rule = serverSettingsRule({
  id: "live-password-encryption",
  description: "Require SCRAM-SHA-256 password hashing",
  severity: "error",
  compliance: [{ framework: "PCI-DSS", control: "8.3.2" }],
  help: "Set password_encryption = scram-sha-256 and reset passwords.",
  requirements: [{ name: "password_encryption", expected: "scram-sha-256", accepts: (value) => value === "scram-sha-256" }],
});
