import type { AlterDomainStmt, Constraint } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf, stringsOf } from "../ast.js";
import { at, docsUrl } from "../support.js";

/** Flags ALTER DOMAIN ... ADD CONSTRAINT. */
export const banAlterDomainWithAddConstraint = defineRule({
  id: "ban-alter-domain-with-add-constraint",
  version: "1.0.0",
  meta: {
    description: "Disallow adding constraints to domains.",
    severity: "warning",
    messages: {
      addConstraint:
        "ALTER DOMAIN {{domain}} ADD CONSTRAINT checks every column of every table that uses the domain, while blocking writes to them.",
    },
    docs: docsUrl("ban-alter-domain-with-add-constraint"),
    equivalents: { squawk: "ban-alter-domain-with-add-constraint" },
  },
  create: (context) => ({
    statement({ statement, node }) {
      const alter = nodeOf<AlterDomainStmt>(node, "AlterDomainStmt");
      if (alter?.subtype !== "C") return;
      context.report({
        messageId: "addConstraint",
        data: { domain: stringsOf(alter.typeName).join(".") },
        location: at(statement, nodeOf<Constraint>(alter.def, "Constraint")),
        help: "Add the constraint to the table columns instead (NOT VALID, then VALIDATE CONSTRAINT).",
      });
    },
  }),
});
