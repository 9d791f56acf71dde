import { defineLibrary, ruleReadmes } from "@confiture/linting";
import { rules } from "./rules/index.js";

/**
 * The GDPR pack: security of processing (Art. 32), erasure (Art. 17), storage limitation
 * (Art. 5(1)(e)), data protection by design (Art. 25), consent (Art. 7, 8), transfers (Art. 44).
 * Configure what counts as personal data once, under `lint.settings.shared.classification`.
 */
export const gdpr = defineLibrary({
  name: "gdpr",
  version: "0.1.0",
  engine: "^1",
  description: "GDPR checks: encryption, erasure paths, retention, access control, consent, audit, transfers.",
  rules,
  // Each rule's README ships in the tarball; findings link to the installed copy.
  docs: ruleReadmes(new URL("../", import.meta.url)),
});

export { rules };
export default gdpr;
