import type { AlterTableCmd, ColumnDef, Constraint, Node, PartitionCmd } from "@pgsql/types";
import { nodeOf } from "../schema/ast.js";
import { referenceFromRangeVar, relationKey } from "../relations.js";
import type { LockMode, RelationReference } from "../types.js";
import { isVolatileExpression } from "../volatility.js";
import { columnTypeOf, isSerialType, typeChangeVerdict } from "./column-types.js";
import type { AnalysisContext, Verdict } from "./verdict.js";

/** One ALTER TABLE subcommand being analysed, with the statement it belongs to. */
export interface CommandScope {
  target: RelationReference | undefined;
  tableKey: string | undefined;
  relations: RelationReference[];
  context: AnalysisContext;
  verdict: Verdict;
  isIndex: boolean;
}

/** ADD COLUMN: rewrite for volatile defaults, stored generated, identity and serial columns; FK and index side effects. */
export function analyzeAddColumn(column: ColumnDef | undefined, scope: CommandScope): void {
  const { verdict, context } = scope;
  if (column === undefined) return;
  const constraints = (column.constraints ?? []).flatMap((node) => {
    const constraint = nodeOf<Constraint>(node, "Constraint");
    return constraint === undefined ? [] : [constraint];
  });
  const defaultConstraint = constraints.find((constraint) => constraint.contype === "CONSTR_DEFAULT");
  const generated = constraints.find((constraint) => constraint.contype === "CONSTR_GENERATED");
  const identity = constraints.find((constraint) => constraint.contype === "CONSTR_IDENTITY");
  const hasDefault =
    defaultConstraint?.raw_expr !== undefined &&
    nodeOf<{ isnull?: boolean }>(defaultConstraint.raw_expr, "A_Const")?.isnull !== true;
  if (generated !== undefined) {
    const virtual = generated.generated_kind === "v" && context.pgVersion >= 18;
    if (virtual) verdict.note("A VIRTUAL generated column is computed on read: no rewrite (PostgreSQL 18+).");
    else {
      verdict.rewrite = true;
      verdict.note("A STORED generated column is computed for every row: the table is rewritten.");
    }
  } else if (identity !== undefined || isSerialType(column.typeName)) {
    verdict.rewrite = true;
    verdict.note("An identity or serial column takes a value from a sequence for every existing row: the table is rewritten.");
  } else if (hasDefault && isVolatileExpression(defaultConstraint?.raw_expr)) {
    verdict.rewrite = true;
    verdict.note("A volatile DEFAULT is evaluated for every existing row: the table is rewritten.");
  } else if (hasDefault) {
    verdict.note("A non-volatile DEFAULT is stored in the catalog: no rewrite (PostgreSQL 11+).");
  }
  const notNull = constraints.some(
    (constraint) => constraint.contype === "CONSTR_NOTNULL" || constraint.contype === "CONSTR_PRIMARY",
  );
  if (notNull && !hasDefault && generated === undefined && identity === undefined) {
    verdict.scan = true;
    verdict.note("NOT NULL without a DEFAULT fails unless the table is empty.");
  }
  for (const constraint of constraints) {
    if (constraint.contype === "CONSTR_CHECK" || constraint.contype === "CONSTR_FOREIGN") {
      if (hasDefault || verdict.rewrite) verdict.scan = true;
    }
    if (constraint.contype === "CONSTR_UNIQUE" || constraint.contype === "CONSTR_PRIMARY") {
      verdict.scan = true;
      verdict.note("An inline UNIQUE or PRIMARY KEY builds an index under ACCESS EXCLUSIVE.");
    }
    if (constraint.contype === "CONSTR_FOREIGN") lockReferenced(constraint, scope, "ShareRowExclusiveLock");
  }
  if (verdict.rewrite) verdict.scan = true;
}

/** ALTER COLUMN TYPE: rewrite unless the change is binary coercible (see `typeChangeVerdict`). */
export function analyzeTypeChange(command: AlterTableCmd, scope: CommandScope): void {
  const { verdict, context } = scope;
  const definition = nodeOf<ColumnDef>(command.def, "ColumnDef");
  const to = columnTypeOf(definition?.typeName);
  if (to === undefined) return;
  const using = definition?.raw_default;
  const usingColumn = nodeOf<{ fields?: Node[] }>(using, "ColumnRef");
  if (using !== undefined && usingColumn === undefined) {
    verdict.rewrite = true;
    verdict.scan = true;
    verdict.note("A USING expression is evaluated for every row: the table is rewritten.");
    return;
  }
  const from =
    scope.tableKey === undefined || command.name === undefined ? undefined : context.columnType?.(scope.tableKey, command.name);
  const change = typeChangeVerdict(from, to, context);
  verdict.note(change.note);
  if (change.rewrite) {
    verdict.rewrite = true;
    verdict.scan = true;
  }
}

/** ADD CONSTRAINT: scans unless NOT VALID or USING INDEX; a foreign key also locks the referenced table. */
export function analyzeAddConstraint(constraint: Constraint | undefined, scope: CommandScope): void {
  const { verdict, context } = scope;
  if (constraint === undefined) return;
  const notValid = constraint.skip_validation === true;
  if (constraint.indexname !== undefined) {
    for (const relation of scope.relations)
      if (relation.objectType === "index") verdict.lock(relation, "ShareUpdateExclusiveLock");
    verdict.note(
      "USING INDEX turns an existing index into the constraint without a scan (a PRIMARY KEY still needs its columns NOT NULL).",
    );
    return;
  }
  switch (constraint.contype) {
    case "CONSTR_FOREIGN":
      lockReferenced(constraint, scope, "ShareRowExclusiveLock");
      verdict.note("ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables: writes to either wait.");
      if (notValid) verdict.note("NOT VALID skips the scan; run VALIDATE CONSTRAINT later (SHARE UPDATE EXCLUSIVE).");
      else verdict.scan = true;
      return;
    case "CONSTR_CHECK":
    case "CONSTR_NOTNULL":
      if (notValid) verdict.note("NOT VALID skips the scan; run VALIDATE CONSTRAINT later (SHARE UPDATE EXCLUSIVE).");
      else {
        verdict.scan = true;
        verdict.note(
          "The constraint is checked against every row under ACCESS EXCLUSIVE; add it NOT VALID and validate separately.",
        );
      }
      if (constraint.contype === "CONSTR_NOTNULL" && context.pgVersion < 18)
        verdict.note("ADD CONSTRAINT ... NOT NULL needs PostgreSQL 18.");
      return;
    case "CONSTR_UNIQUE":
    case "CONSTR_PRIMARY":
    case "CONSTR_EXCLUSION":
      verdict.scan = true;
      verdict.note(
        "The constraint builds its index under ACCESS EXCLUSIVE; build it with CREATE UNIQUE INDEX CONCURRENTLY and add it USING INDEX.",
      );
      return;
    default:
      return;
  }
}

function lockReferenced(constraint: Constraint, scope: CommandScope, mode: LockMode): void {
  const referenced = referenceFromRangeVar(constraint.pktable, "referenced");
  // A self-reference is the altered table itself: its lock is already the stronger one.
  if (referenced !== undefined && relationKey(referenced) !== scope.tableKey) scope.verdict.lock(referenced, mode);
}

/** ATTACH PARTITION: the partition is locked and scanned; the parent lock depends on the version. */
export function analyzeAttach(command: AlterTableCmd, scope: CommandScope): void {
  const { verdict, context } = scope;
  const partition = referenceFromRangeVar(nodeOf<PartitionCmd>(command.def, "PartitionCmd")?.name, "target");
  verdict.lock(partition, "AccessExclusiveLock");
  if (scope.isIndex) return;
  verdict.scan = true;
  verdict.note(
    context.pgVersion >= 12
      ? "ATTACH PARTITION takes SHARE UPDATE EXCLUSIVE on the parent (PostgreSQL 12+) and ACCESS EXCLUSIVE on the partition, which is scanned unless a CHECK constraint already proves its bounds."
      : "ATTACH PARTITION takes ACCESS EXCLUSIVE on the parent before PostgreSQL 12.",
  );
}

/** DETACH PARTITION, plain or CONCURRENTLY (PostgreSQL 14+, outside a transaction block). */
export function analyzeDetach(command: AlterTableCmd, scope: CommandScope): void {
  const { verdict, context } = scope;
  const partitionCommand = nodeOf<PartitionCmd>(command.def, "PartitionCmd");
  const partition = referenceFromRangeVar(partitionCommand?.name, "target");
  if (partitionCommand?.concurrent === true) {
    verdict.lock(partition, "ShareUpdateExclusiveLock");
    verdict.transactional = false;
    verdict.note(
      context.pgVersion >= 14
        ? "DETACH PARTITION CONCURRENTLY takes SHARE UPDATE EXCLUSIVE and cannot run in a transaction block (PostgreSQL 14+)."
        : "DETACH PARTITION CONCURRENTLY needs PostgreSQL 14.",
    );
    return;
  }
  verdict.lock(partition, "AccessExclusiveLock");
  verdict.note(
    "DETACH PARTITION takes ACCESS EXCLUSIVE on the parent and the partition; CONCURRENTLY (PostgreSQL 14+) avoids it.",
  );
}
