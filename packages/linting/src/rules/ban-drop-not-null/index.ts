import { defineRule } from "../../define-rule.js";
import { alterCommands, alterTableOf } from "../ast.js";
import { docsUrl, isCreatedHere, isDownMigration } from "../support.js";
import { lazySubcommandPlaces } from "../subcommands.js";

/** Flags ALTER COLUMN ... DROP NOT NULL on an existing table. */
export const banDropNotNull = defineRule({
  id: "ban-drop-not-null",
  version: "1.0.0",
  meta: {
    description: "Disallow dropping NOT NULL from columns that clients rely on.",
    severity: "warning",
    messages: { dropNotNull: "Dropping NOT NULL on {{table}}.{{column}} lets NULLs in; readers that assume a value will break." },
    docs: docsUrl("ban-drop-not-null"),
    equivalents: { squawk: "ban-drop-not-null" },
  },
  create: (context) => ({
    statement(visit) {
      // A down migration puts back the shape the up file changed: that is its job, not a break of clients.
      if (isDownMigration(context)) return;
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isCreatedHere(visit, alter.relation)) return;
      const places = lazySubcommandPlaces(visit.statement, alter);
      for (const [position, command] of alterCommands(alter).entries()) {
        if (command.subtype === "AT_DropNotNull") {
          context.report({
            messageId: "dropNotNull",
            ...(places()[position] === undefined ? {} : { location: places()[position] }),
            data: { table: alter.relation?.relname ?? "", column: command.name ?? "" },
          });
        }
      }
    },
  }),
});
