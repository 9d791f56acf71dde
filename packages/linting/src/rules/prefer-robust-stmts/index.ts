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

/** The first subcommand that makes an ALTER TABLE fail or differ when run again, and its position. */
function alterProblem(alter: AlterTableStmt): { problem: Problem; position: number } | undefined {
  const commands = alterCommands(alter);
  for (const [position, command] of commands.entries()) {
    const subtype = command.subtype ?? "";
    if (subtype === "AT_AddColumn" && command.missing_ok !== true) return { problem: "missingIfNotExists", position };
    if ((subtype === "AT_DropColumn" || subtype === "AT_DropConstraint") && command.missing_ok !== true)
      return { problem: "missingIfExists", position };
    if (
      subtype !== "AT_AddColumn" &&
      subtype !== "AT_DropColumn" &&
      subtype !== "AT_DropConstraint" &&
      !IDEMPOTENT_SUBCOMMANDS.has(subtype)
    ) {
      return { problem: "missingTransaction", position };
    }
  }
  return undefined;
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
    statement({ node, session, statement }) {
      if (session.inTransaction) return;
      const alter = nodeOf<AlterTableStmt>(node, "AlterTableStmt");
      const altered = alter === undefined ? undefined : alterProblem(alter);
      const problem = alter === undefined ? problemOf(node) : altered?.problem;
      if (problem === undefined) return;
      const location =
        alter === undefined || altered === undefined ? undefined : subcommandPlaces(statement, alter)[altered.position];
      context.report({
        messageId: problem,
        ...(location === undefined ? {} : { location }),
        help:
          problem === "missingTransaction"
            ? "Run it inside a transaction, or in a migration file of its own."
            : `Add ${problem === "missingIfExists" ? "IF EXISTS" : "IF NOT EXISTS"}.`,
      });
    },
  }),
});
