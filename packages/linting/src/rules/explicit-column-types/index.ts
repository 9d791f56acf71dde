import type { CreateTableAsStmt, IntoClause } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { at, docsUrl } from "../support.js";

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
      context.report({
        messageId: "inferred",
        data: { table: relation.relname ?? "" },
        location: at(statement, relation),
        help: `CREATE TABLE ${relation.relname ?? "t"} (column type, ...); then INSERT INTO ${relation.relname ?? "t"} SELECT ...;`,
      });
    },
  }),
});
