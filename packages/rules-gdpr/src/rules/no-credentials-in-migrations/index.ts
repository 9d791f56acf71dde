import { literalPasswordRule } from "@confiture/compliance";

/** Disallow passwords written in migrations. */
export const rule = literalPasswordRule({
  id: "no-credentials-in-migrations",
  description: "Disallow passwords written in migrations",
  severity: "critical",
  compliance: [{ framework: "GDPR", control: "Art. 32(1)(b)" }],
});
