import { defineRule } from "@confiture/linting";
import { z } from "zod";

/**
 * Acme documents every table in the catalog itself, so data catalog tools and `\d+` show what a
 * table is for. A schema rule: it looks at the final model, so a COMMENT in a later migration counts.
 */
export const requireTableComment = defineRule({
  id: "require-table-comment",
  version: "1.0.0",
  meta: {
    description: "Require a COMMENT ON TABLE for every table the migrations create",
    severity: "warning",
    messages: { missing: "Table {{table}} has no comment: say what it holds and who owns it." },
    options: z.object({ ignore: z.array(z.string()).default([]) }).default({ ignore: [] }),
  },
  create(context) {
    return {
      schemaEnd(schema) {
        for (const table of schema.tables.values()) {
          if (!table.createdInMigrations || table.kind !== "table" || table.comment) continue;
          if (context.options.ignore.includes(table.name)) continue;
          const at = table.createdAt;
          context.report({
            messageId: "missing",
            data: { table: table.name },
            location: { file: at?.file ?? context.file, line: at?.line ?? 1, column: at?.column ?? 1 },
            help: `COMMENT ON TABLE ${table.name} IS 'What it holds. Owner: team-name';`,
          });
        }
      },
    };
  },
});
