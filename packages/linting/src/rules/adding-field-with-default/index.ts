import { isVolatileExpression, type SchemaModel, type VolatilityCode } from "@confiture/sql";
import type { Constraint } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { alterCommands, alterTableOf, builtInTypeName, columnConstraints, commandColumn, rangeVarText } from "../ast.js";
import { at, docsUrl, isEmptyHere } from "../support.js";

/** Volatility of functions the migrations created, so `DEFAULT my_function()` is judged by its declaration. */
function resolver(schema: SchemaModel): (name: string, schemaName: string | undefined) => VolatilityCode | undefined {
  return (name, schemaName) => {
    const found = schema.functions.get(`${schemaName ?? "public"}.${name}`);
    if (found === undefined) return undefined;
    return found.volatility === "immutable" ? "i" : found.volatility === "stable" ? "s" : "v";
  };
}

function isNullConstant(constraint: Constraint): boolean {
  const constant = (constraint.raw_expr as { A_Const?: { isnull?: boolean } } | undefined)?.A_Const;
  return constant?.isnull === true;
}

/**
 * Flags ADD COLUMN forms that rewrite an existing table: a volatile DEFAULT (any non-NULL default
 * before PostgreSQL 11), a stored generated column, an identity or serial column.
 */
export const addingFieldWithDefault = defineRule({
  id: "adding-field-with-default",
  version: "1.0.0",
  meta: {
    description: "Disallow adding columns whose default rewrites an existing table.",
    severity: "warning",
    messages: {
      volatileDefault:
        "ADD COLUMN {{column}} with a volatile DEFAULT rewrites {{table}} under an AccessExclusiveLock: reads and writes wait for the whole rewrite.",
      generated:
        "ADD COLUMN {{column}} GENERATED ... STORED computes the value for every row: {{table}} is rewritten under an AccessExclusiveLock.",
      sequence:
        "ADD COLUMN {{column}} as an identity or serial column fills every row from a sequence: {{table}} is rewritten under an AccessExclusiveLock.",
    },
    docs: docsUrl("adding-field-with-default"),
    equivalents: { squawk: "adding-field-with-default", eugene: "E11" },
  },
  create: (context) => ({
    statement(visit) {
      const alter = alterTableOf(visit.node);
      if (alter === undefined || isEmptyHere(visit, alter.relation)) return;
      const table = rangeVarText(alter.relation);
      for (const command of alterCommands(alter)) {
        const column = commandColumn(command);
        if (column === undefined) continue;
        const data = { column: column.colname ?? "", table };
        const constraints = columnConstraints(column);
        const generated = constraints.find((constraint) => constraint.contype === "CONSTR_GENERATED");
        const identity = constraints.find((constraint) => constraint.contype === "CONSTR_IDENTITY");
        const fallback = constraints.find((constraint) => constraint.contype === "CONSTR_DEFAULT");
        const serial = ["serial", "bigserial", "smallserial"].includes(builtInTypeName(column.typeName) ?? "");
        const help =
          "Add the column without a default (or with a constant one), then backfill in batches and SET DEFAULT for new rows.";
        if (generated !== undefined && (generated as { generated_kind?: string }).generated_kind !== "v") {
          context.report({
            messageId: "generated",
            data,
            location: at(visit.statement, generated),
            help: "Add a plain column, backfill it in batches, and keep it current with a trigger; or use a VIRTUAL generated column (PostgreSQL 18).",
          });
        } else if (identity !== undefined || serial) {
          context.report({ messageId: "sequence", data, location: at(visit.statement, identity ?? column.typeName), help });
        } else if (fallback !== undefined && !isNullConstant(fallback)) {
          // From PostgreSQL 11 (the oldest target the lock model knows) a non-volatile default is
          // stored in the catalog and existing rows are not touched.
          if (isVolatileExpression(fallback.raw_expr, { resolveFunction: resolver(context.schema) })) {
            context.report({ messageId: "volatileDefault", data, location: at(visit.statement, fallback), help });
          }
        }
      }
    },
  }),
});
