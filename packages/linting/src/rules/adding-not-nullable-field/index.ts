import { findTable, type TableModel } from "@confiture/sql";
import { defineRule } from "../../define-rule.js";
import { alterCommands, alterTableOf, rangeVarText } from "../ast.js";
import { docsUrl, isCreatedHere } from "../support.js";
import { lazySubcommandPlaces } from "../subcommands.js";

/** `(a IS NOT NULL)`, `"a" is not null` -> `a is not null`: compares deparsed CHECK expressions. */
function normalise(expression: string): string {
  return expression
    .replaceAll(/[()"\s]+/g, " ")
    .trim()
    .toLowerCase();
}

/** Whether a validated constraint already proves the column has no NULLs (PostgreSQL 12+ then skips the scan). */
function provenNotNull(table: TableModel | undefined, column: string): boolean {
  if (table === undefined) return false;
  const wanted = normalise(`${column} IS NOT NULL`);
  return table.constraints.some(
    (constraint) =>
      constraint.validated &&
      ((constraint.type === "check" && constraint.expression !== undefined && normalise(constraint.expression) === wanted) ||
        (constraint.type === "not_null" && constraint.columns.includes(column))),
  );
}

/** Flags ALTER COLUMN ... SET NOT NULL on existing tables unless a validated CHECK proves it (PostgreSQL 12+). */
export const addingNotNullableField = defineRule({
  id: "adding-not-nullable-field",
  version: "1.0.0",
  meta: {
    description: "Require a validated CHECK (column IS NOT NULL) before SET NOT NULL on existing tables.",
    severity: "warning",
    messages: {
      setNotNull:
        "SET NOT NULL on {{table}}.{{column}} scans the whole table under an AccessExclusiveLock: reads and writes wait for the scan.",
      beforeTwelve:
        "SET NOT NULL on {{table}}.{{column}} scans the whole table under an AccessExclusiveLock, and PostgreSQL {{version}} cannot skip the scan.",
    },
    docs: docsUrl("adding-not-nullable-field"),
    equivalents: { squawk: "adding-not-nullable-field", eugene: "E2" },
  },
  create: (context) => ({
    statement(visit) {
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isCreatedHere(visit, alter.relation)) return;
      // Most ALTER TABLEs do something else: skip the table lookup for them.
      if (!alterCommands(alter).some((command) => command.subtype === "AT_SetNotNull")) return;
      const table = rangeVarText(alter.relation);
      const model = findTable(context.schema, {
        ...(alter.relation?.schemaname === undefined ? {} : { schema: alter.relation.schemaname }),
        name: alter.relation?.relname ?? "",
      });
      const places = lazySubcommandPlaces(visit.statement, alter);
      for (const [position, command] of alterCommands(alter).entries()) {
        if (command.subtype !== "AT_SetNotNull") continue;
        const column = command.name ?? "";
        if (context.pgVersion < 12) {
          context.report({
            messageId: "beforeTwelve",
            ...(places()[position] === undefined ? {} : { location: places()[position] }),
            data: { table, column, version: context.pgVersion },
            help: "Run it in a quiet period with a short lock_timeout, or upgrade to PostgreSQL 12+.",
          });
          continue;
        }
        if (provenNotNull(model, column)) continue;
        const check = `${alter.relation?.relname ?? "table"}_${column}_not_null`;
        context.report({
          messageId: "setNotNull",
          ...(places()[position] === undefined ? {} : { location: places()[position] }),
          data: { table, column },
          help: `ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${column} IS NOT NULL) NOT VALID; then, in another transaction, ALTER TABLE ${table} VALIDATE CONSTRAINT ${check}; ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL; ALTER TABLE ${table} DROP CONSTRAINT ${check};`,
        });
      }
    },
  }),
});
