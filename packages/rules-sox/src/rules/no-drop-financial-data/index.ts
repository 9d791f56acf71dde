import { defineRule } from "@confiture/linting";
import { classificationOf, classifyTable, dataChange, relationName, resolveTable } from "@confiture/compliance";

/** Disallow dropping financial tables or their columns. */
export const rule = defineRule({
  id: "no-drop-financial-data",
  version: "1.0.0",
  meta: {
    description: "Disallow dropping financial tables or their columns",
    severity: "error",
    compliance: [{ framework: "SOX", control: "SOX 802: retention of records" }],
    messages: {
      dropTable: "DROP TABLE {{table}} destroys financial records that must be retained.",
      dropColumn: "Dropping {{table}}.{{column}} destroys part of financial records that must be retained.",
    },
  },
  create(context) {
    return {
      statement({ node, createdInFile }) {
        const config = classificationOf(context.settings);
        const isFinancial = (name: string) => {
          return classifyTable(resolveTable(context.schema, name), config).categories.has("financial");
        };
        const change = dataChange(node);
        if (change?.action === "drop") {
          for (const table of change.tables)
            if (!createdInFile.has(table) && isFinancial(table))
              context.report({
                messageId: "dropTable",
                data: { table },
                help: "Archive the table (rename it into an archive schema, revoke writes) instead of dropping it.",
              });
        }
        if (!("AlterTableStmt" in node)) return;
        const table = relationName(node.AlterTableStmt.relation);
        if (!table || createdInFile.has(table) || !isFinancial(table)) return;
        for (const command of node.AlterTableStmt.cmds ?? []) {
          if ("AlterTableCmd" in command && command.AlterTableCmd.subtype === "AT_DropColumn") {
            context.report({
              messageId: "dropColumn",
              data: { table, column: command.AlterTableCmd.name ?? "?" },
              help: "Keep the column (stop writing it), or move its history to an archive table first.",
            });
          }
        }
      },
    };
  },
});
