import type { RenameStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { at, docsUrl, isCreatedHere, isDownMigration } from "../support.js";

/** Flags ALTER TABLE ... RENAME COLUMN on an existing table. */
export const renamingColumn = defineRule({
  id: "renaming-column",
  version: "1.0.0",
  meta: {
    description: "Disallow renaming columns that clients use.",
    severity: "warning",
    messages: { renameColumn: "Renaming {{table}}.{{column}} to {{name}} breaks every deployed client that uses the old name." },
    docs: docsUrl("renaming-column"),
    equivalents: { squawk: "renaming-column" },
  },
  create: (context) => ({
    statement(visit) {
      // A down migration puts back the shape the up file changed: that is its job, not a break of clients.
      if (isDownMigration(context)) return;
      const rename = nodeOf<RenameStmt>(visit.node, "RenameStmt");
      if (rename?.renameType !== "OBJECT_COLUMN" || isCreatedHere(visit, rename.relation)) return;
      context.report({
        messageId: "renameColumn",
        data: { table: rename.relation?.relname ?? "", column: rename.subname ?? "", name: rename.newname ?? "" },
        location: at(visit.statement, rename.relation),
        help: "Add the new column, write both, backfill, move readers, then drop the old column.",
      });
    },
  }),
});
