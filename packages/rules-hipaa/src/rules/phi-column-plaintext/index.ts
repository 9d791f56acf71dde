import { sensitiveColumnPlaintextRule } from "@confiture/compliance";

/** Require PHI columns to be stored encrypted or tokenised. */
export const rule = sensitiveColumnPlaintextRule({
  id: "phi-column-plaintext",
  description: "Require PHI columns to be stored encrypted or tokenised",
  severity: "critical",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(a)(2)(iv)" }],
  categories: ["phi"],
  label: "PHI",
});
