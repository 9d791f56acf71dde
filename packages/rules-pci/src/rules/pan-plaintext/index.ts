import { sensitiveColumnPlaintextRule } from "@confiture/compliance";

/** Require primary account numbers to be unreadable wherever stored. */
export const rule = sensitiveColumnPlaintextRule({
  id: "pan-plaintext",
  description: "Require primary account numbers to be unreadable wherever stored",
  severity: "critical",
  compliance: [{ framework: "PCI-DSS", control: "3.5.1" }],
  categories: ["pan"],
  label: "cardholder data (PAN)",
});
