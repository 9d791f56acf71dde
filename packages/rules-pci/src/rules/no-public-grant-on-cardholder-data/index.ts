import { broadGrantRule } from "@confiture/compliance";

/** Disallow granting cardholder data tables to PUBLIC. */
export const rule = broadGrantRule({
  id: "no-public-grant-on-cardholder-data",
  description: "Disallow granting cardholder data tables to PUBLIC",
  severity: "critical",
  compliance: [{ framework: "PCI-DSS", control: "7.2.1" }],
  categories: ["pan"],
  label: "cardholder data (PAN)",
});
