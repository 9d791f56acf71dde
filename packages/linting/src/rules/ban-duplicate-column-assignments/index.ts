import type { InsertStmt, Node, ResTarget, UpdateStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { alterCommands, alterTableOf, commandColumn, createTableColumns, nodeOf } from "../ast.js";
import { at, docsUrl } from "../support.js";

interface Named {
  name: string;
  location?: number | undefined;
}

/** The plain column targets of a list (`a`, not `a[1]` or `a.field`, which may repeat). */
function targets(nodes: readonly Node[] | undefined): Named[] {
  return (nodes ?? []).flatMap((node) => {
    const target = nodeOf<ResTarget>(node, "ResTarget");
    return target?.name === undefined || (target.indirection?.length ?? 0) > 0
      ? []
      : [{ name: target.name, location: target.location }];
  });
}

/** The columns a CREATE TABLE or ALTER TABLE ... ADD COLUMN defines. */
function definitions(node: Node): Named[] {
  const create = nodeOf<Parameters<typeof createTableColumns>[0]>(node, "CreateStmt");
  const columns =
    create !== undefined
      ? createTableColumns(create)
      : alterCommands(alterTableOf(node)).flatMap((command) => commandColumn(command) ?? []);
  return columns.flatMap((column) => (column.colname === undefined ? [] : [{ name: column.colname, location: column.location }]));
}

function repeated(items: Named[]): Named[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
  return items.filter((item) => (counts.get(item.name) ?? 0) > 1);
}

/** Flags INSERT column lists, UPDATE SET lists and table definitions that name a column twice. */
export const banDuplicateColumnAssignments = defineRule({
  id: "ban-duplicate-column-assignments",
  version: "1.0.0",
  meta: {
    description: "Disallow assigning or defining the same column twice in one statement.",
    severity: "error",
    messages: {
      duplicate:
        "Column {{column}} is assigned more than once: PostgreSQL rejects the statement (multiple assignments to same column).",
      duplicateDefinition:
        "Column {{column}} is defined more than once: PostgreSQL rejects the statement (column specified more than once).",
    },
    docs: docsUrl("ban-duplicate-column-assignments"),
    equivalents: { squawk: "ban-duplicate-column-assignments" },
  },
  create: (context) => ({
    statement({ statement, node }) {
      const update = nodeOf<UpdateStmt>(node, "UpdateStmt");
      const insert = nodeOf<InsertStmt>(node, "InsertStmt");
      const conflict = nodeOf<{ targetList?: Node[] }>(insert?.onConflictClause as Node | undefined, "OnConflictClause");
      for (const list of [update?.targetList, insert?.cols, conflict?.targetList]) {
        for (const target of repeated(targets(list))) {
          context.report({
            messageId: "duplicate",
            data: { column: target.name },
            location: at(statement, target),
            help: "Assign each column once.",
          });
        }
      }
      for (const column of repeated(definitions(node))) {
        context.report({
          messageId: "duplicateDefinition",
          data: { column: column.name },
          location: at(statement, column),
          help: "Define each column once.",
        });
      }
    },
  }),
});
