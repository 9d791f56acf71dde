import { broadGrantRule } from "@confiture/compliance";

/** Disallow granting PHI tables to PUBLIC. */
export const rule = broadGrantRule({
  id: "no-public-grant-on-phi",
  description: "Disallow granting PHI tables to PUBLIC",
  severity: "critical",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(a)(1)" }],
  categories: ["phi"],
  label: "PHI",
});
