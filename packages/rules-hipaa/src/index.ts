import { defineLibrary, ruleReadmes } from "@confiture/linting";
import { rules } from "./rules/index.js";

/**
 * The HIPAA pack: statement, schema and live checks for the HIPAA Security Rule (45 CFR 164.312)
 * and the related administrative safeguards. Configure what counts as PHI once, under
 * `lint.settings.shared.classification` (see @confiture/compliance).
 */
export const hipaa = defineLibrary({
  name: "hipaa",
  version: "0.1.0",
  engine: "^1",
  description:
    "HIPAA Security Rule checks: PHI encryption, access control, audit controls, integrity, authentication, transmission security.",
  rules,
  // Each rule's README ships in the tarball; findings link to the installed copy.
  docs: ruleReadmes(new URL("../", import.meta.url)),
});

export { rules };
export default hipaa;
