import type { IndexModel, SchemaModel, TableModel } from "@confiture/sql";
import { defineRule } from "../../define-rule.js";
import { placeOf } from "../schema-places.js";
import { docsUrl } from "../support.js";

/** Whether an index's leading columns are exactly the foreign key's columns, in any order. */
function covers(index: IndexModel, columns: readonly string[]): boolean {
  if (index.where !== undefined || index.columns.length < columns.length) return false;
  const leading = new Set(index.columns.slice(0, columns.length));
  return columns.every((column) => leading.has(column));
}

function indexesOf(schema: SchemaModel, table: TableModel): IndexModel[] {
  return table.indexes.flatMap((key) => {
    const index = schema.indexes.get(key);
    return index === undefined ? [] : [index];
  });
}

/** Flags foreign keys whose referencing columns no index leads with. */
export const requireForeignKeyIndex = defineRule({
  id: "require-foreign-key-index",
  version: "1.0.0",
  meta: {
    description: "Require an index on the referencing columns of every foreign key.",
    severity: "warning",
    messages: {
      missingIndex:
        "No index starts with ({{columns}}) on {{table}}: each DELETE or key UPDATE on {{referenced}} scans {{table}} in full to check foreign key {{name}}, under a lock.",
    },
    docs: docsUrl("require-foreign-key-index"),
  },
  create: (context) => ({
    schemaEnd(schema) {
      for (const table of schema.tables.values()) {
        if (!table.createdInMigrations || table.kind === "view" || table.kind === "materialized_view") continue;
        const indexes = indexesOf(schema, table);
        for (const constraint of table.constraints) {
          if (constraint.type !== "foreign_key" || constraint.columns.length === 0) continue;
          if (indexes.some((index) => covers(index, constraint.columns))) continue;
          const columns = constraint.columns.join(", ");
          context.report({
            messageId: "missingIndex",
            data: {
              columns,
              table: table.name,
              referenced: constraint.references?.table ?? "the referenced table",
              name: constraint.name ?? "(unnamed)",
            },
            location: placeOf(constraint.createdAt ?? table.createdAt, context.file),
            help: `CREATE INDEX CONCURRENTLY ${table.name}_${constraint.columns.join("_")}_idx ON ${table.name} (${columns});`,
          });
        }
      }
    },
  }),
});
