import { defineRule } from "../../define-rule.js";
import { alterCommands, alterTableOf, rangeVarText } from "../ast.js";
import { addedConstraints, isNotValid } from "../constraints.js";
import { at, docsUrl, isEmptyHere } from "../support.js";
import { lazySubcommandPlaces } from "../subcommands.js";

/** Constraint types that accept NOT VALID. */
const VALIDATABLE: Record<string, string> = { CONSTR_CHECK: "CHECK", CONSTR_FOREIGN: "FOREIGN KEY", CONSTR_NOTNULL: "NOT NULL" };

/**
 * Flags CHECK and FOREIGN KEY constraints added to existing tables without NOT VALID, and
 * VALIDATE CONSTRAINT in the same transaction as the NOT VALID add (the add's lock is still held).
 */
export const constraintMissingNotValid = defineRule({
  id: "constraint-missing-not-valid",
  version: "1.0.0",
  meta: {
    description: "Require CHECK and FOREIGN KEY constraints on existing tables to be added NOT VALID.",
    severity: "warning",
    messages: {
      missingNotValid:
        "Adding {{type}} constraint {{name}} checks every row of {{table}} while holding a lock that blocks writes (an AccessExclusiveLock for CHECK: reads too).",
      validateInSameTransaction:
        "VALIDATE CONSTRAINT {{name}} runs in the same transaction that added it NOT VALID: the AccessExclusiveLock of the add is still held, so the validation scan blocks reads and writes.",
    },
    docs: docsUrl("constraint-missing-not-valid"),
    equivalents: { squawk: "constraint-missing-not-valid", eugene: "E1" },
  },
  create(context) {
    /** Constraints added NOT VALID in the current transaction: `table constraint`. */
    let pending = new Set<string>();
    let file = "";
    return {
      statement(visit) {
        if (context.file !== file || !visit.session.inTransaction) {
          file = context.file;
          pending = new Set();
        }
        const alter = alterTableOf(visit.node);
        if (alter === undefined) return;
        const table = rangeVarText(alter.relation);
        const places = lazySubcommandPlaces(visit.statement, alter);
        for (const [position, command] of alterCommands(alter).entries()) {
          if (command.subtype === "AT_ValidateConstraint" && pending.has(`${table} ${command.name ?? ""}`)) {
            context.report({
              messageId: "validateInSameTransaction",
              ...(places()[position] === undefined ? {} : { location: places()[position] }),
              data: { name: command.name ?? "" },
              help: "Commit after adding the constraint NOT VALID and validate it in a later transaction (its own migration).",
            });
          }
        }
        if (isEmptyHere(visit, alter.relation)) return;
        for (const { constraint, column } of addedConstraints(alter)) {
          const type = VALIDATABLE[constraint.contype ?? ""];
          if (type === undefined || column !== undefined) continue;
          const name = constraint.conname ?? "";
          if (isNotValid(constraint)) {
            if (visit.session.inTransaction) pending.add(`${table} ${name}`);
            continue;
          }
          context.report({
            messageId: "missingNotValid",
            data: { type, name: name === "" ? "(unnamed)" : name, table },
            location: at(visit.statement, constraint),
            help: `Add it NOT VALID, commit, then ALTER TABLE ${table} VALIDATE CONSTRAINT ${name === "" ? "<name>" : name}; (a ShareUpdateExclusiveLock: reads and writes continue).`,
          });
        }
      },
    };
  },
});
