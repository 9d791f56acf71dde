import type { TruncateStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { docsUrl } from "../support.js";

/** Flags TRUNCATE ... CASCADE. */
export const banTruncateCascade = defineRule({
  id: "ban-truncate-cascade",
  version: "1.0.0",
  meta: {
    description: "Disallow TRUNCATE ... CASCADE.",
    severity: "error",
    messages: {
      cascade: "TRUNCATE ... CASCADE also empties every table that references these, recursively, under AccessExclusiveLocks.",
    },
    docs: docsUrl("ban-truncate-cascade"),
    equivalents: { squawk: "ban-truncate-cascade" },
  },
  create: (context) => ({
    statement({ node, statement }) {
      const truncate = nodeOf<TruncateStmt>(node, "TruncateStmt");
      if (truncate?.behavior !== "DROP_CASCADE") return;
      const tables = statement.relations.filter((relation) => relation.role === "target").map((relation) => relation.name);
      context.report({
        messageId: "cascade",
        help: "Name every table to empty explicitly and drop CASCADE:",
        fix: { text: `TRUNCATE ${tables.join(", ")}` },
      });
    },
  }),
});
