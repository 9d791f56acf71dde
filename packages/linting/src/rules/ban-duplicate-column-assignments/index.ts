import type { InsertStmt, Node, ResTarget, UpdateStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { at, docsUrl } from "../support.js";

/** The plain column targets of a list (`a`, not `a[1]` or `a.field`, which may repeat). */
function targets(nodes: readonly Node[] | undefined): ResTarget[] {
  return (nodes ?? []).flatMap((node) => {
    const target = nodeOf<ResTarget>(node, "ResTarget");
    return target?.name === undefined || (target.indirection?.length ?? 0) > 0 ? [] : [target];
  });
}

/** Flags INSERT column lists and UPDATE SET lists that name a column twice. */
export const banDuplicateColumnAssignments = defineRule({
  id: "ban-duplicate-column-assignments",
  version: "1.0.0",
  meta: {
    description: "Disallow assigning the same column twice in one INSERT or UPDATE.",
    severity: "error",
    messages: {
      duplicate:
        "Column {{column}} is assigned more than once: PostgreSQL rejects the statement (multiple assignments to same column).",
    },
    docs: docsUrl("ban-duplicate-column-assignments"),
    equivalents: { squawk: "ban-duplicate-column-assignments" },
  },
  create: (context) => ({
    statement({ statement, node }) {
      const update = nodeOf<UpdateStmt>(node, "UpdateStmt");
      const insert = nodeOf<InsertStmt>(node, "InsertStmt");
      const lists = [
        update?.targetList,
        insert?.cols,
        nodeOf<{ targetList?: Node[] }>(insert?.onConflictClause as Node | undefined, "OnConflictClause")?.targetList,
      ];
      for (const list of lists) {
        const found = targets(list);
        const counts = new Map<string, number>();
        for (const target of found) counts.set(target.name ?? "", (counts.get(target.name ?? "") ?? 0) + 1);
        for (const target of found) {
          if ((counts.get(target.name ?? "") ?? 0) < 2) continue;
          context.report({
            messageId: "duplicate",
            data: { column: target.name ?? "" },
            location: at(statement, target),
            help: "Assign each column once.",
          });
        }
      }
    },
  }),
});
