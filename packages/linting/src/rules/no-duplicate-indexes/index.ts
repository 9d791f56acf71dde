import type { IndexModel } from "@confiture/sql";
import { defineRule } from "../../define-rule.js";
import { placeOf } from "../schema-places.js";
import { docsUrl } from "../support.js";

/** What makes two indexes answer the same lookups. */
function signature(index: IndexModel): string {
  return JSON.stringify([
    index.method,
    index.columns,
    index.expressions,
    index.where ?? "",
    index.include ?? [],
    index.nullsNotDistinct === true,
  ]);
}

function isPlainBtree(index: IndexModel): boolean {
  return index.method === "btree" && index.expressions.length === 0 && index.where === undefined;
}

/** A non-unique plain btree index whose columns lead another plain btree index is redundant. */
function isPrefixOf(shorter: IndexModel, longer: IndexModel): boolean {
  if (!isPlainBtree(shorter) || !isPlainBtree(longer) || shorter.unique || shorter.columns.length >= longer.columns.length)
    return false;
  return shorter.columns.every((column, position) => longer.columns[position] === column);
}

function order(index: IndexModel): [string, number] {
  return [index.createdAt?.file ?? "", index.createdAt?.line ?? 0];
}

/** Flags indexes that duplicate another index of the same table, or are a leading prefix of one. */
export const noDuplicateIndexes = defineRule({
  id: "no-duplicate-indexes",
  version: "1.0.0",
  meta: {
    description: "Disallow indexes that duplicate or are covered by another index of the same table.",
    severity: "error",
    messages: {
      duplicate:
        "Index {{index}} duplicates {{other}} on {{table}} (same method, columns and predicate): it slows every write and doubles the storage for nothing.",
      covered:
        "Index {{index}} on ({{columns}}) is a leading prefix of {{other}}: {{other}} already serves these lookups, so {{index}} only slows writes.",
    },
    docs: docsUrl("no-duplicate-indexes"),
  },
  create: (context) => ({
    schemaEnd(schema) {
      const byTable = new Map<string, IndexModel[]>();
      for (const index of schema.indexes.values()) {
        if (index.createdAt === undefined) continue;
        byTable.set(index.table, [...(byTable.get(index.table) ?? []), index]);
      }
      for (const [table, indexes] of byTable) {
        const sorted = [...indexes].sort(
          (left, right) => order(left)[0].localeCompare(order(right)[0]) || order(left)[1] - order(right)[1],
        );
        const reported = new Set<string>();
        sorted.forEach((index, position) => {
          const earlier = sorted
            .slice(0, position)
            .find((other) => signature(other) === signature(index) && !(index.unique && !other.unique));
          const covering = sorted.find((other) => other !== index && isPrefixOf(index, other));
          const name = table.startsWith("public.") ? table.slice(7) : table;
          if (earlier !== undefined && index.constraint === undefined) {
            reported.add(index.name);
            context.report({
              messageId: "duplicate",
              data: { index: index.name, other: earlier.name, table: name },
              location: placeOf(index.createdAt, context.file),
              help: `DROP INDEX CONCURRENTLY ${index.name};`,
            });
          } else if (covering !== undefined && index.constraint === undefined && !reported.has(index.name)) {
            context.report({
              messageId: "covered",
              data: { index: index.name, columns: index.columns.join(", "), other: covering.name },
              location: placeOf(index.createdAt, context.file),
              help: `DROP INDEX CONCURRENTLY ${index.name};`,
            });
          }
        });
      }
    },
  }),
});
