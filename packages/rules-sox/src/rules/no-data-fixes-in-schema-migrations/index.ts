import { defineRule } from "@confiture/linting";
import { classificationOf, classifyTable, dataChange, resolveTable } from "@confiture/compliance";

/** Disallow changing financial rows in a migration that also changes the schema. */
export const rule = defineRule({
  id: "no-data-fixes-in-schema-migrations",
  version: "1.0.0",
  meta: {
    description: "Disallow changing financial rows in a migration that also changes the schema",
    severity: "error",
    compliance: [{ framework: "SOX", control: "SOX 404 ITGC: change management" }],
    messages: {
      mixed:
        "{{action}} on financial table {{table}} in a migration that also changes the schema: data corrections need their own reviewed and approved change.",
    },
  },
  create(context) {
    const ddlKinds = (kind: string) =>
      kind.startsWith("create_") ||
      kind.startsWith("alter_") ||
      kind.startsWith("drop_") ||
      kind.startsWith("add_") ||
      kind.startsWith("set_") ||
      kind.startsWith("rename_");
    return {
      fileEnd({ statements }) {
        if (!statements.some((statement) => ddlKinds(statement.kind))) return;
        const config = classificationOf(context.settings);
        for (const statement of statements) {
          if (!statement.node) continue;
          const change = dataChange(statement.node);
          if (!change || change.action === "drop") continue;
          for (const name of change.tables) {
            if (classifyTable(resolveTable(context.schema, name), config).categories.has("financial")) {
              context.report({
                messageId: "mixed",
                data: { action: change.action.toUpperCase(), table: name },
                statement,
                help: "Move the data fix to its own migration (or a reviewed script) with its change ticket and approval.",
              });
            }
          }
        }
      },
    };
  },
});
