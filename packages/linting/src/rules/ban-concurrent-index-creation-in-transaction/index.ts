import { defineRule } from "../../define-rule.js";
import { docsUrl } from "../support.js";

const CONCURRENT_KINDS: Record<string, string> = {
  create_index_concurrently: "CREATE INDEX CONCURRENTLY",
  drop_index_concurrently: "DROP INDEX CONCURRENTLY",
  reindex_concurrently: "REINDEX CONCURRENTLY",
  detach_partition_concurrently: "DETACH PARTITION CONCURRENTLY",
};

/** Flags CONCURRENTLY operations inside a transaction block, where PostgreSQL refuses them. */
export const banConcurrentIndexCreationInTransaction = defineRule({
  id: "ban-concurrent-index-creation-in-transaction",
  version: "1.0.0",
  meta: {
    description: "Disallow CONCURRENTLY index operations inside a transaction.",
    severity: "error",
    messages: {
      inTransaction: "{{operation}} cannot run inside a transaction block: PostgreSQL fails the migration.",
      inRunnerTransaction:
        "{{operation}} cannot run inside a transaction block, and the migration runner wraps this file in one.",
    },
    docs: docsUrl("ban-concurrent-index-creation-in-transaction"),
    equivalents: { squawk: "ban-concurrent-index-creation-in-transaction" },
  },
  create: (context) => ({
    statement({ statement, session }) {
      const operation = CONCURRENT_KINDS[statement.kind];
      if (operation === undefined || !session.inTransaction) return;
      context.report({
        messageId: session.inExplicitTransaction ? "inTransaction" : "inRunnerTransaction",
        data: { operation },
        help: session.inExplicitTransaction
          ? "Move it after COMMIT, into its own migration."
          : "Put it in its own migration file marked `-- confiture: no-transaction` (or configure the runner not to wrap it).",
      });
    },
  }),
});
