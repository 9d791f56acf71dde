import { defineRule } from "../../define-rule.js";
import { alterTableOf, rangeVarText } from "../ast.js";
import { docsUrl, isCreatedHere } from "../support.js";
import { TransactionScope } from "../transaction-scope.js";

/** Flags a second ALTER TABLE on the same existing table in one transaction. */
export const noMultipleAlterTable = defineRule({
  id: "no-multiple-alter-table",
  version: "1.0.0",
  meta: {
    description:
      "Prefer one ALTER TABLE with several subcommands over several ALTER TABLE statements on one table in a transaction.",
    severity: "info",
    // Mostly noise on real projects (the corpus eval, eval/judged-findings.json): opt in with `preset: all`.
    recommended: false,
    messages: {
      multiple:
        "{{table}} was already altered at line {{line}} in this transaction: one ALTER TABLE with both subcommands scans or rewrites the table once and holds its lock for less time.",
    },
    docs: docsUrl("no-multiple-alter-table"),
    equivalents: { eugene: "W12" },
  },
  create(context) {
    const scope = new TransactionScope(() => new Map<string, number>());
    return {
      statement(visit) {
        const seen = scope.current(context.file, visit.session);
        const alter = alterTableOf(visit.node);
        if (seen === undefined || alter?.objtype !== "OBJECT_TABLE" || isCreatedHere(visit, alter.relation)) return;
        const table = rangeVarText(alter.relation);
        const first = seen.get(table);
        if (first === undefined) {
          seen.set(table, visit.statement.start.line);
          return;
        }
        context.report({
          messageId: "multiple",
          data: { table, line: first },
          help: "Merge the subcommands: ALTER TABLE t ADD COLUMN a text, ADD COLUMN b text;",
        });
      },
    };
  },
});
