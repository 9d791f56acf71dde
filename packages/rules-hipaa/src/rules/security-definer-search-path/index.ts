import { securityDefinerSearchPathRule } from "@confiture/compliance";

/** Require SECURITY DEFINER functions to pin search_path. */
export const rule = securityDefinerSearchPathRule({
  id: "security-definer-search-path",
  description: "Require SECURITY DEFINER functions to pin search_path",
  severity: "error",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(a)(1)" }],
});
