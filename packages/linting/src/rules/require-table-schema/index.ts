import type { AlterTableStmt, CreateStmt, DropStmt, RangeVar, RenameStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { at, docsUrl } from "../support.js";

/** Flags CREATE, ALTER and DROP TABLE with a table name that has no schema. */
export const requireTableSchema = defineRule({
  id: "require-table-schema",
  version: "1.0.0",
  meta: {
    description: "Require schema-qualified table names in CREATE, ALTER (including RENAME) and DROP TABLE.",
    severity: "warning",
    messages: {
      unqualified: "Table {{table}} is not schema-qualified: it resolves through the search_path of whoever runs the migration.",
    },
    docs: docsUrl("require-table-schema"),
    equivalents: { squawk: "require-table-schema" },
    // Opt-in, as in squawk: most projects rely on one schema.
    recommended: false,
  },
  create: (context) => ({
    statement({ statement, node }) {
      const relations: RangeVar[] = [];
      const create = nodeOf<CreateStmt>(node, "CreateStmt");
      if (create?.relation !== undefined && create.relation.relpersistence !== "t") relations.push(create.relation);
      const alter = nodeOf<AlterTableStmt>(node, "AlterTableStmt");
      if (alter?.relation !== undefined && alter.objtype === "OBJECT_TABLE") relations.push(alter.relation);
      const rename = nodeOf<RenameStmt>(node, "RenameStmt");
      const renamesTable =
        rename?.renameType === "OBJECT_TABLE" ||
        rename?.renameType === "OBJECT_TABCONSTRAINT" ||
        (rename?.renameType === "OBJECT_COLUMN" && rename.relationType === "OBJECT_TABLE");
      if (rename?.relation !== undefined && renamesTable) relations.push(rename.relation);
      const drop = nodeOf<DropStmt>(node, "DropStmt");
      if (drop?.removeType === "OBJECT_TABLE") {
        for (const relation of statement.relations) {
          if (relation.schema === undefined)
            context.report({
              messageId: "unqualified",
              data: { table: relation.name },
              help: `Write public.${relation.name} (or the schema it lives in).`,
            });
        }
      }
      for (const relation of relations) {
        if (relation.schemaname !== undefined) continue;
        context.report({
          messageId: "unqualified",
          data: { table: relation.relname ?? "" },
          location: at(statement, relation),
          help: `Write public.${relation.relname ?? ""} (or the schema it belongs in).`,
        });
      }
    },
  }),
});
