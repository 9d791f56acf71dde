import type { CreateTableAsStmt, IntoClause } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { at, docsUrl } from "../support.js";

/**
 * Whether the query selects plain columns of tables only (no expression, no star): each column then
 * takes its source column's declared type, and nothing is inferred.
 */
function onlyColumns(query: unknown): boolean {
  const select = (query as { SelectStmt?: { targetList?: unknown[]; fromClause?: unknown[]; op?: string } } | undefined)
    ?.SelectStmt;
  if (select === undefined || (select.op !== undefined && select.op !== "SETOP_NONE")) return false;
  const targets = select.targetList ?? [];
  if (targets.length === 0 || (select.fromClause ?? []).length === 0) return false;
  return targets.every((target) => {
    const fields = (target as { ResTarget?: { val?: { ColumnRef?: { fields?: unknown[] } } } }).ResTarget?.val?.ColumnRef?.fields;
    return fields !== undefined && !fields.some((field) => (field as { A_Star?: unknown }).A_Star !== undefined);
  });
}

/** Flags tables whose column types are inferred from a query (CREATE TABLE AS, SELECT INTO). */
export const explicitColumnTypes = defineRule({
  id: "explicit-column-types",
  version: "1.0.0",
  meta: {
    description: "Require table columns to be declared with explicit types.",
    severity: "error",
    messages: {
      inferred:
        "The columns of {{table}} get the types the query happens to produce (numeric for sums, text for literals, unknown precision): declare them.",
    },
    docs: docsUrl("explicit-column-types"),
  },
  create: (context) => ({
    statement({ statement, node }) {
      const createAs = nodeOf<CreateTableAsStmt>(node, "CreateTableAsStmt");
      const selectInto = nodeOf<{ intoClause?: IntoClause }>(node, "SelectStmt")?.intoClause;
      const into = createAs?.objtype === "OBJECT_TABLE" ? createAs.into : selectInto;
      const relation = into?.rel;
      if (relation === undefined || relation.relpersistence === "t") return;
      if (onlyColumns(createAs?.query ?? node)) return;
      context.report({
        messageId: "inferred",
        data: { table: relation.relname ?? "" },
        location: at(statement, relation),
        help: `CREATE TABLE ${relation.relname ?? "t"} (column type, ...); then INSERT INTO ${relation.relname ?? "t"} SELECT ...;`,
      });
    },
  }),
});
