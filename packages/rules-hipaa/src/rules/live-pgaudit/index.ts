import { pgauditRule } from "@confiture/compliance";

/** Require pgaudit to be loaded. */
export const rule = pgauditRule({
  id: "live-pgaudit",
  description: "Require pgaudit to be loaded",
  severity: "error",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(b)" }],
});
