import { pgauditRule } from "@confiture/compliance";

/** Require pgaudit to be loaded. */
export const rule = pgauditRule({
  id: "live-pgaudit",
  description: "Require pgaudit to be loaded",
  severity: "critical",
  compliance: [{ framework: "SOX", control: "SOX 404 ITGC: audit trail of financial data changes" }],
});
