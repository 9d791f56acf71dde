import { defineLibrary } from "@confiture/linting";
import { rules } from "./rules/index.js";

/** Acme's house rules for PostgreSQL migrations. */
export const acme = defineLibrary({
  name: "acme",
  version: "1.2.0",
  engine: "^1",
  description: "Acme Corp's house rules for PostgreSQL migrations.",
  rules,
});

export default acme;
