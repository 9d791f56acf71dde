import { defineLibrary, ruleReadmes } from "@confiture/linting";
import { rules } from "./rules/index.js";

/**
 * The PCI-DSS v4.0 pack: no sensitive authentication data, PAN unreadable, least-privilege access,
 * audit logs, credentials and network access. Configure what counts as cardholder data once, under
 * `lint.settings.shared.classification` (see @confiture/compliance).
 */
export const pci = defineLibrary({
  name: "pci",
  version: "0.1.0",
  engine: "^1",
  description:
    "PCI-DSS v4.0 checks: sensitive authentication data, PAN storage, access control, audit logs, credentials, network access.",
  rules,
  // Each rule's README ships in the tarball; findings link to the installed copy.
  docs: ruleReadmes(new URL("../", import.meta.url)),
});

export { rules };
export default pci;
