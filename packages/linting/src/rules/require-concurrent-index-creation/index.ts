import { findTable } from "@confiture/sql";
import type { IndexStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { insertAfterKeyword } from "../column-types.js";
import { docsUrl, isCreatedHere } from "../support.js";

/** Flags CREATE INDEX without CONCURRENTLY on a table that existed before this file. */
export const requireConcurrentIndexCreation = defineRule({
  id: "require-concurrent-index-creation",
  version: "1.0.0",
  meta: {
    description: "Require CREATE INDEX CONCURRENTLY on existing tables.",
    severity: "warning",
    messages: {
      missingConcurrently:
        "CREATE INDEX on {{table}} takes a ShareLock: inserts, updates and deletes wait until the whole index is built.",
      partitioned:
        "CREATE INDEX on the partitioned table {{table}} locks every partition with a ShareLock while each index is built (CONCURRENTLY is not allowed on a partitioned table).",
    },
    docs: docsUrl("require-concurrent-index-creation"),
    equivalents: { squawk: "require-concurrent-index-creation" },
  },
  create: (context) => ({
    statement(visit) {
      const index = nodeOf<IndexStmt>(visit.node, "IndexStmt");
      if (index === undefined || index.concurrent === true || isCreatedHere(visit, index.relation)) return;
      const table = index.relation?.relname ?? "";
      const model = findTable(context.schema, {
        ...(index.relation?.schemaname === undefined ? {} : { schema: index.relation.schemaname }),
        name: table,
      });
      if (model?.kind === "partitioned_table") {
        context.report({
          messageId: "partitioned",
          data: { table },
          help: "Create the index ON ONLY the parent (invalid at first), build each partition's index CONCURRENTLY, then ALTER INDEX ... ATTACH PARTITION each one.",
        });
        return;
      }
      // CONCURRENTLY ends in the same state with a weaker lock; PostgreSQL refuses it inside a transaction.
      const fixed = insertAfterKeyword(visit.statement, ["index"], " CONCURRENTLY");
      context.report({
        messageId: "missingConcurrently",
        data: { table },
        help: "Use CREATE INDEX CONCURRENTLY, in a migration that does not run inside a transaction.",
        ...(fixed === undefined ? {} : { fix: { text: fixed, safe: !visit.session.inTransaction } }),
      });
    },
  }),
});
