import type { ReindexStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf, optionIsOn } from "../ast.js";
import { insertAfterKeyword } from "../column-types.js";
import { docsUrl, targetsOnlyNewTables } from "../support.js";

/** Flags REINDEX without CONCURRENTLY (PostgreSQL 12+, where the option exists). */
export const requireConcurrentReindex = defineRule({
  id: "require-concurrent-reindex",
  version: "1.0.0",
  meta: {
    description: "Require REINDEX CONCURRENTLY.",
    severity: "warning",
    messages: {
      missingConcurrently:
        "REINDEX without CONCURRENTLY blocks writes to the table and every query that would use the index until the rebuild ends.",
      beforeTwelve: "REINDEX blocks writes and index use until it ends, and PostgreSQL {{version}} has no REINDEX CONCURRENTLY.",
    },
    docs: docsUrl("require-concurrent-reindex"),
    equivalents: { squawk: "require-concurrent-reindex" },
  },
  create: (context) => ({
    statement(visit) {
      const reindex = nodeOf<ReindexStmt>(visit.node, "ReindexStmt");
      if (reindex === undefined || optionIsOn(reindex.params, "concurrently") || targetsOnlyNewTables(visit)) return;
      if (context.pgVersion < 12) {
        context.report({
          messageId: "beforeTwelve",
          data: { version: context.pgVersion },
          help: "Build a replacement with CREATE INDEX CONCURRENTLY, then DROP INDEX CONCURRENTLY the old one and rename.",
        });
        return;
      }
      // CONCURRENTLY ends in the same state with a weaker lock; PostgreSQL refuses it inside a transaction.
      const fixed = insertAfterKeyword(visit.statement, ["index", "table", "schema", "database", "system"], " CONCURRENTLY");
      context.report({
        messageId: "missingConcurrently",
        help: "Use REINDEX ... CONCURRENTLY outside a transaction.",
        ...(fixed === undefined ? {} : { fix: { text: fixed, safe: !visit.session.inTransaction } }),
      });
    },
  }),
});
