import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { definedNames } from "../defined-names.js";
import { matchesPattern, namePattern, SNAKE_CASE } from "../naming.js";
import { docsUrl, locate, readOptions } from "../support.js";

const options = z.object({ pattern: namePattern.default(SNAKE_CASE) }).default({ pattern: SNAKE_CASE });

/** Flags column names (created or renamed to) that do not match the configured pattern. */
export const columnNamingConvention = defineRule({
  id: "column-naming-convention",
  version: "1.0.0",
  meta: {
    description: "Enforce a naming convention for columns.",
    severity: "warning",
    // Mostly noise on real projects (the corpus eval, eval/judged-findings.json): opt in with `preset: all`.
    recommended: false,
    messages: { mismatch: "Column name {{name}} does not match the convention {{pattern}}." },
    docs: docsUrl("column-naming-convention"),
    options,
  },
  create: (context) => ({
    statement({ statement, node }) {
      const configured = readOptions(options, context.options);
      for (const defined of definedNames(node)) {
        if (defined.kind !== "column" || matchesPattern(defined.name, configured.pattern)) continue;
        context.report({
          messageId: "mismatch",
          data: { name: defined.name, pattern: configured.pattern },
          location: locate(statement, defined.location),
        });
      }
    },
  }),
});
