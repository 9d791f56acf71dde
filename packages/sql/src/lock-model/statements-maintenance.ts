import type { Node } from "@pgsql/types";
import { optionNames } from "../classify/other.js";
import type { LockMode } from "../types.js";
import { type Analyzer, lockTargets, type StatementScope } from "./statement-scope.js";

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

/** Analysers for maintenance (VACUUM, CLUSTER, REINDEX), LOCK TABLE and statements PostgreSQL refuses in a transaction block. */
export const MAINTENANCE_ANALYZERS: Record<string, Analyzer> = {
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
