import type { Statement } from "@confiture/sql";
import { defineRule } from "../../define-rule.js";
import { locksOnExistingRelations } from "../locks.js";
import { docsUrl } from "../support.js";
import { CONTROL_KINDS, TransactionScope } from "../transaction-scope.js";

/** Statements whose time grows with the rows they read or write. */
const ROW_WORK = new Set(["update", "delete", "merge", "copy", "select_for_update"]);

/**
 * Whether a statement reads or writes rows of tables: DML and queries that name a relation. Their
 * time grows with the data, and the lock waits for all of it. A SELECT of no table (`set_config`)
 * and an INSERT of literal VALUES are quick.
 */
function worksOnRows(statement: Statement, node: unknown): boolean {
  if (ROW_WORK.has(statement.kind)) return true;
  if (statement.kind === "select") return statement.relations.length > 0;
  if (statement.kind !== "insert") return false;
  const source = (node as { InsertStmt?: { selectStmt?: { SelectStmt?: { valuesLists?: unknown[] } } } }).InsertStmt?.selectStmt;
  return source?.SelectStmt?.valuesLists === undefined;
}

interface Held {
  relation: string;
  line: number;
  reported: boolean;
}

/**
 * Flags slow work done in a transaction after it took an AccessExclusiveLock on an existing table:
 * the lock is held, and every query on that table blocked, until the transaction ends.
 */
export const noStatementsAfterAccessExclusiveLock = defineRule({
  id: "no-statements-after-access-exclusive-lock",
  version: "1.0.0",
  meta: {
    description: "Disallow slow statements in a transaction after it took an AccessExclusiveLock.",
    severity: "warning",
    messages: {
      heldLock:
        "This statement runs while the transaction still holds the AccessExclusiveLock on {{relation}} taken at line {{line}}: every read and write of {{relation}} waits until COMMIT.",
    },
    docs: docsUrl("no-statements-after-access-exclusive-lock"),
    equivalents: { eugene: "E4" },
  },
  create(context) {
    const scope = new TransactionScope<{ held: Held | undefined }>(() => ({ held: undefined }));
    return {
      statement(visit) {
        const state = scope.current(context.file, visit.session);
        if (state === undefined || CONTROL_KINDS.has(visit.statement.kind)) return;
        const locks = locksOnExistingRelations(visit);
        const held = state.held;
        if (held !== undefined && !held.reported) {
          const waitsOrWorks =
            visit.analysis.scan ||
            visit.analysis.rewrite ||
            worksOnRows(visit.statement, visit.node) ||
            locks.some((lock) => lock.relation !== held.relation);
          if (waitsOrWorks) {
            held.reported = true;
            context.report({
              messageId: "heldLock",
              data: { relation: held.relation, line: held.line },
              help: "Commit right after the statement that takes the AccessExclusiveLock, and run the rest in a later transaction (or migration).",
            });
          }
        }
        const exclusive = locks.find((lock) => lock.mode === "AccessExclusiveLock");
        if (state.held === undefined && exclusive !== undefined)
          state.held = { relation: exclusive.relation, line: visit.statement.start.line, reported: false };
      },
    };
  },
});
