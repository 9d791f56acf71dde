import { defineLibrary, ruleReadmes } from "@confiture/linting";
import { rules } from "./rules/index.js";

/**
 * The SOX pack: IT general controls over financial data in PostgreSQL: change management, audit
 * trails, integrity, retention, segregation of duties, operations. Configure what counts as
 * financial data once, under `lint.settings.shared.classification`.
 */
export const sox = defineLibrary({
  name: "sox",
  version: "0.1.0",
  engine: "^1",
  description: "SOX IT general control checks: change management, audit trails, financial data integrity, segregation of duties.",
  rules,
  // Each rule's README ships in the tarball; findings link to the installed copy.
  docs: ruleReadmes(new URL("../", import.meta.url)),
});

export { rules };
export default sox;
