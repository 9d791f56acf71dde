import { columnTypeOf, typeChangeVerdict } from "@confiture/sql";
import type { ColumnDef } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { nodeOf } from "../ast.js";
import { subcommandsOnExistingTable } from "../subcommands.js";
import { docsUrl } from "../support.js";

/**
 * Flags ALTER COLUMN ... TYPE on existing tables when the lock model says it rewrites the table.
 * Binary-coercible changes (varchar widening, varchar -> text) are not flagged.
 */
export const changingColumnType = defineRule({
  id: "changing-column-type",
  version: "1.0.0",
  meta: {
    description: "Disallow column type changes that rewrite an existing table.",
    severity: "warning",
    messages: {
      rewrite:
        "Changing {{table}}.{{column}} to {{type}} rewrites the table and its indexes under an AccessExclusiveLock: reads and writes wait for the whole rewrite. {{note}}",
    },
    docs: docsUrl("changing-column-type"),
    equivalents: { squawk: "changing-column-type", eugene: "E5" },
  },
  create: (context) => ({
    statement(visit) {
      const found = subcommandsOnExistingTable(visit, context.schema, "AT_AlterColumnType");
      if (found === undefined) return;
      const { table, model } = found;
      for (const { command, location } of found.matches) {
        const definition = nodeOf<ColumnDef>(command.def, "ColumnDef");
        const target = columnTypeOf(definition?.typeName);
        if (target === undefined) continue;
        const current = model?.columns.get(command.name ?? "");
        // With the column's current type known from the replayed migrations, ask the lock model about
        // this subcommand; otherwise rely on its verdict for the whole statement.
        const verdict =
          current !== undefined && current.typeUnknown !== true && definition?.raw_default === undefined
            ? typeChangeVerdict({ name: current.type, modifiers: current.typeModifiers, isArray: current.isArray }, target, {
                pgVersion: context.pgVersion,
              })
            : { rewrite: visit.analysis.rewrite, note: visit.analysis.notes.find((note) => note.includes("rewrite")) ?? "" };
        if (!verdict.rewrite) continue;
        context.report({
          messageId: "rewrite",
          ...(location === undefined ? {} : { location }),
          data: {
            table,
            column: command.name ?? "",
            type: `${target.name}${target.modifiers.length > 0 ? `(${target.modifiers.join(",")})` : ""}${target.isArray ? "[]" : ""}`,
            note: verdict.note,
          },
          help: "Add a new column of the new type, write both from the application (or a trigger), backfill in batches, switch readers, then drop the old column.",
        });
      }
    },
  }),
});
