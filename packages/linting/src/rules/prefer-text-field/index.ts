import { defineRule } from "../../define-rule.js";
import { columnTypeSites } from "../column-types.js";
import { docsUrl } from "../support.js";

/** Flags varchar(n) columns. */
export const preferTextField = defineRule({
  id: "prefer-text-field",
  version: "1.0.0",
  meta: {
    description: "Prefer text with a CHECK constraint over varchar(n).",
    severity: "warning",
    // Mostly noise on real projects (the corpus eval, eval/judged-findings.json): opt in with `preset: all`.
    recommended: false,
    messages: {
      varchar:
        "Column {{column}} is varchar({{length}}): changing the limit later can rewrite the table under an AccessExclusiveLock.",
    },
    docs: docsUrl("prefer-text-field"),
    equivalents: { squawk: "prefer-text-field" },
  },
  create: (context) => ({
    statement({ statement, node }) {
      for (const site of columnTypeSites(statement, node)) {
        if (site.builtIn !== "varchar" || site.modifiers.length === 0) continue;
        context.report({
          messageId: "varchar",
          data: { column: site.column, length: site.modifiers[0] ?? 0 },
          location: site.place,
          help: `Use text and a CHECK (char_length(${site.column}) <= ${site.modifiers[0] ?? 0}) constraint, which can be changed with NOT VALID and VALIDATE.`,
        });
      }
    },
  }),
});
