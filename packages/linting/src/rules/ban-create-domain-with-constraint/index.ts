import type { CreateDomainStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { constraintsOf, nodeOf, stringsOf } from "../ast.js";
import { at, docsUrl } from "../support.js";

/** Flags CREATE DOMAIN with CHECK or NOT NULL constraints. */
export const banCreateDomainWithConstraint = defineRule({
  id: "ban-create-domain-with-constraint",
  version: "1.0.0",
  meta: {
    description: "Disallow domains with constraints.",
    severity: "warning",
    messages: {
      domainConstraint:
        "Domain {{domain}} has a constraint: changing it later checks every column of every table that uses the domain, under locks no online recipe avoids.",
    },
    docs: docsUrl("ban-create-domain-with-constraint"),
    equivalents: { squawk: "ban-create-domain-with-constraint" },
  },
  create: (context) => ({
    statement({ statement, node }) {
      const domain = nodeOf<CreateDomainStmt>(node, "CreateDomainStmt");
      if (domain === undefined) return;
      const first = constraintsOf(domain.constraints).find(
        (constraint) => constraint.contype === "CONSTR_CHECK" || constraint.contype === "CONSTR_NOTNULL",
      );
      if (first === undefined) return;
      context.report({
        messageId: "domainConstraint",
        data: { domain: stringsOf(domain.domainname).join(".") },
        location: at(statement, first),
        help: "Put the CHECK or NOT NULL on the table columns instead, where NOT VALID and VALIDATE work.",
      });
    },
  }),
});
