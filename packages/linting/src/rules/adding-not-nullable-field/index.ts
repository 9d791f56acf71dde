import { defineRule } from "../../define-rule.js";
import { provenNotNull } from "../not-null.js";
import { subcommandsOnExistingTable } from "../subcommands.js";
import { docsUrl } from "../support.js";

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
      const found = subcommandsOnExistingTable(visit, context.schema, "AT_SetNotNull");
      if (found === undefined) return;
      const { table, model } = found;
      for (const { command, location } of found.matches) {
        const column = command.name ?? "";
        if (context.pgVersion < 12) {
          context.report({
            messageId: "beforeTwelve",
            ...(location === undefined ? {} : { location }),
            data: { table, column, version: context.pgVersion },
            help: "Run it in a quiet period with a short lock_timeout, or upgrade to PostgreSQL 12+.",
          });
          continue;
        }
        if (provenNotNull(model, column)) continue;
        const check = `${found.relation}_${column}_not_null`;
        context.report({
          messageId: "setNotNull",
          ...(location === undefined ? {} : { location }),
          data: { table, column },
          help: `ALTER TABLE ${table} ADD CONSTRAINT ${check} CHECK (${column} IS NOT NULL) NOT VALID; then, in another transaction, ALTER TABLE ${table} VALIDATE CONSTRAINT ${check}; ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL; ALTER TABLE ${table} DROP CONSTRAINT ${check};`,
        });
      }
    },
  }),
});
