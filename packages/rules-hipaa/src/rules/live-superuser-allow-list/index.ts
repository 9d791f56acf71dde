import { superuserAllowListRule } from "@confiture/compliance";

/** Disallow superusers beyond the allow-list. */
export const rule = superuserAllowListRule({
  id: "live-superuser-allow-list",
  description: "Disallow superusers beyond the allow-list",
  severity: "error",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.308(a)(4)" }],
});
