import type { ColumnModel, SchemaModel, TableModel } from "@confiture/sql";
import { findTable } from "@confiture/sql";
import { defineRule } from "../../define-rule.js";
import { placeOf } from "../schema-places.js";
import { docsUrl } from "../support.js";

/** Types that share one set of operators (varchar and char use text's). */
const FAMILIES: Record<string, string> = { varchar: "text", text: "text", bpchar: "text", name: "text" };

function family(column: ColumnModel): string {
  return `${FAMILIES[column.type] ?? column.type}${column.isArray ? "[]" : ""}`;
}

function describe(column: ColumnModel): string {
  return `${column.type}${column.isArray ? "[]" : ""}`;
}

function referencedTable(schema: SchemaModel, key: string): TableModel | undefined {
  return schema.tables.get(key) ?? findTable(schema, key);
}

/** Flags foreign keys whose columns have other types than the columns they reference. */
export const noImplicitCasts = defineRule({
  id: "no-implicit-casts",
  version: "1.0.0",
  meta: {
    description: "Disallow foreign keys between columns of different types.",
    severity: "warning",
    messages: {
      mismatch:
        "Foreign key {{name}} compares {{table}}.{{column}} ({{type}}) with {{referenced}}.{{referencedColumn}} ({{referencedType}}): every check and join casts one side, and an int4 referencing an int8 overflows first.",
    },
    docs: docsUrl("no-implicit-casts"),
  },
  create: (context) => ({
    schemaEnd(schema) {
      for (const table of schema.tables.values()) {
        for (const constraint of table.constraints) {
          if (constraint.type !== "foreign_key" || constraint.references === undefined) continue;
          const target = referencedTable(schema, constraint.references.table);
          if (target === undefined) continue;
          const referencedColumns =
            constraint.references.columns.length > 0
              ? constraint.references.columns
              : (target.constraints.find((candidate) => candidate.type === "primary_key")?.columns ?? []);
          constraint.columns.forEach((name, position) => {
            const column = table.columns.get(name);
            const referenced = target.columns.get(referencedColumns[position] ?? "");
            if (
              column === undefined ||
              referenced === undefined ||
              column.typeUnknown === true ||
              referenced.typeUnknown === true
            )
              return;
            if (family(column) === family(referenced)) return;
            context.report({
              messageId: "mismatch",
              data: {
                name: constraint.name ?? "(unnamed)",
                table: table.name,
                column: name,
                type: describe(column),
                referenced: target.name,
                referencedColumn: referenced.name,
                referencedType: describe(referenced),
              },
              location: placeOf(constraint.createdAt ?? table.createdAt, context.file),
              help: `Declare ${table.name}.${name} as ${describe(referenced)}.`,
            });
          });
        }
      }
    },
  }),
});
