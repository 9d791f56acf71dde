import type {
  AlterTableStmt,
  ColumnDef,
  CommentStmt,
  Constraint,
  CreateStmt,
  CreateTableAsStmt,
  DropStmt,
  GrantStmt,
  IndexStmt,
  Node,
  RangeVar,
  RenameStmt,
  TableLikeClause,
  ViewStmt,
} from "@pgsql/types";
import { nodeOf } from "../schema/ast.js";
import { queryRelations, referenceFromNames, referenceFromRangeVar } from "../relations.js";
import type { RelationReference } from "../types.js";
import {
  alterTableCommands,
  alterTableCommandKind,
  alterTableExtraRelations,
  constraintRelations,
  mostSignificantKind,
} from "./alter-table.js";

type Classified = { kind: string; relations: Array<RelationReference | undefined> };
type Payload = Record<string, unknown>;

const RELATION_OBJECT_TYPES: Record<string, RelationReference["objectType"]> = {
  OBJECT_TABLE: "table",
  OBJECT_FOREIGN_TABLE: "table",
  OBJECT_INDEX: "index",
  OBJECT_VIEW: "view",
  OBJECT_MATVIEW: "materialized_view",
  OBJECT_SEQUENCE: "sequence",
};

const DROP_KINDS: Record<string, string> = {
  OBJECT_TABLE: "drop_table",
  OBJECT_FOREIGN_TABLE: "drop_foreign_table",
  OBJECT_INDEX: "drop_index",
  OBJECT_VIEW: "drop_view",
  OBJECT_MATVIEW: "drop_materialized_view",
  OBJECT_SEQUENCE: "drop_sequence",
  OBJECT_TYPE: "drop_type",
  OBJECT_DOMAIN: "drop_domain",
  OBJECT_FUNCTION: "drop_function",
  OBJECT_PROCEDURE: "drop_procedure",
  OBJECT_SCHEMA: "drop_schema",
  OBJECT_EXTENSION: "drop_extension",
  OBJECT_TRIGGER: "drop_trigger",
  OBJECT_POLICY: "drop_policy",
  OBJECT_RULE: "drop_rule",
};

const RENAME_KINDS: Record<string, string> = {
  OBJECT_TABLE: "rename_table",
  OBJECT_FOREIGN_TABLE: "rename_table",
  OBJECT_COLUMN: "rename_column",
  OBJECT_TABCONSTRAINT: "rename_constraint",
  OBJECT_INDEX: "rename_index",
  OBJECT_VIEW: "rename_view",
  OBJECT_MATVIEW: "rename_materialized_view",
  OBJECT_SEQUENCE: "rename_sequence",
  OBJECT_TRIGGER: "rename_trigger",
  OBJECT_POLICY: "rename_policy",
  OBJECT_SCHEMA: "rename_schema",
  OBJECT_TYPE: "rename_type",
};

/** Kinds given by this file. */
export const DDL_KINDS: readonly string[] = [
  ...Object.values(DROP_KINDS),
  ...Object.values(RENAME_KINDS),
  "drop_object",
  "rename",
  "drop_index_concurrently",
  "create_table",
  "create_table_as",
  "create_index",
  "create_index_concurrently",
  "create_view",
  "create_materialized_view",
  "refresh_materialized_view",
  "refresh_materialized_view_concurrently",
  "truncate",
  "create_policy",
  "alter_policy",
  "create_trigger",
  "comment",
  "grant",
  "revoke",
  "create_sequence",
  "alter_sequence",
  "set_schema",
  "create_rule",
  "security_label",
  "alter_type",
  "alter_index",
  "alter_view",
  "alter_materialized_view",
];

/** Classify DDL on relations; undefined when the tag is not one of them. */
export function classifyDdl(tag: string, payload: Payload): Classified | undefined {
  const classify = DDL_CLASSIFIERS[tag];
  return classify === undefined ? undefined : classify(payload);
}

const DDL_CLASSIFIERS: Record<string, (payload: Payload) => Classified> = {
  CreateStmt: (payload) => createTable(payload as CreateStmt),
  AlterTableStmt: (payload) => alterTable(payload as AlterTableStmt),
  IndexStmt: (payload) => {
    const statement = payload as IndexStmt;
    const schema = statement.relation?.schemaname;
    const index =
      statement.idxname === undefined
        ? undefined
        : { relname: statement.idxname, ...(schema === undefined ? {} : { schemaname: schema }) };
    return {
      kind: statement.concurrent === true ? "create_index_concurrently" : "create_index",
      relations: [
        referenceFromRangeVar(statement.relation, "target", "table"),
        referenceFromRangeVar(index, "target", "index", true),
      ],
    };
  },
  DropStmt: (payload) => drop(payload as DropStmt),
  RenameStmt: (payload) => {
    const statement = payload as RenameStmt;
    const type = statement.renameType ?? "";
    const objectType = RELATION_OBJECT_TYPES[statement.relationType ?? ""] ?? RELATION_OBJECT_TYPES[type] ?? "table";
    return {
      kind: RENAME_KINDS[type] ?? "rename",
      relations: [referenceFromRangeVar(statement.relation, "target", type === "OBJECT_INDEX" ? "index" : objectType)],
    };
  },
  TruncateStmt: (payload) => ({
    kind: "truncate",
    relations: rangeVars(payload.relations).map((relation) => referenceFromRangeVar(relation, "target", "table")),
  }),
  ViewStmt: (payload) => {
    const statement = payload as ViewStmt;
    return {
      kind: "create_view",
      relations: [
        referenceFromRangeVar(statement.view, "target", "view", statement.replace !== true),
        ...queryRelations(statement.query),
      ],
    };
  },
  CreateTableAsStmt: (payload) => {
    const statement = payload as CreateTableAsStmt;
    const materialized = statement.objtype === "OBJECT_MATVIEW";
    return {
      kind: materialized ? "create_materialized_view" : "create_table_as",
      relations: [
        referenceFromRangeVar(statement.into?.rel, "target", materialized ? "materialized_view" : "table", true),
        ...queryRelations(statement.query),
      ],
    };
  },
  RefreshMatViewStmt: (payload) => ({
    kind: payload.concurrent === true ? "refresh_materialized_view_concurrently" : "refresh_materialized_view",
    relations: [referenceFromRangeVar(payload.relation as RangeVar, "target", "materialized_view")],
  }),
  CreatePolicyStmt: (payload) => ({
    kind: "create_policy",
    relations: [referenceFromRangeVar(payload.table as RangeVar, "target", "table")],
  }),
  AlterPolicyStmt: (payload) => ({
    kind: "alter_policy",
    relations: [referenceFromRangeVar(payload.table as RangeVar, "target", "table")],
  }),
  CreateTrigStmt: (payload) => ({
    kind: "create_trigger",
    relations: [
      referenceFromRangeVar(payload.relation as RangeVar, "target", "table"),
      referenceFromRangeVar(payload.constrrel as RangeVar | undefined, "referenced", "table"),
    ],
  }),
  RuleStmt: (payload) => ({
    kind: "create_rule",
    relations: [referenceFromRangeVar(payload.relation as RangeVar, "target", "table")],
  }),
  CommentStmt: (payload) => ({ kind: "comment", relations: [objectRelation(payload as CommentStmt)] }),
  SecLabelStmt: (payload) => ({ kind: "security_label", relations: [objectRelation(payload as CommentStmt)] }),
  GrantStmt: (payload) => {
    const statement = payload as GrantStmt;
    const objectType = RELATION_OBJECT_TYPES[statement.objtype ?? ""];
    const targets =
      statement.targtype === "ACL_TARGET_OBJECT" && objectType !== undefined
        ? rangeVars(statement.objects).map((relation) => referenceFromRangeVar(relation, "target", objectType))
        : [];
    return { kind: statement.is_grant === true ? "grant" : "revoke", relations: targets };
  },
  CreateSeqStmt: (payload) => ({
    kind: "create_sequence",
    relations: [referenceFromRangeVar(payload.sequence as RangeVar, "target", "sequence", true)],
  }),
  AlterSeqStmt: (payload) => ({
    kind: "alter_sequence",
    relations: [referenceFromRangeVar(payload.sequence as RangeVar, "target", "sequence")],
  }),
  AlterObjectSchemaStmt: (payload) => ({
    kind: "set_schema",
    relations: [
      referenceFromRangeVar(
        payload.relation as RangeVar | undefined,
        "target",
        RELATION_OBJECT_TYPES[String(payload.objectType)],
      ),
    ],
  }),
};

function createTable(statement: CreateStmt): Classified {
  const relations: Array<RelationReference | undefined> = [referenceFromRangeVar(statement.relation, "target", "table", true)];
  const isPartition = statement.partbound !== undefined;
  for (const parent of rangeVars(statement.inhRelations)) {
    // A new partition locks its parent; a plain INHERITS parent is only read.
    relations.push(referenceFromRangeVar(parent, isPartition ? "target" : "referenced", "table"));
  }
  const schema = statement.relation?.schemaname;
  for (const element of statement.tableElts ?? []) {
    const column = nodeOf<ColumnDef>(element, "ColumnDef");
    for (const constraint of column?.constraints ?? []) relations.push(...constraintReferences(constraint, schema));
    relations.push(...constraintReferences(element, schema));
    const like = nodeOf<TableLikeClause>(element, "TableLikeClause");
    if (like !== undefined) relations.push(referenceFromRangeVar(like.relation, "referenced", "table"));
  }
  // A partition is a table: rules about tables apply; its parent shows as a target relation.
  return { kind: "create_table", relations };
}

function constraintReferences(node: Node, schema: string | undefined): Array<RelationReference | undefined> {
  const constraint = nodeOf<Constraint>(node, "Constraint");
  return constraint === undefined ? [] : constraintRelations(constraint, schema);
}

function alterTable(statement: AlterTableStmt): Classified {
  const objectType = RELATION_OBJECT_TYPES[statement.objtype ?? ""] ?? "table";
  const relations = [referenceFromRangeVar(statement.relation, "target", objectType), ...alterTableExtraRelations(statement)];
  if (statement.objtype === "OBJECT_TYPE") return { kind: "alter_type", relations: [] };
  const kinds = alterTableCommands(statement).map(alterTableCommandKind);
  const kind = mostSignificantKind(kinds);
  if (kind === "alter_table" && statement.objtype === "OBJECT_INDEX") return { kind: "alter_index", relations };
  return { kind, relations };
}

function drop(statement: DropStmt): Classified {
  const removeType = statement.removeType ?? "";
  if (removeType === "OBJECT_INDEX" && statement.concurrent === true) {
    return { kind: "drop_index_concurrently", relations: namedObjects(statement, "index") };
  }
  const kind = DROP_KINDS[removeType] ?? "drop_object";
  const objectType = RELATION_OBJECT_TYPES[removeType];
  if (objectType !== undefined) return { kind, relations: namedObjects(statement, objectType) };
  if (removeType === "OBJECT_TRIGGER" || removeType === "OBJECT_POLICY" || removeType === "OBJECT_RULE") {
    // `DROP TRIGGER name ON table`: the list is [schema?, table, name]; the table is what gets locked.
    const relations = (statement.objects ?? []).map((object) =>
      referenceFromNames(listItems(object).slice(0, -1), "target", "table"),
    );
    return { kind, relations };
  }
  return { kind, relations: [] };
}

function namedObjects(statement: DropStmt, objectType: RelationReference["objectType"]): Array<RelationReference | undefined> {
  return (statement.objects ?? []).map((object) => referenceFromNames(listItems(object), "target", objectType));
}

/** The relation a COMMENT or SECURITY LABEL is about: the table of a column, constraint, trigger or policy. */
function objectRelation(statement: CommentStmt): RelationReference | undefined {
  const type = statement.objtype ?? "";
  const items = listItems(statement.object);
  const objectType = RELATION_OBJECT_TYPES[type];
  if (objectType !== undefined) return referenceFromNames(items, "target", objectType);
  if (type === "OBJECT_COLUMN" || type === "OBJECT_TABCONSTRAINT" || type === "OBJECT_TRIGGER" || type === "OBJECT_POLICY") {
    return referenceFromNames(items.slice(0, -1), "target", "table");
  }
  return undefined;
}

function listItems(node: Node | undefined): Node[] {
  return nodeOf<{ items?: Node[] }>(node, "List")?.items ?? [];
}

function rangeVars(nodes: unknown): RangeVar[] {
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node: Node) => {
    const rangeVar = nodeOf<RangeVar>(node, "RangeVar");
    return rangeVar === undefined ? [] : [rangeVar];
  });
}

export { rangeVars };
