import { sensitiveCopyRule } from "@confiture/compliance";

/** Disallow copying PHI tables with CREATE TABLE AS or SELECT INTO. */
export const rule = sensitiveCopyRule({
  id: "no-phi-copy",
  description: "Disallow copying PHI tables with CREATE TABLE AS or SELECT INTO",
  severity: "error",
  compliance: [
    { framework: "HIPAA", control: "45 CFR 164.502(b)" },
    { framework: "HIPAA", control: "45 CFR 164.312(a)(1)" },
  ],
  categories: ["phi"],
  label: "PHI",
});
