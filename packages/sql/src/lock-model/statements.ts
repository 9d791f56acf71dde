import type {
  AlterSeqStmt,
  ColumnDef,
  Constraint,
  CreateStmt,
  DefElem,
  Node,
  RangeVar,
  SelectStmt,
  TableLikeClause,
} from "@pgsql/types";
import { nodeOf } from "../schema/ast.js";
import { referenceFromRangeVar, relationKey } from "../relations.js";
import type { LockMode } from "../types.js";
import { type Analyzer, lockTargets, readQuery, type StatementScope } from "./statement-scope.js";
import { MAINTENANCE_ANALYZERS } from "./statements-maintenance.js";
import type { Verdict } from "./verdict.js";

/** Analysers by node tag, for everything but ALTER TABLE. */
export const STATEMENT_ANALYZERS: Record<string, Analyzer> = {
  CreateStmt: (payload, scope) => analyzeCreateTable(payload as CreateStmt, scope.verdict),
  IndexStmt: (payload, scope) => {
    const { verdict } = scope;
    verdict.scan = true;
    if (payload.concurrent === true) {
      lockTargets(scope, "ShareUpdateExclusiveLock");
      verdict.transactional = false;
      verdict.note(
        "CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE: reads and writes continue; it scans twice, waits for older transactions, and cannot run in a transaction block.",
      );
    } else {
      lockTargets(scope, "ShareLock");
      verdict.note("CREATE INDEX takes SHARE: writes wait for the whole build; use CONCURRENTLY on a live table.");
    }
  },
  DropStmt: (payload, scope) => {
    const { verdict } = scope;
    if (payload.concurrent === true) {
      lockTargets(scope, "ShareUpdateExclusiveLock");
      verdict.transactional = false;
      verdict.note(
        "DROP INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE on the index and its table and cannot run in a transaction block.",
      );
      return;
    }
    lockTargets(scope, "AccessExclusiveLock");
    if (scope.kind === "drop_index")
      verdict.note("DROP INDEX also takes ACCESS EXCLUSIVE on the index's table; use DROP INDEX CONCURRENTLY.");
    if (scope.kind === "drop_table")
      verdict.note("Dropping a table with foreign keys also takes ACCESS EXCLUSIVE on the tables they reference.");
  },
  RenameStmt: (payload, scope) => {
    const lighter = payload.renameType === "OBJECT_INDEX" && scope.context.pgVersion >= 12;
    lockTargets(scope, lighter ? "ShareUpdateExclusiveLock" : "AccessExclusiveLock");
    if (lighter) scope.verdict.note("Renaming an index takes SHARE UPDATE EXCLUSIVE from PostgreSQL 12.");
    scope.verdict.note("A rename breaks every client that still uses the old name.");
  },
  TruncateStmt: (_payload, scope) => {
    lockTargets(scope, "AccessExclusiveLock");
    scope.verdict.rewrite = true;
    scope.verdict.note(
      "TRUNCATE swaps in new empty storage (fast, whatever the size) under ACCESS EXCLUSIVE; all rows are gone.",
    );
  },
  ViewStmt: (_payload, scope) => {
    lockTargets(scope, "AccessExclusiveLock");
    readQuery(scope);
  },
  CreateTableAsStmt: (payload, scope) => {
    readQuery(scope);
    const skipData = (payload.into as { skipData?: boolean } | undefined)?.skipData === true;
    if (!skipData) scope.verdict.scan = true;
  },
  SelectStmt: (payload, scope) => {
    const statement = payload as SelectStmt;
    if (scope.kind === "create_table_as") {
      readQuery(scope);
      scope.verdict.scan = true;
      return;
    }
    if (scope.kind !== "select_for_update") {
      // Data-modifying CTEs make their tables targets.
      lockTargets(scope, "RowExclusiveLock");
      readQuery(scope);
      return;
    }
    const locked = lockedRelations(statement);
    for (const relation of scope.relations) {
      const all = locked.size === 0 || locked.has(relation.name);
      scope.verdict.lock(relation, all ? "RowShareLock" : "AccessShareLock");
    }
  },
  RefreshMatViewStmt: (payload, scope) => {
    const { verdict } = scope;
    verdict.scan = true;
    if (payload.concurrent === true) {
      lockTargets(scope, "ExclusiveLock");
      verdict.note("REFRESH ... CONCURRENTLY takes EXCLUSIVE: reads continue; it needs a unique index on the view.");
    } else {
      lockTargets(scope, "AccessExclusiveLock");
      verdict.rewrite = true;
      verdict.note("REFRESH MATERIALIZED VIEW rebuilds it under ACCESS EXCLUSIVE: reads wait; use CONCURRENTLY.");
    }
  },
  CreatePolicyStmt: (_payload, scope) => lockTargets(scope, "AccessExclusiveLock"),
  AlterPolicyStmt: (_payload, scope) => lockTargets(scope, "AccessExclusiveLock"),
  CreateTrigStmt: (_payload, scope) => lockTargets(scope, "ShareRowExclusiveLock"),
  RuleStmt: (_payload, scope) => lockTargets(scope, "AccessExclusiveLock"),
  CommentStmt: (payload, scope) => lockTargets(scope, objectLevelLock(payload)),
  SecLabelStmt: (payload, scope) => lockTargets(scope, objectLevelLock(payload)),
  GrantStmt: (_payload, scope) => {
    if (scope.context.pgVersion >= 18) lockTargets(scope, "AccessShareLock");
    scope.verdict.note(
      "GRANT and REVOKE change the catalog only; PostgreSQL 18 takes ACCESS SHARE on the relation, 15 takes none (16 and 17 not measured).",
    );
  },
  AlterSeqStmt: (payload, scope) => {
    lockTargets(scope, "ShareRowExclusiveLock");
    const options = ((payload as AlterSeqStmt).options ?? []).flatMap((option: Node) => {
      const element = nodeOf<DefElem>(option, "DefElem");
      return element?.defname === undefined ? [] : [element.defname];
    });
    if (options.some((option) => option !== "owned_by")) {
      scope.verdict.note("Changing a sequence's parameters replaces its one-row storage: instant, not a table rewrite.");
    }
  },
  AlterObjectSchemaStmt: (_payload, scope) => lockTargets(scope, "AccessExclusiveLock"),
  AlterEnumStmt: (_payload, scope) => {
    if (scope.kind !== "add_enum_value") return;
    if (scope.context.pgVersion < 12) {
      scope.verdict.transactional = false;
      scope.verdict.note("ALTER TYPE ... ADD VALUE cannot run in a transaction block before PostgreSQL 12.");
    } else scope.verdict.note("The new enum value cannot be used until the transaction commits.");
  },
  InsertStmt: (_payload, scope) => dml(scope),
  UpdateStmt: (_payload, scope) => dml(scope),
  DeleteStmt: (_payload, scope) => dml(scope),
  MergeStmt: (_payload, scope) => dml(scope),
  CopyStmt: (payload, scope) => {
    lockTargets(scope, payload.is_from === true ? "RowExclusiveLock" : "AccessShareLock");
    readQuery(scope);
  },
  ...MAINTENANCE_ANALYZERS,
};

function dml(scope: StatementScope): void {
  lockTargets(scope, "RowExclusiveLock");
  readQuery(scope);
  scope.verdict.note("Row-level locks on the changed rows; foreign key checks also take ROW SHARE on the referenced tables.");
}

/** CREATE TABLE: the new table is invisible to others; what it references is locked. */
function analyzeCreateTable(statement: CreateStmt, verdict: Verdict): void {
  const isPartition = statement.partbound !== undefined;
  for (const parent of statement.inhRelations ?? []) {
    const reference = referenceFromRangeVar(nodeOf<RangeVar>(parent, "RangeVar"), "referenced");
    verdict.lock(reference, isPartition ? "AccessExclusiveLock" : "ShareUpdateExclusiveLock");
  }
  if (isPartition) {
    verdict.note(
      "CREATE TABLE ... PARTITION OF takes ACCESS EXCLUSIVE on the parent; a default partition is scanned for rows that now belong to the new one.",
    );
  }
  const ownKey =
    statement.relation === undefined
      ? undefined
      : relationKey({ schema: statement.relation.schemaname, name: statement.relation.relname ?? "" });
  for (const element of statement.tableElts ?? []) {
    const column = nodeOf<ColumnDef>(element, "ColumnDef");
    const constraints = [...(column?.constraints ?? []), element].flatMap((node) => {
      const constraint = nodeOf<Constraint>(node, "Constraint");
      return constraint === undefined ? [] : [constraint];
    });
    for (const constraint of constraints) {
      if (constraint.contype !== "CONSTR_FOREIGN") continue;
      const referenced = referenceFromRangeVar(constraint.pktable, "referenced");
      if (referenced !== undefined && relationKey(referenced) !== ownKey) verdict.lock(referenced, "ShareRowExclusiveLock");
    }
    const like = nodeOf<TableLikeClause>(element, "TableLikeClause");
    if (like !== undefined) verdict.lock(referenceFromRangeVar(like.relation, "referenced"), "AccessShareLock");
  }
}

/** COMMENT/SECURITY LABEL on a whole relation or column: SHARE UPDATE EXCLUSIVE; on a constraint, trigger or policy: ACCESS SHARE on its table. */
function objectLevelLock(payload: Record<string, unknown>): LockMode {
  const type = String(payload.objtype);
  return type === "OBJECT_TABCONSTRAINT" || type === "OBJECT_TRIGGER" || type === "OBJECT_POLICY"
    ? "AccessShareLock"
    : "ShareUpdateExclusiveLock";
}

function lockedRelations(statement: SelectStmt): Set<string> {
  const names = new Set<string>();
  for (const clause of statement.lockingClause ?? []) {
    for (const relation of nodeOf<{ lockedRels?: Node[] }>(clause, "LockingClause")?.lockedRels ?? []) {
      const name = nodeOf<{ relname?: string }>(relation, "RangeVar")?.relname;
      if (name !== undefined) names.add(name);
    }
  }
  return names;
}
