import { sensitiveColumnPlaintextRule } from "@confiture/compliance";

/** Require identifying personal data to be stored encrypted or pseudonymised. */
export const rule = sensitiveColumnPlaintextRule({
  id: "personal-data-plaintext",
  description: "Require identifying personal data to be stored encrypted or pseudonymised",
  severity: "critical",
  compliance: [{ framework: "GDPR", control: "Art. 32(1)(a)" }],
  categories: ["pii"],
  label: "personal data",
});
