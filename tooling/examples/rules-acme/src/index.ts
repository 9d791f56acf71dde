import { defineLibrary, ruleReadmes } from "@confiture/linting";
import { rules } from "./rules/index.js";

/** Acme's house rules for PostgreSQL migrations. */
export const acme = defineLibrary({
  name: "acme",
  version: "1.2.0",
  engine: "^1",
  description: "Acme Corp's house rules for PostgreSQL migrations.",
  rules,
  // Each rule folder keeps a README that ships in the tarball (see "files"); findings link to it.
  docs: ruleReadmes(new URL("../", import.meta.url)),
});

export default acme;
