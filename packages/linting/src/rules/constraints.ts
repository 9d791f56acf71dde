import type { AlterTableStmt, ColumnDef, Constraint, CreateStmt } from "@pgsql/types";
import {
  alterCommands,
  columnConstraints,
  commandColumn,
  commandConstraint,
  createTableColumns,
  createTableConstraints,
  nodeOf,
} from "./ast.js";

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

/** A named constraint a statement defines, with its table. */
export interface NamedConstraint {
  constraint: Constraint;
  table: string;
}

/** Every constraint a CREATE TABLE or ALTER TABLE defines, with the table it belongs to. */
export function definedConstraints(node: unknown): NamedConstraint[] {
  const create = nodeOf<CreateStmt>(node, "CreateStmt");
  if (create !== undefined) {
    const table = create.relation?.relname ?? "";
    const constraints = [
      ...createTableConstraints(create),
      ...createTableColumns(create).flatMap((column) => columnConstraints(column)),
    ];
    return constraints.map((constraint) => ({ constraint, table }));
  }
  const alter = nodeOf<AlterTableStmt>(node, "AlterTableStmt");
  if (alter === undefined) return [];
  return addedConstraints(alter).map(({ constraint }) => ({ constraint, table: alter.relation?.relname ?? "" }));
}
