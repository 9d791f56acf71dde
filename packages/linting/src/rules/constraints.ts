import type { AlterTableStmt, ColumnDef, Constraint } from "@pgsql/types";
import { alterCommands, columnConstraints, commandColumn, commandConstraint } from "./ast.js";

/** A constraint an ALTER TABLE adds: `ADD CONSTRAINT ...` or written inline on `ADD COLUMN`. */
export interface AddedConstraint {
  constraint: Constraint;
  /** The column definition, for constraints written inline on ADD COLUMN. */
  column?: ColumnDef;
}

/** Every constraint an ALTER TABLE statement adds, in order. */
export function addedConstraints(alter: AlterTableStmt | undefined): AddedConstraint[] {
  const added: AddedConstraint[] = [];
  for (const command of alterCommands(alter)) {
    if (command.subtype === "AT_AddConstraint") {
      const constraint = commandConstraint(command);
      if (constraint !== undefined) added.push({ constraint });
    }
    const column = commandColumn(command);
    if (column !== undefined) for (const constraint of columnConstraints(column)) added.push({ constraint, column });
  }
  return added;
}

/** Whether a constraint is added `NOT VALID` (existing rows are not checked). */
export function isNotValid(constraint: Constraint): boolean {
  return constraint.skip_validation === true;
}
