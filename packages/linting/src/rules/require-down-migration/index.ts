import { defineRule } from "../../define-rule.js";
import { docsUrl, downFileOf } from "../support.js";

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Where the runner looks for the down file of `file`. */
function expectedDown(file: string, runner: string): string {
  if (runner === "diesel") return file.replace(/up\.sql$/i, "down.sql");
  if (runner === "sqitch") return file.replace(/([\\/])deploy([\\/])(?!.*[\\/]deploy[\\/])/, "$1revert$2");
  return "a down migration";
}

/**
 * Flags an up migration whose runner has down migrations (a `.down.sql` file, a diesel `down.sql`, a
 * sqitch `revert/` script, a dbmate `-- migrate:down` section, ...) but which has none. The layout
 * pairs the files of the whole migrations directory, including the ones replayed only for context,
 * so a down file beside its up file counts even when it was not named on the command line.
 */
export const requireDownMigration = defineRule({
  id: "require-down-migration",
  version: "1.1.0",
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
      const migration = context.migration;
      if (migration !== undefined) {
        if (migration.role !== "up" || !migration.downSupported || migration.pair !== undefined) return;
        if (migration.lines !== undefined) {
          context.report({
            messageId: "missingDown",
            data: { file: baseName(file), down: "a down section" },
            location: { line: migration.lines.from, column: 1, file },
            help: "Add the down section the runner reads; if the change cannot be undone, say so with -- confiture-ignore-file require-down-migration.",
          });
          return;
        }
      }
      const down = downFileOf(file) ?? (migration === undefined ? undefined : expectedDown(file, migration.runner));
      if (down === undefined) return;
      const files = context.files ?? [];
      if (migration === undefined && (files.includes(down) || files.some((other) => baseName(other) === baseName(down)))) return;
      context.report({
        messageId: "missingDown",
        data: { file: baseName(file), down: baseName(down) },
        location: { line: 1, column: 1, file },
        help: "Write the down migration next to it; if the change cannot be undone, say so with -- confiture-ignore-file require-down-migration.",
      });
    },
  }),
});
