import { literalPasswordRule } from "@confiture/compliance";

/** Disallow passwords, and vendor defaults above all, in migrations. */
export const rule = literalPasswordRule({
  id: "no-default-credentials",
  description: "Disallow passwords, and vendor defaults above all, in migrations",
  severity: "critical",
  compliance: [
    { framework: "PCI-DSS", control: "2.2.2" },
    { framework: "PCI-DSS", control: "8.6.2" },
  ],
});
