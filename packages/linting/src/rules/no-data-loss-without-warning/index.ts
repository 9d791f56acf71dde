import type { DeleteStmt, DropStmt, UpdateStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { docsUrl, isDownMigration, targetsOnlyNewTables } from "../support.js";

/** What destroys data, by what the statement is. */
function destruction(node: unknown, kind: string): string | undefined {
  if (kind === "truncate") return "TRUNCATE deletes every row";
  const remove = nodeOf<DeleteStmt>(node, "DeleteStmt");
  if (remove !== undefined && remove.whereClause === undefined) return "DELETE without WHERE deletes every row";
  const update = nodeOf<UpdateStmt>(node, "UpdateStmt");
  if (update !== undefined && update.whereClause === undefined) return "UPDATE without WHERE overwrites the column in every row";
  const drop = nodeOf<DropStmt>(node, "DropStmt");
  if (drop?.removeType === "OBJECT_SCHEMA") return "DROP SCHEMA deletes every object in the schema";
  if (drop?.behavior === "DROP_CASCADE") return "DROP ... CASCADE also drops every object that depends on it";
  if (drop?.removeType === "OBJECT_SEQUENCE") return "DROP SEQUENCE loses the sequence's current value";
  return undefined;
}

/**
 * Flags statements that destroy data which no later migration can bring back, so that each one is
 * acknowledged with a suppression comment that gives the reason.
 */
export const noDataLossWithoutWarning = defineRule({
  id: "no-data-loss-without-warning",
  version: "1.0.0",
  meta: {
    description: "Require destructive statements to be acknowledged explicitly.",
    severity: "error",
    messages: {
      dataLoss:
        "{{what}}: the data cannot be recovered by a down migration. Acknowledge it with -- confiture-ignore-next-line no-data-loss-without-warning -- <reason>.",
    },
    docs: docsUrl("no-data-loss-without-warning"),
  },
  create: (context) => ({
    statement(visit) {
      if (isDownMigration(context)) return;
      const what = destruction(visit.node, visit.statement.kind);
      if (what === undefined || targetsOnlyNewTables(visit)) return;
      context.report({
        messageId: "dataLoss",
        data: { what },
        help: "Take a backup or copy the data first, and say why the loss is intended in the suppression comment.",
      });
    },
  }),
});
