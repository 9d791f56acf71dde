import type { AlterTableStmt, CreateStmt, DropStmt, IndexStmt } from "@pgsql/types";
import { defineRule } from "../../define-rule.js";
import { alterCommands, nodeOf } from "../ast.js";
import { subcommandPlaces } from "../subcommands.js";
import { docsUrl } from "../support.js";

/** ALTER TABLE subcommands that give the same result when run twice. */
const IDEMPOTENT_SUBCOMMANDS = new Set([
  "AT_ColumnDefault",
  "AT_SetNotNull",
  "AT_DropNotNull",
  "AT_SetStatistics",
  "AT_SetStorage",
  "AT_SetCompression",
  "AT_ValidateConstraint",
  "AT_EnableRowSecurity",
  "AT_DisableRowSecurity",
  "AT_ForceRowSecurity",
  "AT_NoForceRowSecurity",
  "AT_SetRelOptions",
  "AT_ResetRelOptions",
  "AT_ChangeOwner",
  "AT_ReplicaIdentity",
  "AT_EnableTrig",
  "AT_DisableTrig",
]);

type Problem = "missingIfNotExists" | "missingIfExists" | "missingTransaction";

/** Each subcommand that makes an ALTER TABLE fail or differ when run again, with its position. */
function alterProblems(alter: AlterTableStmt): Array<{ problem: Problem; position: number }> {
  return alterCommands(alter).flatMap((command, position): Array<{ problem: Problem; position: number }> => {
    const subtype = command.subtype ?? "";
    if (subtype === "AT_AddColumn") return command.missing_ok === true ? [] : [{ problem: "missingIfNotExists", position }];
    if (subtype === "AT_DropColumn" || subtype === "AT_DropConstraint")
      return command.missing_ok === true ? [] : [{ problem: "missingIfExists", position }];
    return IDEMPOTENT_SUBCOMMANDS.has(subtype) ? [] : [{ problem: "missingTransaction", position }];
  });
}

/** What makes a statement fail when the migration is run again after failing part way. */
function problemOf(node: unknown): Problem | undefined {
  const create = nodeOf<CreateStmt>(node, "CreateStmt");
  if (create !== undefined) return create.if_not_exists === true ? undefined : "missingIfNotExists";
  const index = nodeOf<IndexStmt>(node, "IndexStmt");
  if (index !== undefined) return index.if_not_exists === true || index.idxname === undefined ? undefined : "missingIfNotExists";
  const drop = nodeOf<DropStmt>(node, "DropStmt");
  if (drop !== undefined) return drop.missing_ok === true ? undefined : "missingIfExists";
  if (nodeOf(node, "RenameStmt") !== undefined) return "missingTransaction";
  return undefined;
}

/** Flags statements that fail when a migration that runs outside a transaction is run again. */
export const preferRobustStmts = defineRule({
  id: "prefer-robust-stmts",
  version: "1.0.0",
  meta: {
    description: "Prefer statements that can be run again when a migration outside a transaction fails part way.",
    severity: "warning",
    messages: {
      missingIfNotExists:
        "Without IF NOT EXISTS this fails when the migration is run again after failing part way (it runs outside a transaction).",
      missingIfExists:
        "Without IF EXISTS this fails when the migration is run again after failing part way (it runs outside a transaction).",
      missingTransaction:
        "This statement cannot be made idempotent and runs outside a transaction: if a later statement fails, the migration cannot simply be run again.",
    },
    docs: docsUrl("prefer-robust-stmts"),
    equivalents: { squawk: "prefer-robust-stmts" },
  },
  create: (context) => ({
    statement({ node, session, statement, fileStatements, analysis }) {
      if (session.inTransaction) return;
      // A runner that sends the file as one query (Prisma) runs a one-statement file as that statement's own
      // transaction: when it fails nothing was applied, so running it again is safe.
      const single = fileStatements.filter((other) => other.node !== undefined).length === 1;
      if (single && analysis.transactional && context.migration?.transaction === "implicit") return;
      const alter = nodeOf<AlterTableStmt>(node, "AlterTableStmt");
      const problems =
        alter === undefined
          ? [problemOf(node)].flatMap((problem) => (problem === undefined ? [] : [{ problem, position: -1 }]))
          : alterProblems(alter);
      const places = alter === undefined || problems.length === 0 ? [] : subcommandPlaces(statement, alter);
      for (const { problem, position } of problems) {
        const location = places[position];
        context.report({
          messageId: problem,
          ...(location === undefined ? {} : { location }),
          help:
            problem === "missingTransaction"
              ? "Run it inside a transaction, or in a migration file of its own."
              : `Add ${problem === "missingIfExists" ? "IF EXISTS" : "IF NOT EXISTS"}.`,
        });
      }
    },
  }),
});
