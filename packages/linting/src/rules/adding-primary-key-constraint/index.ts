import { findTable, type SchemaModel } from "@confiture/sql";
import type { AlterTableStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { alterTableOf, rangeVarText, stringsOf } from "../ast.js";
import { addedConstraints } from "../constraints.js";
import { provenNotNull } from "../not-null.js";
import { at, docsUrl, isEmptyHere } from "../support.js";

/**
 * The key columns of the index a `PRIMARY KEY USING INDEX` adopts that the schema model knows may hold
 * NULLs: PostgreSQL sets NOT NULL on them, scanning the table under the AccessExclusiveLock (unless a
 * validated CHECK proves them, from PostgreSQL 12). Empty when the model does not know the index or table.
 */
function nullableKeyColumns(schema: SchemaModel, alter: AlterTableStmt, indexName: string, pgVersion: number): string[] {
  const relation = alter.relation;
  const table = findTable(schema, {
    ...(relation?.schemaname === undefined ? {} : { schema: relation.schemaname }),
    name: relation?.relname ?? "",
  });
  if (table === undefined) return [];
  const index = schema.indexes.get(`${table.schema}.${indexName}`);
  if (index === undefined || index.table !== `${table.schema}.${table.name}`) return [];
  return index.columns.filter((name) => {
    const column = table.columns.get(name);
    return column !== undefined && !column.notNull && !(pgVersion >= 12 && provenNotNull(table, name));
  });
}

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
      nullableKey:
        "PRIMARY KEY USING INDEX {{index}} sets NOT NULL on {{columns}} of {{table}}, which may hold NULLs: the whole table is scanned under an AccessExclusiveLock, and reads and writes wait.",
    },
    docs: docsUrl("adding-primary-key-constraint"),
    equivalents: { squawk: "adding-serial-primary-key-field" },
  },
  create: (context) => ({
    statement(visit) {
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isEmptyHere(visit, alter.relation)) return;
      for (const { constraint, column } of addedConstraints(alter)) {
        if (constraint.contype !== "CONSTR_PRIMARY" || column !== undefined) continue;
        const table = rangeVarText(alter.relation);
        if (constraint.indexname !== undefined) {
          const nullable = nullableKeyColumns(context.schema, alter, constraint.indexname, context.pgVersion);
          if (nullable.length === 0) continue;
          const checks = nullable
            .map((name) => `ADD CONSTRAINT ${name}_not_null CHECK (${name} IS NOT NULL) NOT VALID`)
            .join(", ");
          context.report({
            messageId: "nullableKey",
            data: { table, index: constraint.indexname, columns: nullable.join(", ") },
            location: at(visit.statement, constraint),
            help: `Prove the columns first: ALTER TABLE ${table} ${checks}; then VALIDATE each constraint in its own transaction and SET NOT NULL (PostgreSQL 12+ skips the scan), before adding the primary key.`,
          });
          continue;
        }
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
