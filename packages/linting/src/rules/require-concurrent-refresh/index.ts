import { defineRule } from "../../define-rule.js";
import { insertAfterKeyword } from "../column-types.js";
import { docsUrl } from "../support.js";

/** Flags REFRESH MATERIALIZED VIEW without CONCURRENTLY. */
export const requireConcurrentRefresh = defineRule({
  id: "require-concurrent-refresh",
  version: "1.0.0",
  meta: {
    description: "Require REFRESH MATERIALIZED VIEW CONCURRENTLY.",
    severity: "warning",
    messages: {
      missingConcurrently:
        "REFRESH MATERIALIZED VIEW {{view}} takes an AccessExclusiveLock: every read of the view waits until the query behind it has run again.",
    },
    docs: docsUrl("require-concurrent-refresh"),
    equivalents: { pgfence: "refresh-materialized-view" },
  },
  create: (context) => ({
    statement(visit) {
      if (visit.statement.kind !== "refresh_materialized_view") return;
      // WITH NO DATA runs no query (it empties the view) and PostgreSQL rejects it with CONCURRENTLY.
      if ((visit.node as { RefreshMatViewStmt?: { skipData?: boolean } }).RefreshMatViewStmt?.skipData === true) return;
      const view = visit.statement.relations.find((relation) => relation.role === "target");
      if (view === undefined || visit.createdInFile.has(view.schema === undefined ? view.name : `${view.schema}.${view.name}`))
        return;
      const fixed = insertAfterKeyword(visit.statement, ["view"], " CONCURRENTLY");
      context.report({
        messageId: "missingConcurrently",
        data: { view: view.name },
        help: "Use REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index on the view and lets reads continue).",
        ...(fixed === undefined ? {} : { fix: { text: fixed } }),
      });
    },
  }),
});
