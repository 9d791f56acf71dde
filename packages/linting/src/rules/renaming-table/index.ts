import type { RenameStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { at, docsUrl, isCreatedHere } from "../support.js";

/** Flags ALTER TABLE ... RENAME TO on an existing table. */
export const renamingTable = defineRule({
  id: "renaming-table",
  version: "1.0.0",
  meta: {
    description: "Disallow renaming tables that clients use.",
    severity: "warning",
    messages: { renameTable: "Renaming table {{table}} to {{name}} breaks every deployed client that uses the old name." },
    docs: docsUrl("renaming-table"),
    equivalents: { squawk: "renaming-table" },
  },
  create: (context) => ({
    statement(visit) {
      const rename = nodeOf<RenameStmt>(visit.node, "RenameStmt");
      if (rename?.renameType !== "OBJECT_TABLE" || isCreatedHere(visit, rename.relation)) return;
      context.report({
        messageId: "renameTable",
        data: { table: rename.relation?.relname ?? "", name: rename.newname ?? "" },
        location: at(visit.statement, rename.relation),
        help: "Rename the table and leave an updatable view under the old name until every client moved: ALTER TABLE {{table}} RENAME TO {{name}}; CREATE VIEW {{table}} AS SELECT * FROM {{name}};",
      });
    },
  }),
});
