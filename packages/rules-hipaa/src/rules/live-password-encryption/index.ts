import { serverSettingsRule } from "@confiture/compliance";

/** Require SCRAM-SHA-256 password hashing. */
export const rule = serverSettingsRule({
  id: "live-password-encryption",
  description: "Require SCRAM-SHA-256 password hashing",
  severity: "error",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(d)" }],
  help: "Set password_encryption = scram-sha-256 and reset passwords so they are stored with it.",
  requirements: [{ name: "password_encryption", expected: "scram-sha-256", accepts: (value) => value === "scram-sha-256" }],
});
