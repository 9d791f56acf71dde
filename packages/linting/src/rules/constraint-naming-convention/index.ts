import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { definedConstraints } from "../constraints.js";
import { matchesPattern, namePattern } from "../naming.js";
import { at, docsUrl, readOptions } from "../support.js";

/** PostgreSQL's own names for unnamed constraints. */
const DEFAULTS = {
  primaryKey: "^{table}_pkey$",
  unique: "^{table}_[a-z0-9_]+_key$",
  check: "^{table}_[a-z0-9_]+_check$",
  exclusion: "^{table}_[a-z0-9_]+_excl$",
};

const options = z
  .object({
    primaryKey: namePattern.default(DEFAULTS.primaryKey),
    unique: namePattern.default(DEFAULTS.unique),
    check: namePattern.default(DEFAULTS.check),
    exclusion: namePattern.default(DEFAULTS.exclusion),
  })
  .default(DEFAULTS);

const TYPES: Record<string, { key: keyof typeof DEFAULTS; label: string }> = {
  CONSTR_PRIMARY: { key: "primaryKey", label: "primary key" },
  CONSTR_UNIQUE: { key: "unique", label: "unique" },
  CONSTR_CHECK: { key: "check", label: "check" },
  CONSTR_EXCLUSION: { key: "exclusion", label: "exclusion" },
};

/** Flags named primary key, unique, check and exclusion constraints that do not match their pattern. */
export const constraintNamingConvention = defineRule({
  id: "constraint-naming-convention",
  version: "1.0.0",
  meta: {
    description: "Enforce naming conventions for primary key, unique, check and exclusion constraints.",
    severity: "warning",
    // Mostly noise on real projects (the corpus eval, eval/judged-findings.json): opt in with `preset: all`.
    recommended: false,
    messages: {
      mismatch: "The {{type}} constraint {{name}} does not match the convention {{pattern}} (with {table} = {{table}}).",
    },
    docs: docsUrl("constraint-naming-convention"),
    options,
  },
  create: (context) => ({
    statement({ statement, node }) {
      const configured = readOptions(options, context.options);
      for (const { constraint, table } of definedConstraints(node)) {
        const type = TYPES[constraint.contype ?? ""];
        if (type === undefined || constraint.conname === undefined) continue;
        const pattern = configured[type.key];
        if (matchesPattern(constraint.conname, pattern, table)) continue;
        context.report({
          messageId: "mismatch",
          data: { type: type.label, name: constraint.conname, pattern, table },
          location: at(statement, constraint),
        });
      }
    },
  }),
});
