import { type LockMode, lockModeStrength, lockModesConflict } from "@confiture/sql";
import { defineRule } from "../../define-rule.js";
import { locksOnExistingRelations } from "../locks.js";
import { docsUrl } from "../support.js";
import { TransactionScope } from "../transaction-scope.js";

/**
 * Flags a statement that asks for a stronger lock on a relation the transaction already holds a
 * weaker, conflicting lock on: two sessions doing the same deadlock.
 */
export const noLockUpgrade = defineRule({
  id: "no-lock-upgrade",
  version: "1.0.0",
  meta: {
    description: "Disallow upgrading a lock the transaction already holds to a stronger, conflicting mode.",
    severity: "warning",
    messages: {
      upgrade:
        "The transaction already holds a {{held}} on {{relation}} (line {{line}}) and now asks for a {{requested}}: it waits for other holders of weaker locks, and two sessions doing this deadlock.",
    },
    docs: docsUrl("no-lock-upgrade"),
    equivalents: { pgfence: "lock-upgrade" },
  },
  create(context) {
    const scope = new TransactionScope(() => new Map<string, { mode: LockMode; line: number }>());
    return {
      statement(visit) {
        const held = scope.current(context.file, visit.session);
        if (held === undefined) return;
        for (const lock of locksOnExistingRelations(visit)) {
          const previous = held.get(lock.relation);
          if (
            previous !== undefined &&
            lockModeStrength(lock.mode) > lockModeStrength(previous.mode) &&
            lockModesConflict(previous.mode, lock.mode)
          ) {
            context.report({
              messageId: "upgrade",
              data: { held: previous.mode, relation: lock.relation, line: previous.line, requested: lock.mode },
              help: `Take the strongest lock first (e.g. LOCK TABLE ${lock.relation} IN ${lock.mode
                .replace(/Lock$/, "")
                .replace(/([a-z])([A-Z])/g, "$1 $2")
                .toUpperCase()} MODE at the start of the transaction), or move the reads after the DDL.`,
            });
          }
          if (previous === undefined || lockModeStrength(lock.mode) > lockModeStrength(previous.mode)) {
            held.set(lock.relation, { mode: lock.mode, line: visit.statement.start.line });
          }
        }
      },
    };
  },
});
