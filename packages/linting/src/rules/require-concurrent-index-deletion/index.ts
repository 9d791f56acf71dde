import type { DropStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { insertAfterKeyword } from "../column-types.js";
import { docsUrl } from "../support.js";

/** Flags DROP INDEX without CONCURRENTLY on an index of an existing table. */
export const requireConcurrentIndexDeletion = defineRule({
  id: "require-concurrent-index-deletion",
  version: "1.0.0",
  meta: {
    description: "Require DROP INDEX CONCURRENTLY.",
    severity: "warning",
    messages: {
      missingConcurrently:
        "DROP INDEX {{index}} takes an AccessExclusiveLock on its table: reads and writes wait while it waits for running queries.",
    },
    docs: docsUrl("require-concurrent-index-deletion"),
    equivalents: { squawk: "require-concurrent-index-deletion" },
  },
  create: (context) => ({
    statement(visit) {
      const drop = nodeOf<DropStmt>(visit.node, "DropStmt");
      if (drop?.removeType !== "OBJECT_INDEX" || drop.concurrent === true) return;
      const indexes = visit.statement.relations.filter((relation) => relation.role === "target");
      const onOldTables = indexes.filter((relation) => {
        const index = context.schema.indexes.get(`${relation.schema ?? "public"}.${relation.name}`);
        return index === undefined || !visit.createdInFile.has(index.table);
      });
      if (onOldTables.length === 0) return;
      // CONCURRENTLY ends in the same state with a weaker lock; PostgreSQL refuses it inside a transaction.
      const fixed = indexes.length === 1 ? insertAfterKeyword(visit.statement, ["index"], " CONCURRENTLY") : undefined;
      context.report({
        messageId: "missingConcurrently",
        data: { index: onOldTables.map((relation) => relation.name).join(", ") },
        help: "Use DROP INDEX CONCURRENTLY (one index per statement, outside a transaction).",
        ...(fixed === undefined ? {} : { fix: { text: fixed, safe: !visit.session.inTransaction } }),
      });
    },
  }),
});
