import { defineRule } from "../../define-rule.js";
import { columnTypeSites, replaceTypeWord } from "../column-types.js";
import { docsUrl } from "../support.js";

/** Flags json columns. */
export const preferJsonb = defineRule({
  id: "prefer-jsonb",
  version: "1.0.0",
  meta: {
    description: "Prefer jsonb over json columns.",
    severity: "warning",
    messages: {
      json: "Column {{column}} is json: it has no equality operator, so DISTINCT, UNION, GROUP BY and logical replication's REPLICA IDENTITY FULL fail on it, and it cannot be indexed.",
    },
    docs: docsUrl("prefer-jsonb"),
    equivalents: { eugene: "E3" },
  },
  create: (context) => ({
    statement({ statement, node }) {
      for (const site of columnTypeSites(statement, node)) {
        if (site.builtIn !== "json") continue;
        const fixed = replaceTypeWord(statement, site.typeName, "jsonb", ["json"]);
        context.report({
          messageId: "json",
          data: { column: site.column },
          location: site.place,
          help: "Use jsonb.",
          ...(fixed === undefined ? {} : { fix: { text: fixed } }),
        });
      }
    },
  }),
});
