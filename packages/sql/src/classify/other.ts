import type { ClusterStmt, CopyStmt, DefElem, Node, RangeVar, ReindexStmt, VacuumStmt } from "@pgsql/types";
import { nodeOf } from "../schema/ast.js";
import { queryRelations, referenceFromRangeVar } from "../relations.js";
import type { RelationReference } from "../types.js";
import { rangeVars } from "./ddl.js";

type Classified = { kind: string; relations: Array<RelationReference | undefined> };
type Payload = Record<string, unknown>;

const TRANSACTION_KINDS: Record<string, string> = {
  TRANS_STMT_BEGIN: "begin",
  TRANS_STMT_START: "begin",
  TRANS_STMT_COMMIT: "commit",
  TRANS_STMT_ROLLBACK: "rollback",
  TRANS_STMT_SAVEPOINT: "savepoint",
  TRANS_STMT_RELEASE: "release_savepoint",
  TRANS_STMT_ROLLBACK_TO: "rollback_to_savepoint",
  TRANS_STMT_PREPARE: "prepare_transaction",
  TRANS_STMT_COMMIT_PREPARED: "commit_prepared",
  TRANS_STMT_ROLLBACK_PREPARED: "rollback_prepared",
};

/** Statements whose kind follows from the tag alone and that name no relation. */
const TAG_KINDS: Record<string, string> = {
  CreateEnumStmt: "create_enum",
  CompositeTypeStmt: "create_type",
  CreateRangeStmt: "create_type",
  CreateDomainStmt: "create_domain",
  AlterDomainStmt: "alter_domain",
  CreateFunctionStmt: "create_function",
  AlterFunctionStmt: "alter_function",
  CreateExtensionStmt: "create_extension",
  AlterExtensionStmt: "alter_extension",
  CreateSchemaStmt: "create_schema",
  CreateRoleStmt: "create_role",
  AlterRoleStmt: "alter_role",
  AlterRoleSetStmt: "alter_role",
  DropRoleStmt: "drop_role",
  GrantRoleStmt: "grant_role",
  AlterDefaultPrivilegesStmt: "alter_default_privileges",
  DoStmt: "do_block",
  CallStmt: "call",
  CreatedbStmt: "create_database",
  DropdbStmt: "drop_database",
  AlterDatabaseStmt: "alter_database",
  AlterDatabaseSetStmt: "alter_database",
  VariableSetStmt: "set",
  VariableShowStmt: "show",
  ExplainStmt: "explain",
  CreateStatsStmt: "create_statistics",
  NotifyStmt: "notify",
  CheckPointStmt: "checkpoint",
  DiscardStmt: "discard",
  CreateEventTrigStmt: "create_event_trigger",
  CreateCastStmt: "create_cast",
  DefineStmt: "create_type",
  AlterOwnerStmt: "change_owner",
  CreatePublicationStmt: "create_publication",
  AlterPublicationStmt: "alter_publication",
  CreateSubscriptionStmt: "create_subscription",
  CreateTableSpaceStmt: "create_tablespace",
  CreateForeignTableStmt: "create_foreign_table",
  ReassignOwnedStmt: "reassign_owned",
  DropOwnedStmt: "drop_owned",
  PrepareStmt: "prepare",
  ExecuteStmt: "execute",
  DeallocateStmt: "deallocate",
};

/** Kinds given by this file. */
export const OTHER_KINDS: readonly string[] = [
  ...Object.values(TRANSACTION_KINDS),
  ...Object.values(TAG_KINDS),
  "add_enum_value",
  "rename_enum_value",
  "insert",
  "update",
  "delete",
  "merge",
  "select",
  "select_for_update",
  "copy",
  "vacuum",
  "vacuum_full",
  "analyze",
  "cluster",
  "reindex",
  "reindex_concurrently",
  "lock_table",
  "alter_type",
];

/** Classify DML, maintenance, transaction control and object statements that are not relation DDL. */
export function classifyOther(tag: string, payload: Payload): Classified | undefined {
  const classify = CLASSIFIERS[tag];
  if (classify !== undefined) return classify(payload);
  const kind = TAG_KINDS[tag];
  return kind === undefined ? undefined : { kind, relations: [] };
}

const CLASSIFIERS: Record<string, (payload: Payload) => Classified> = {
  TransactionStmt: (payload) => ({ kind: TRANSACTION_KINDS[String(payload.kind)] ?? "other", relations: [] }),
  AlterEnumStmt: (payload) => ({ kind: payload.newVal !== undefined ? "add_enum_value" : "rename_enum_value", relations: [] }),
  InsertStmt: (payload) => dml("insert", payload),
  UpdateStmt: (payload) => dml("update", payload),
  DeleteStmt: (payload) => dml("delete", payload),
  MergeStmt: (payload) => dml("merge", payload),
  SelectStmt: (payload) => {
    const locking = Array.isArray(payload.lockingClause) && payload.lockingClause.length > 0;
    const into = payload.intoClause as { rel?: RangeVar } | undefined;
    if (into?.rel !== undefined) {
      return {
        kind: "create_table_as",
        relations: [referenceFromRangeVar(into.rel, "target", "table", true), ...queryRelations(payload)],
      };
    }
    return { kind: locking ? "select_for_update" : "select", relations: queryRelations(payload) };
  },
  CopyStmt: (payload) => {
    const statement = payload as CopyStmt;
    return {
      kind: "copy",
      relations: [
        referenceFromRangeVar(statement.relation, statement.is_from === true ? "target" : "referenced", "table"),
        ...queryRelations(statement.query),
      ],
    };
  },
  VacuumStmt: (payload) => {
    const statement = payload as VacuumStmt;
    const options = optionNames(statement.options);
    const kind = statement.is_vacuumcmd !== true ? "analyze" : options.has("full") ? "vacuum_full" : "vacuum";
    const relations = (statement.rels ?? []).map((relation) =>
      referenceFromRangeVar(nodeOf<{ relation?: RangeVar }>(relation, "VacuumRelation")?.relation, "target", "table"),
    );
    return { kind, relations };
  },
  ClusterStmt: (payload) => {
    const statement = payload as ClusterStmt;
    const schema = statement.relation?.schemaname;
    const index =
      statement.indexname === undefined
        ? undefined
        : { relname: statement.indexname, ...(schema === undefined ? {} : { schemaname: schema }) };
    return {
      kind: "cluster",
      relations: [
        referenceFromRangeVar(statement.relation, "target", "table"),
        referenceFromRangeVar(index, "referenced", "index"),
      ],
    };
  },
  ReindexStmt: (payload) => {
    const statement = payload as ReindexStmt;
    const concurrent = optionNames(statement.params).has("concurrently");
    const objectType = statement.kind === "REINDEX_OBJECT_INDEX" ? "index" : "table";
    return {
      kind: concurrent ? "reindex_concurrently" : "reindex",
      relations: [referenceFromRangeVar(statement.relation, "target", objectType)],
    };
  },
  LockStmt: (payload) => ({
    kind: "lock_table",
    relations: rangeVars(payload.relations).map((relation) => referenceFromRangeVar(relation, "target", "table")),
  }),
};

function dml(kind: string, payload: Payload): Classified {
  const target = referenceFromRangeVar(payload.relation as RangeVar | undefined, "target", "table");
  const { relation: _relation, ...rest } = payload;
  return { kind, relations: [target, ...queryRelations(rest)] };
}

/** Lower-case names of a list of DefElem options (`VACUUM (FULL)`, `REINDEX (CONCURRENTLY)`). */
function isFalseArgument(argument: Node | undefined): boolean {
  if (argument === undefined) return false;
  const boolean = nodeOf<{ boolval?: boolean }>(argument, "Boolean");
  if (boolean !== undefined) return boolean.boolval !== true;
  const text = nodeOf<{ sval?: string }>(argument, "String");
  if (text !== undefined) return ["false", "off", "no", "0"].includes((text.sval ?? "").toLowerCase());
  const integer = nodeOf<{ ival?: number }>(argument, "Integer");
  return integer !== undefined && (integer.ival ?? 0) === 0;
}

export function optionNames(options: Node[] | undefined): Set<string> {
  const names = new Set<string>();
  for (const option of options ?? []) {
    const element = nodeOf<DefElem>(option, "DefElem");
    // `VACUUM (FULL false)`, `(FULL off)` and `(FULL 0)` turn the option off: PostgreSQL's defGetBoolean
    // reads the argument as a Boolean, a String ("false", "off", "no") or an Integer (0).
    const off = isFalseArgument(element?.arg as Node | undefined);
    if (element?.defname !== undefined && !off) names.add(element.defname.toLowerCase());
  }
  return names;
}
