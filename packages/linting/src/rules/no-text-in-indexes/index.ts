import { findTable } from "@confiture/sql";
import type { IndexElem, IndexStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { at, docsUrl } from "../support.js";

/** Flags btree indexes on unbounded text, bytea or varchar columns. */
export const noTextInIndexes = defineRule({
  id: "no-text-in-indexes",
  version: "1.0.0",
  meta: {
    description: "Disallow btree indexes on unbounded text columns.",
    severity: "warning",
    messages: {
      unbounded:
        'Column {{column}} ({{type}}) has no length limit: a value longer than about 2,700 bytes makes every insert or update of that row fail with "index row size exceeds btree maximum".',
    },
    docs: docsUrl("no-text-in-indexes"),
    // Most text columns hold short values; enable it where long values are possible.
    recommended: false,
  },
  create: (context) => ({
    statement({ statement, node }) {
      const index = nodeOf<IndexStmt>(node, "IndexStmt");
      if (index === undefined || (index.accessMethod ?? "btree") !== "btree") return;
      const table = findTable(context.schema, {
        ...(index.relation?.schemaname === undefined ? {} : { schema: index.relation.schemaname }),
        name: index.relation?.relname ?? "",
      });
      if (table === undefined) return;
      for (const parameter of index.indexParams ?? []) {
        const element = nodeOf<IndexElem>(parameter, "IndexElem");
        const column = element?.name === undefined ? undefined : table.columns.get(element.name);
        if (column === undefined || column.isArray) continue;
        const unbounded =
          column.type === "text" || column.type === "bytea" || (column.type === "varchar" && column.typeModifiers.length === 0);
        if (!unbounded) continue;
        context.report({
          messageId: "unbounded",
          data: { column: column.name, type: column.type },
          location: at(statement, index.relation),
          help: `Bound the column (CHECK (octet_length(${column.name}) <= 2000)), or index a hash of it: CREATE INDEX ... USING hash (${column.name}), or (md5(${column.name})).`,
        });
      }
    },
  }),
});
