import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { findTable } from "@confiture/sql";
import type { DropStmt } from "@pgsql/types";
import { docsUrl, isCreatedHere, undoesOwnUp } from "../support.js";

/** Flags DROP TABLE of a table that existed before this file. */
export const banDropTable = defineRule({
  id: "ban-drop-table",
  version: "1.0.0",
  meta: {
    description: "Disallow dropping tables that clients may still use.",
    severity: "warning",
    messages: {
      dropTable:
        "DROP TABLE {{table}} deletes its rows and breaks every client that still reads or writes it; it waits for an AccessExclusiveLock that blocks all reads and writes.",
    },
    docs: docsUrl("ban-drop-table"),
    equivalents: { squawk: "ban-drop-table" },
  },
  create: (context) => ({
    statement(visit) {
      const drop = nodeOf<DropStmt>(visit.node, "DropStmt");
      if (drop?.removeType !== "OBJECT_TABLE") return;
      for (const relation of visit.statement.relations) {
        if (relation.role !== "target" || isCreatedHere(visit, relation)) continue;
        if (undoesOwnUp(context, findTable(context.schema, relation)?.createdAt?.file)) continue;
        context.report({
          messageId: "dropTable",
          data: { table: relation.schema === undefined ? relation.name : `${relation.schema}.${relation.name}` },
          help: "Stop every reader and writer first (deploy the code change), then drop the table in a later migration.",
        });
      }
    },
  }),
});
