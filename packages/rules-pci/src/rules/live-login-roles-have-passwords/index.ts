import { loginRolesHavePasswordsRule } from "@confiture/compliance";

/** Require every login role to have a password. */
export const rule = loginRolesHavePasswordsRule({
  id: "live-login-roles-have-passwords",
  description: "Require every login role to have a password",
  severity: "critical",
  compliance: [
    { framework: "PCI-DSS", control: "2.2.2" },
    { framework: "PCI-DSS", control: "8.3.1" },
  ],
});
