import type { TransactionStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { docsUrl } from "../support.js";

const BEGINS = new Set(["TRANS_STMT_BEGIN", "TRANS_STMT_START"]);
const ENDS = new Set(["TRANS_STMT_COMMIT", "TRANS_STMT_ROLLBACK"]);

/** Flags BEGIN inside a transaction, and COMMIT/ROLLBACK of the transaction the runner owns. */
export const transactionNesting = defineRule({
  id: "transaction-nesting",
  version: "1.0.0",
  meta: {
    description: "Disallow nested transactions and ending the runner's transaction.",
    severity: "error",
    messages: {
      nestedBegin:
        "BEGIN inside a transaction is ignored (PostgreSQL only warns): the next COMMIT ends the outer transaction early.",
      runnerBegin:
        "The migration runner already wraps this file in a transaction: this BEGIN is ignored and the COMMIT after it ends the runner's transaction.",
      runnerEnd:
        "{{command}} ends the transaction the migration runner opened for this file: the statements after it run outside any transaction and the runner's own COMMIT has nothing to commit.",
    },
    docs: docsUrl("transaction-nesting"),
    equivalents: { squawk: "transaction-nesting" },
  },
  create: (context) => ({
    statement({ node, session }) {
      const transaction = nodeOf<TransactionStmt>(node, "TransactionStmt");
      if (transaction === undefined) return;
      const kind = transaction.kind ?? "";
      const help =
        "Remove BEGIN/COMMIT from the file and let the runner own the transaction, or mark the file `-- confiture: no-transaction`.";
      if (BEGINS.has(kind)) {
        if (session.inExplicitTransaction)
          context.report({ messageId: "nestedBegin", help: "Remove the inner BEGIN (use SAVEPOINT for a nested unit)." });
        else if (session.inRunnerTransaction === true) context.report({ messageId: "runnerBegin", help });
      } else if (ENDS.has(kind) && session.inRunnerTransaction === true) {
        // Inside the runner's transaction a BEGIN was ignored, so any COMMIT or ROLLBACK ends the runner's one.
        context.report({ messageId: "runnerEnd", data: { command: kind === "TRANS_STMT_COMMIT" ? "COMMIT" : "ROLLBACK" }, help });
      }
    },
  }),
});
