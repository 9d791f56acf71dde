import { loginRolesHavePasswordsRule } from "@confiture/compliance";

/** Require every login role to have a password. */
export const rule = loginRolesHavePasswordsRule({
  id: "live-login-roles-have-passwords",
  description: "Require every login role to have a password",
  severity: "error",
  compliance: [{ framework: "HIPAA", control: "45 CFR 164.312(d)" }],
});
