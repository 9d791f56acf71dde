import { lockModeStrength } from "@confiture/sql";
import { defineRule } from "../../define-rule.js";
import { blockingLocks } from "../locks.js";
import { docsUrl } from "../support.js";
import { TransactionScope } from "../transaction-scope.js";

/** Flags a table rewrite in a transaction that already holds write-blocking locks on other tables. */
export const noRewriteWhileHoldingLock = defineRule({
  id: "no-rewrite-while-holding-lock",
  version: "1.0.0",
  meta: {
    description: "Disallow table rewrites in a transaction that already holds locks blocking other tables.",
    severity: "warning",
    messages: {
      rewriteWhileHolding:
        "This statement rewrites {{table}} while the transaction holds a {{mode}} on {{held}} (since line {{line}}): {{held}} stays blocked for the whole rewrite.",
    },
    docs: docsUrl("no-rewrite-while-holding-lock"),
    equivalents: { eugene: "E10" },
  },
  create(context) {
    const scope = new TransactionScope(() => new Map<string, { mode: string; line: number }>());
    return {
      statement(visit) {
        const held = scope.current(context.file, visit.session);
        if (held === undefined) return;
        const locks = blockingLocks(visit);
        if (visit.analysis.rewrite && locks.length > 0) {
          const rewritten = new Set(locks.map((lock) => lock.relation));
          const other = [...held].find(([relation]) => !rewritten.has(relation));
          if (other !== undefined) {
            context.report({
              messageId: "rewriteWhileHolding",
              data: { table: [...rewritten].join(", "), held: other[0], mode: other[1].mode, line: other[1].line },
              help: "Run the rewrite in its own transaction (its own migration), so no other table stays locked while it runs.",
            });
          }
        }
        for (const lock of locks) {
          const previous = held.get(lock.relation);
          if (previous === undefined || lockModeStrength(lock.mode) > lockModeStrength(previous.mode as typeof lock.mode)) {
            held.set(lock.relation, { mode: lock.mode, line: previous?.line ?? visit.statement.start.line });
          }
        }
      },
    };
  },
});
