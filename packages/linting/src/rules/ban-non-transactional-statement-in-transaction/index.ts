import { defineRule } from "../../define-rule.js";
import { docsUrl } from "../support.js";

/** Kinds other rules already report when they run in a transaction. */
const COVERED = new Set([
  "create_index_concurrently",
  "drop_index_concurrently",
  "reindex_concurrently",
  "detach_partition_concurrently",
  "add_enum_value",
]);

/** Flags statements PostgreSQL refuses inside a transaction block (VACUUM, CREATE DATABASE, ...). */
export const banNonTransactionalStatementInTransaction = defineRule({
  id: "ban-non-transactional-statement-in-transaction",
  version: "1.0.0",
  meta: {
    description: "Disallow statements that cannot run inside a transaction block in a transaction.",
    severity: "error",
    messages: { nonTransactional: "{{kind}} cannot run inside a transaction block: the migration fails at deploy time." },
    docs: docsUrl("ban-non-transactional-statement-in-transaction"),
  },
  create: (context) => ({
    statement({ statement, analysis, session }) {
      if (analysis.transactional || !session.inTransaction || COVERED.has(statement.kind)) return;
      context.report({
        messageId: "nonTransactional",
        data: { kind: statement.kind.replaceAll("_", " ").toUpperCase() },
        help: "Move it to its own migration file marked `-- confiture: no-transaction`.",
      });
    },
  }),
});
