import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { docsUrl } from "../support.js";

/** Flags DROP DATABASE: a migration should never remove a whole database. */
export const banDropDatabase = defineRule({
  id: "ban-drop-database",
  version: "1.0.0",
  meta: {
    description: "Disallow DROP DATABASE in migrations.",
    severity: "error",
    messages: {
      dropDatabase: "DROP DATABASE {{name}} deletes every table and row of the database, and no migration can undo it.",
    },
    docs: docsUrl("ban-drop-database"),
    equivalents: { squawk: "ban-drop-database" },
  },
  create: (context) => ({
    statement({ node }) {
      const drop = nodeOf<{ dbname?: string }>(node, "DropdbStmt");
      if (drop !== undefined) {
        context.report({
          messageId: "dropDatabase",
          data: { name: drop.dbname ?? "" },
          help: "Drop databases by hand, outside the migration history.",
        });
      }
    },
  }),
});
