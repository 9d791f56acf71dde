import { findTable } from "@confiture/sql";
import { defineRule } from "../../define-rule.js";
import { alterCommands, alterTableOf } from "../ast.js";
import { lazySubcommandPlaces } from "../subcommands.js";
import { docsUrl, isCreatedHere, undoesOwnUp } from "../support.js";

/** Flags ALTER TABLE ... DROP COLUMN on a table that existed before this file. */
export const banDropColumn = defineRule({
  id: "ban-drop-column",
  version: "1.0.0",
  meta: {
    description: "Disallow dropping columns that clients may still use.",
    severity: "warning",
    messages: {
      dropColumn:
        "Dropping column {{column}} of {{table}} breaks clients that still read or write it (SELECT * included), and takes an AccessExclusiveLock.",
    },
    docs: docsUrl("ban-drop-column"),
    equivalents: { squawk: "ban-drop-column" },
  },
  create: (context) => ({
    statement(visit) {
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isCreatedHere(visit, alter.relation)) return;
      // Most ALTER TABLEs do something else: skip the table lookup for them.
      if (!alterCommands(alter).some((command) => command.subtype === "AT_DropColumn")) return;
      const table = findTable(context.schema, {
        ...(alter.relation?.schemaname === undefined ? {} : { schema: alter.relation.schemaname }),
        name: alter.relation?.relname ?? "",
      });
      const places = lazySubcommandPlaces(visit.statement, alter);
      for (const [position, command] of alterCommands(alter).entries()) {
        if (command.subtype !== "AT_DropColumn") continue;
        if (undoesOwnUp(context, table?.columns.get(command.name ?? "")?.createdAt?.file)) continue;
        context.report({
          messageId: "dropColumn",
          data: { column: command.name ?? "", table: alter.relation?.relname ?? "" },
          ...(places()[position] === undefined ? {} : { location: places()[position] }),
          help: "Stop using the column in the application first; drop it in a later migration.",
        });
      }
    },
  }),
});
