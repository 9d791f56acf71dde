import { broadGrantRule } from "@confiture/compliance";

/** Disallow granting tables of personal data to PUBLIC. */
export const rule = broadGrantRule({
  id: "no-public-grant-on-personal-data",
  description: "Disallow granting tables of personal data to PUBLIC",
  severity: "critical",
  compliance: [
    { framework: "GDPR", control: "Art. 32(4)" },
    { framework: "GDPR", control: "Art. 25(2)" },
  ],
  categories: ["pii"],
  label: "personal data",
});
