import type { IndexStmt } from "@pgsql/types";
import { z } from "zod";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { matchesPattern, namePattern } from "../naming.js";
import { docsUrl, readOptions } from "../support.js";

/** PostgreSQL's own choice for unnamed indexes: `<table>_<columns>_idx` (`_key` when unique). */
const DEFAULT_PATTERN = "^{table}_[a-z0-9_]+_(idx|key)$";

const options = z
  .object({
    pattern: namePattern.default(DEFAULT_PATTERN),
    /** Require every index to be named explicitly (names chosen by PostgreSQL depend on what exists). */
    requireName: z.boolean().default(false),
  })
  .default({ pattern: DEFAULT_PATTERN, requireName: false });

/** Flags index names that do not match the configured pattern. */
export const indexNamingConvention = defineRule({
  id: "index-naming-convention",
  version: "1.0.0",
  meta: {
    description: "Enforce a naming convention for indexes.",
    severity: "warning",
    // Mostly noise on real projects (the corpus eval, eval/judged-findings.json): opt in with `preset: all`.
    recommended: false,
    messages: {
      mismatch: "Index name {{name}} does not match the convention {{pattern}} (with {table} = {{table}}).",
      unnamed: "This index has no name: PostgreSQL picks one, which a later migration cannot rely on.",
    },
    docs: docsUrl("index-naming-convention"),
    options,
  },
  create: (context) => ({
    statement({ node }) {
      const configured = readOptions(options, context.options);
      const index = nodeOf<IndexStmt>(node, "IndexStmt");
      if (index === undefined) return;
      const table = index.relation?.relname ?? "";
      if (index.idxname === undefined) {
        if (configured.requireName)
          context.report({ messageId: "unnamed", help: `Name it, e.g. CREATE INDEX ${table}_..._idx ON ${table} (...).` });
        return;
      }
      if (matchesPattern(index.idxname, configured.pattern, table)) return;
      context.report({ messageId: "mismatch", data: { name: index.idxname, pattern: configured.pattern, table } });
    },
  }),
});
