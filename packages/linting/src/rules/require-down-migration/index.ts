import { defineRule } from "../../define-rule.js";
import { docsUrl, downFileOf } from "../support.js";

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Flags an up migration (`<version>_<name>.up.sql`) whose down file is not among the linted files.
 * Lint the whole migrations directory: the rule only sees the files it is given.
 */
export const requireDownMigration = defineRule({
  id: "require-down-migration",
  version: "1.0.0",
  meta: {
    description: "Require every up migration to have a down migration.",
    severity: "warning",
    messages: {
      missingDown: "{{file}} has no down migration ({{down}}): rolling back this release means writing one during the incident.",
    },
    docs: docsUrl("require-down-migration"),
  },
  create: (context) => ({
    fileEnd({ file }) {
      const down = downFileOf(file);
      if (down === undefined) return;
      const files = context.files ?? [];
      if (files.includes(down) || files.some((other) => baseName(other) === baseName(down))) return;
      context.report({
        messageId: "missingDown",
        data: { file: baseName(file), down: baseName(down) },
        location: { line: 1, column: 1, file },
        help: "Write the down migration next to it; if the change cannot be undone, say so with -- confiture-ignore-file require-down-migration.",
      });
    },
  }),
});
