import { literalPasswordRule } from "@confiture/compliance";

/** Disallow passwords written in migrations. */
export const rule = literalPasswordRule({
  id: "no-credentials-in-migrations",
  description: "Disallow passwords written in migrations",
  severity: "critical",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(d)" }],
});
