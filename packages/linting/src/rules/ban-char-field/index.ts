import { defineRule } from "../../define-rule.js";
import { columnTypeSites } from "../column-types.js";
import { docsUrl } from "../support.js";

/** Flags columns of type char(n) / character(n). */
export const banCharField = defineRule({
  id: "ban-char-field",
  version: "1.0.0",
  meta: {
    description: "Disallow char(n) columns.",
    severity: "warning",
    // Mostly noise on real projects (the corpus eval, eval/judged-findings.json): opt in with `preset: all`.
    recommended: false,
    messages: {
      charField: "Column {{column}} uses char: values are blank-padded to the length, which breaks comparisons and wastes space.",
    },
    docs: docsUrl("ban-char-field"),
    equivalents: { squawk: "ban-char-field" },
  },
  create: (context) => ({
    statement({ statement, node }) {
      for (const site of columnTypeSites(statement, node)) {
        if (site.builtIn !== "bpchar") continue;
        context.report({
          messageId: "charField",
          data: { column: site.column },
          location: site.place,
          help: "Use text (with a CHECK on length if a limit matters).",
        });
      }
    },
  }),
});
