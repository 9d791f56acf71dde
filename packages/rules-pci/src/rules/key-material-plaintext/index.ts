import { sensitiveColumnPlaintextRule } from "@confiture/compliance";

/** Disallow storing key material and secrets readable in tables. */
export const rule = sensitiveColumnPlaintextRule({
  id: "key-material-plaintext",
  description: "Disallow storing key material and secrets readable in tables",
  severity: "critical",
  compliance: [{ framework: "PCI-DSS", control: "3.6.1" }],
  categories: ["credential"],
  label: "key material or a secret",
});
