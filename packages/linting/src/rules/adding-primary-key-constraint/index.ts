import { defineRule } from "../../define-rule.js";
import { alterTableOf, rangeVarText, stringsOf } from "../ast.js";
import { addedConstraints } from "../constraints.js";
import { at, docsUrl, isCreatedHere } from "../support.js";

/** Flags ADD [CONSTRAINT ...] PRIMARY KEY (...) on existing tables without USING INDEX. */
export const addingPrimaryKeyConstraint = defineRule({
  id: "adding-primary-key-constraint",
  version: "1.0.0",
  meta: {
    description: "Disallow adding a primary key to an existing table without a prebuilt unique index.",
    severity: "warning",
    messages: {
      primaryKey:
        "Adding a primary key to {{table}} builds its index (and checks NOT NULL) under an AccessExclusiveLock: reads and writes wait for the whole build.",
    },
    docs: docsUrl("adding-primary-key-constraint"),
    equivalents: { squawk: "adding-serial-primary-key-field" },
  },
  create: (context) => ({
    statement(visit) {
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isCreatedHere(visit, alter.relation)) return;
      for (const { constraint, column } of addedConstraints(alter)) {
        if (constraint.contype !== "CONSTR_PRIMARY" || constraint.indexname !== undefined || column !== undefined) continue;
        const table = rangeVarText(alter.relation);
        const columns = stringsOf(constraint.keys).join(", ");
        const name = constraint.conname ?? `${alter.relation?.relname ?? "table"}_pkey`;
        context.report({
          messageId: "primaryKey",
          data: { table },
          location: at(visit.statement, constraint),
          help: `CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${table} (${columns}); then ALTER TABLE ${table} ADD CONSTRAINT ${name} PRIMARY KEY USING INDEX ${name};`,
        });
      }
    },
  }),
});
