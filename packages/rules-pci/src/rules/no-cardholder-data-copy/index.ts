import { sensitiveCopyRule } from "@confiture/compliance";

/** Disallow copying cardholder data tables. */
export const rule = sensitiveCopyRule({
  id: "no-cardholder-data-copy",
  description: "Disallow copying cardholder data tables",
  severity: "error",
  compliance: [
    { framework: "PCI-DSS", control: "3.2.1" },
    { framework: "PCI-DSS", control: "7.2.1" },
  ],
  categories: ["pan"],
  label: "cardholder data (PAN)",
});
