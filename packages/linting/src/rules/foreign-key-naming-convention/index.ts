import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { definedConstraints } from "../constraints.js";
import { matchesPattern, namePattern } from "../naming.js";
import { at, docsUrl, readOptions } from "../support.js";

const DEFAULT_PATTERN = "^{table}_[a-z0-9_]+_fkey$";
const options = z.object({ pattern: namePattern.default(DEFAULT_PATTERN) }).default({ pattern: DEFAULT_PATTERN });

/** Flags named foreign keys that do not match the configured pattern. */
export const foreignKeyNamingConvention = defineRule({
  id: "foreign-key-naming-convention",
  version: "1.0.0",
  meta: {
    description: "Enforce a naming convention for foreign keys.",
    severity: "warning",
    // Mostly noise on real projects (the corpus eval, eval/judged-findings.json): opt in with `preset: all`.
    recommended: false,
    messages: { mismatch: "Foreign key {{name}} does not match the convention {{pattern}} (with {table} = {{table}})." },
    docs: docsUrl("foreign-key-naming-convention"),
    options,
  },
  create: (context) => ({
    statement({ statement, node }) {
      const configured = readOptions(options, context.options);
      for (const { constraint, table } of definedConstraints(node)) {
        if (constraint.contype !== "CONSTR_FOREIGN" || constraint.conname === undefined) continue;
        if (matchesPattern(constraint.conname, configured.pattern, table)) continue;
        context.report({
          messageId: "mismatch",
          data: { name: constraint.conname, pattern: configured.pattern, table },
          location: at(statement, constraint),
        });
      }
    },
  }),
});
