import type { CreatedbStmt, DefElem } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { docsUrl } from "../support.js";

function encodingOf(statement: CreatedbStmt): string | undefined {
  for (const option of statement.options ?? []) {
    const element = nodeOf<DefElem>(option, "DefElem");
    if (element?.defname?.toLowerCase() !== "encoding") continue;
    return (
      nodeOf<{ sval?: string }>(element.arg, "String")?.sval ??
      String(nodeOf<{ ival?: number }>(element.arg, "Integer")?.ival ?? "")
    );
  }
  return undefined;
}

/** Flags CREATE DATABASE without an explicit UTF8 encoding. */
export const requireDatabaseEncoding = defineRule({
  id: "require-database-encoding",
  version: "1.0.0",
  meta: {
    description: "Require CREATE DATABASE to set ENCODING 'UTF8'.",
    severity: "warning",
    messages: {
      missing:
        "CREATE DATABASE {{name}} takes its encoding from the template database of the server it runs on, which may not be UTF8.",
      notUtf8:
        "CREATE DATABASE {{name}} uses encoding {{encoding}}: text outside it is rejected (or, with SQL_ASCII, stored unchecked).",
    },
    docs: docsUrl("require-database-encoding"),
  },
  create: (context) => ({
    statement({ node }) {
      const create = nodeOf<CreatedbStmt>(node, "CreatedbStmt");
      if (create === undefined) return;
      const encoding = encodingOf(create);
      const name = create.dbname ?? "";
      const help = `CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0;`;
      if (encoding === undefined) context.report({ messageId: "missing", data: { name }, help });
      else if (!/^utf-?8$/i.test(encoding.replaceAll("_", "")))
        context.report({ messageId: "notUtf8", data: { name, encoding }, help });
    },
  }),
});
