import { sensitiveCopyRule } from "@confiture/compliance";

/** Disallow copying tables of personal data. */
export const rule = sensitiveCopyRule({
  id: "no-personal-data-copy",
  description: "Disallow copying tables of personal data",
  severity: "error",
  compliance: [{ framework: "GDPR", control: "Art. 5(1)(b)" }],
  categories: ["pii"],
  label: "personal data",
});
