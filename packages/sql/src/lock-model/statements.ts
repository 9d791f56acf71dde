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
import { optionNames } from "../classify/other.js";
import { nodeOf } from "../schema/ast.js";
import { referenceFromRangeVar, relationKey } from "../relations.js";
import type { LockMode, RelationReference } from "../types.js";
import type { AnalysisContext, Verdict } from "./verdict.js";

type Analyzer = (payload: Record<string, unknown>, scope: StatementScope) => void;

/** A statement being analysed: its classification and the verdict to fill. */
export interface StatementScope {
  kind: string;
  relations: RelationReference[];
  context: AnalysisContext;
  verdict: Verdict;
}

/** `LOCK TABLE ... IN <mode> MODE`: the parser's numeric modes, 1 to 8. */
const LOCK_STATEMENT_MODES: Record<number, LockMode> = {
  1: "AccessShareLock",
  2: "RowShareLock",
  3: "RowExclusiveLock",
  4: "ShareUpdateExclusiveLock",
  5: "ShareLock",
  6: "ShareRowExclusiveLock",
  7: "ExclusiveLock",
  8: "AccessExclusiveLock",
};

function lockTargets(scope: StatementScope, mode: LockMode): void {
  for (const relation of scope.relations) if (relation.role === "target") scope.verdict.lock(relation, mode);
}

function lockReferenced(scope: StatementScope, mode: LockMode): void {
  for (const relation of scope.relations) if (relation.role === "referenced") scope.verdict.lock(relation, mode);
}

function readQuery(scope: StatementScope): void {
  lockReferenced(scope, "AccessShareLock");
}

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
  VacuumStmt: (payload, scope) => {
    const { verdict } = scope;
    const options = optionNames(payload.options as Node[] | undefined);
    if (payload.is_vacuumcmd !== true) {
      lockTargets(scope, "ShareUpdateExclusiveLock");
      verdict.scan = true;
      return;
    }
    verdict.transactional = false;
    verdict.scan = true;
    if (options.has("full")) {
      lockTargets(scope, "AccessExclusiveLock");
      verdict.rewrite = true;
      verdict.note("VACUUM FULL rewrites the table under ACCESS EXCLUSIVE: reads and writes wait.");
    } else lockTargets(scope, "ShareUpdateExclusiveLock");
    verdict.note("VACUUM cannot run in a transaction block.");
  },
  ClusterStmt: (payload, scope) => {
    const { verdict } = scope;
    if (payload.relation === undefined) {
      verdict.transactional = false;
      verdict.note("CLUSTER without a table reclusters every clustered table and cannot run in a transaction block.");
    }
    for (const relation of scope.relations) verdict.lock(relation, "AccessExclusiveLock");
    verdict.rewrite = true;
    verdict.scan = true;
    verdict.note("CLUSTER rewrites the table in index order under ACCESS EXCLUSIVE.");
  },
  ReindexStmt: (payload, scope) => {
    const { verdict } = scope;
    verdict.scan = true;
    const kind = String(payload.kind);
    const wide = kind === "REINDEX_OBJECT_SCHEMA" || kind === "REINDEX_OBJECT_DATABASE" || kind === "REINDEX_OBJECT_SYSTEM";
    if (scope.kind === "reindex_concurrently") {
      lockTargets(scope, "ShareUpdateExclusiveLock");
      verdict.transactional = false;
      verdict.note(
        scope.context.pgVersion >= 12
          ? "REINDEX CONCURRENTLY cannot run in a transaction block."
          : "REINDEX CONCURRENTLY needs PostgreSQL 12.",
      );
      return;
    }
    if (wide) verdict.transactional = false;
    if (kind === "REINDEX_OBJECT_INDEX") {
      lockTargets(scope, "AccessExclusiveLock");
      verdict.rewrite = true;
      verdict.note(
        "REINDEX INDEX rebuilds the index under ACCESS EXCLUSIVE (and SHARE on its table): queries that would use it wait.",
      );
    } else {
      lockTargets(scope, "ShareLock");
      verdict.note(
        "REINDEX TABLE rebuilds every index of the table (ACCESS EXCLUSIVE on each) with SHARE on the table: writes wait.",
      );
    }
  },
  LockStmt: (payload, scope) => lockTargets(scope, LOCK_STATEMENT_MODES[Number(payload.mode)] ?? "AccessExclusiveLock"),
  CreatedbStmt: (_payload, scope) => nonTransactional(scope, "CREATE DATABASE cannot run in a transaction block."),
  DropdbStmt: (_payload, scope) => nonTransactional(scope, "DROP DATABASE cannot run in a transaction block."),
  CreateTableSpaceStmt: (_payload, scope) => nonTransactional(scope, "CREATE TABLESPACE cannot run in a transaction block."),
  DropTableSpaceStmt: (_payload, scope) => nonTransactional(scope, "DROP TABLESPACE cannot run in a transaction block."),
  AlterSystemStmt: (_payload, scope) => nonTransactional(scope, "ALTER SYSTEM cannot run in a transaction block."),
  DoStmt: (_payload, scope) =>
    scope.verdict.note("A DO block is opaque to the lock model: what it locks depends on what it runs."),
  CallStmt: (_payload, scope) =>
    scope.verdict.note("A procedure is opaque to the lock model: what it locks depends on what it runs."),
};

function nonTransactional(scope: StatementScope, note: string): void {
  scope.verdict.transactional = false;
  scope.verdict.note(note);
}

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
