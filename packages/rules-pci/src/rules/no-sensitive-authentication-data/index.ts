import { forbiddenColumnRule } from "@confiture/compliance";

/** Disallow storing card verification codes, PINs and track data. */
export const rule = forbiddenColumnRule({
  id: "no-sensitive-authentication-data",
  description: "Disallow storing card verification codes, PINs and track data",
  severity: "critical",
  compliance: [{ framework: "PCI-DSS", control: "3.3.1" }],
  categories: ["sad"],
  label: "sensitive authentication data",
});
