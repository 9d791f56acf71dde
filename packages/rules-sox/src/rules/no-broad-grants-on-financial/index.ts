import { broadGrantRule } from "@confiture/compliance";

/** Disallow GRANT ALL and grants to PUBLIC on financial tables. */
export const rule = broadGrantRule({
  id: "no-broad-grants-on-financial",
  description: "Disallow GRANT ALL and grants to PUBLIC on financial tables",
  severity: "error",
  compliance: [{ framework: "SOX", control: "SOX 404 ITGC: logical access and segregation of duties" }],
  categories: ["financial"],
  label: "financial records",
  flagAllPrivileges: true,
});
