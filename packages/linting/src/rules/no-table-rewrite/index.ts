import { subcommandKinds } from "@confiture/sql";
import { defineRule } from "../../define-rule.js";
import { blockingLocks } from "../locks.js";
import { docsUrl } from "../support.js";

/** Rewrites reported by a more specific rule (changing-column-type, adding-field-with-default, prefer-repack). */
const COVERED = new Set(["alter_column_type", "add_column", "vacuum_full", "cluster"]);

/** Flags any other statement the lock model says rewrites an existing table (SET TABLESPACE, SET LOGGED, ...). */
export const noTableRewrite = defineRule({
  id: "no-table-rewrite",
  version: "1.0.0",
  meta: {
    description: "Disallow statements that rewrite an existing table under an AccessExclusiveLock.",
    severity: "warning",
    messages: {
      rewrite:
        "This statement rewrites {{table}} and its indexes while holding an AccessExclusiveLock: reads and writes wait for the whole rewrite. {{note}}",
    },
    docs: docsUrl("no-table-rewrite"),
    equivalents: { pgfence: "table-rewrite" },
  },
  create: (context) => ({
    statement(visit) {
      if (!visit.analysis.rewrite || subcommandKinds(visit.statement).some((kind) => COVERED.has(kind))) return;
      const locks = blockingLocks(visit);
      if (locks.length === 0) return;
      context.report({
        messageId: "rewrite",
        data: { table: locks.map((lock) => lock.relation).join(", "), note: visit.analysis.notes[0] ?? "" },
        help: "Rebuild online instead (pg_repack, or a new table filled in batches and swapped), or run it in a maintenance window.",
      });
    },
  }),
});
