import { superuserAllowListRule } from "@confiture/compliance";

/** Disallow superusers beyond the allow-list. */
export const rule = superuserAllowListRule({
  id: "live-superuser-allow-list",
  description: "Disallow superusers beyond the allow-list",
  severity: "error",
  compliance: [{ framework: "SOX", control: "SOX 404 ITGC: logical access and segregation of duties" }],
});
