import type {
  ColumnDef,
  Constraint,
  CreateStmt,
  CreateTableAsStmt,
  IntoClause,
  Node,
  RangeVar,
  TableLikeClause,
  ViewStmt,
} from "@pgsql/types";
import { nodeOf, stringsOf } from "./ast.js";
import { addColumn } from "./columns.js";
import { addConstraint, relationNameTaken } from "./constraints.js";
import { applyConstraintAttribute } from "./constraint-changes.js";
import { type ApplyContext, rangeVarKey } from "./context.js";
import { expressionToSql } from "./deparse.js";
import { cloneConstraint, cloneIndex, clonePartitionObjects } from "./copies.js";
import { newTable, nextColumnPosition } from "./model.js";
import { TEMPORARY_SCHEMA } from "./names.js";
import { queryColumns } from "./query-columns.js";
import type { ColumnModel, ConstraintModel, TableModel } from "./types.js";

/** `CREATE TABLE ... (LIKE source INCLUDING ...)` option bits, as PostgreSQL's TableLikeOption. */
const LIKE = { comments: 1 << 0, constraints: 1 << 2, defaults: 1 << 3, generated: 1 << 4, identity: 1 << 5, indexes: 1 << 6 };

function tableLocation(context: ApplyContext, relation: RangeVar): { schema: string; name: string } {
  const schema = relation.relpersistence === "t" ? TEMPORARY_SCHEMA : (relation.schemaname ?? context.defaultSchema);
  return { schema, name: relation.relname ?? "" };
}

/** Starts a new relation, or returns undefined when the name is taken (the statement fails or is IF NOT EXISTS). */
function startRelation(context: ApplyContext, relation: RangeVar | undefined, kind: TableModel["kind"]): TableModel | undefined {
  if (relation?.relname === undefined) return undefined;
  const { schema, name } = tableLocation(context, relation);
  if (relationNameTaken(context, schema, name)) return undefined;
  const table = newTable(context.model, schema, name, kind, context.source, context.createdInMigrations);
  if (relation.relpersistence === "u") table.unlogged = true;
  if (relation.relpersistence === "t") table.temporary = true;
  return table;
}

/** Copies a parent's column into a child (LIKE, INHERITS, PARTITION OF), keeping what `keep` allows. */
function inheritColumn(
  context: ApplyContext,
  child: TableModel,
  source: ColumnModel,
  keep: { defaults: boolean; identity: boolean; generated: boolean; comments: boolean },
): void {
  if (child.columns.has(source.name)) return;
  const column: ColumnModel = {
    name: source.name,
    type: source.type,
    typeModifiers: [...source.typeModifiers],
    isArray: source.isArray,
    notNull: source.notNull,
    securityLabels: {},
    createdAt: context.source,
    position: nextColumnPosition(child),
  };
  if (source.collation !== undefined) column.collation = source.collation;
  if (source.typeUnknown === true) column.typeUnknown = true;
  if (keep.defaults && source.defaultExpression !== undefined && source.generated === undefined) {
    column.defaultExpression = source.defaultExpression;
    if (source.defaultVolatile !== undefined) column.defaultVolatile = source.defaultVolatile;
  }
  if (keep.identity && source.identity !== undefined) column.identity = source.identity;
  if (keep.generated && source.generated !== undefined) {
    column.generated = source.generated;
    if (source.generatedExpression !== undefined) column.generatedExpression = source.generatedExpression;
  }
  if (keep.comments && source.comment !== undefined) column.comment = source.comment;
  child.columns.set(column.name, column);
}

function applyLike(context: ApplyContext, table: TableModel, clause: TableLikeClause): void {
  const key = rangeVarKey(context, clause.relation);
  const source = key === undefined ? undefined : context.model.tables.get(key);
  if (source === undefined || source.columnsKnown === false) table.columnsKnown = false;
  if (source === undefined) return;
  const options = clause.options ?? 0;
  const keep = {
    defaults: (options & LIKE.defaults) !== 0,
    identity: (options & LIKE.identity) !== 0,
    generated: (options & LIKE.generated) !== 0,
    comments: (options & LIKE.comments) !== 0,
  };
  for (const column of source.columns.values()) inheritColumn(context, table, column, keep);
  for (const constraint of source.constraints) {
    const copyIt =
      constraint.type === "check"
        ? (options & LIKE.constraints) !== 0
        : constraint.index !== undefined && (options & LIKE.indexes) !== 0;
    if (copyIt) cloneConstraint(context, table, source, constraint);
  }
  if ((options & LIKE.indexes) === 0) return;
  for (const key of source.indexes) {
    const index = context.model.indexes.get(key);
    if (index !== undefined && index.constraint === undefined) cloneIndex(context, table, index);
  }
}

function applyParents(context: ApplyContext, table: TableModel, statement: CreateStmt): void {
  for (const node of statement.inhRelations ?? []) {
    const relation = nodeOf<RangeVar>(node, "RangeVar");
    const key = rangeVarKey(context, relation);
    if (key === undefined) continue;
    const parent = context.model.tables.get(key);
    if (statement.partbound !== undefined) {
      table.partitionOf = key;
      if (statement.partbound.is_default === true) table.partitionDefault = true;
    } else table.inherits = [...(table.inherits ?? []), key];
    if (parent === undefined || parent.columnsKnown === false) table.columnsKnown = false;
    if (parent === undefined) continue;
    const partition = statement.partbound !== undefined;
    for (const column of parent.columns.values()) {
      inheritColumn(context, table, column, { defaults: true, identity: partition, generated: true, comments: false });
    }
    for (const constraint of parent.constraints) {
      // Inheritance and partitions copy CHECK and NOT NULL; keys, foreign keys and indexes come after the table's own.
      if (constraint.type === "check" || constraint.type === "not_null") cloneConstraint(context, table, parent, constraint);
    }
  }
}

/** CREATE TABLE: columns, inline and table constraints, LIKE, INHERITS, PARTITION OF, PARTITION BY. */
export function applyCreateTable(context: ApplyContext, statement: CreateStmt, kind?: TableModel["kind"]): void {
  const table = startRelation(
    context,
    statement.relation,
    kind ?? (statement.partspec === undefined ? "table" : "partitioned_table"),
  );
  if (table === undefined) return;
  // Not in the model, but the database may have it (with other columns, and rows): IF NOT EXISTS then creates nothing.
  if (statement.if_not_exists === true) table.mayPreexist = true;
  if (statement.ofTypename !== undefined) table.columnsKnown = false;
  applyParents(context, table, statement);
  let previous: ConstraintModel | undefined;
  for (const element of statement.tableElts ?? []) {
    const column = nodeOf<ColumnDef>(element, "ColumnDef");
    if (column !== undefined) addColumn(context, table, column, true);
    const constraint = nodeOf<Constraint>(element, "Constraint");
    if (constraint !== undefined && !applyConstraintAttribute(previous, constraint)) {
      previous = addConstraint(context, table, constraint, { inCreate: true });
    }
    const like = nodeOf<TableLikeClause>(element, "TableLikeClause");
    if (like !== undefined) applyLike(context, table, like);
  }
  const parent = table.partitionOf === undefined ? undefined : context.model.tables.get(table.partitionOf);
  if (parent !== undefined) clonePartitionObjects(context, parent, table);
  context.model.tables.set(`${table.schema}.${table.name}`, table);
}

function applyInto(context: ApplyContext, into: IntoClause | undefined, query: Node | undefined, kind: TableModel["kind"]): void {
  const table = startRelation(context, into?.rel, kind);
  if (table === undefined) return;
  const derived = queryColumns(context, query, stringsOf(into?.colNames));
  derived.columns.forEach((column, index) => {
    table.columns.set(column.name, { ...column, createdAt: context.source, position: index + 1 });
  });
  if (!derived.known) table.columnsKnown = false;
  if (kind === "materialized_view") {
    const text = expressionToSql(query);
    if (text !== undefined) table.query = text;
  }
  context.model.tables.set(`${table.schema}.${table.name}`, table);
}

/** CREATE TABLE AS and CREATE MATERIALIZED VIEW: columns derived from the query where possible. */
export function applyCreateTableAs(context: ApplyContext, statement: CreateTableAsStmt): void {
  applyInto(context, statement.into, statement.query, statement.objtype === "OBJECT_MATVIEW" ? "materialized_view" : "table");
}

/** SELECT ... INTO new_table: a CREATE TABLE AS in disguise. */
export function applySelectInto(context: ApplyContext, statement: { intoClause?: IntoClause }): void {
  if (statement.intoClause === undefined) return;
  const { intoClause, ...rest } = statement;
  applyInto(context, intoClause, { SelectStmt: rest } as Node, "table");
}

/** CREATE [OR REPLACE] VIEW: columns from the alias list or the query; OR REPLACE keeps comments, grants and labels. */
export function applyCreateView(context: ApplyContext, statement: ViewStmt): void {
  const key = rangeVarKey(context, statement.view);
  if (key === undefined) return;
  const existing = context.model.tables.get(key);
  if (existing !== undefined && !(statement.replace === true && existing.kind === "view")) return;
  const table = existing ?? startRelation(context, statement.view, "view");
  if (table === undefined) return;
  const derived = queryColumns(context, statement.query, stringsOf(statement.aliases));
  const previous = table.columns;
  table.columns = new Map();
  derived.columns.forEach((column, index) => {
    const kept = previous.get(column.name);
    table.columns.set(column.name, {
      ...column,
      createdAt: kept?.createdAt ?? context.source,
      position: index + 1,
      ...(kept?.comment === undefined ? {} : { comment: kept.comment }),
      securityLabels: kept?.securityLabels ?? {},
    });
  });
  if (derived.known) delete table.columnsKnown;
  else table.columnsKnown = false;
  const text = expressionToSql(statement.query);
  if (text !== undefined) table.query = text;
  context.model.tables.set(`${table.schema}.${table.name}`, table);
}

/** CREATE FOREIGN TABLE: a table whose rows live elsewhere; its columns and constraints as CREATE TABLE's. */
export function applyCreateForeignTable(context: ApplyContext, statement: { base?: CreateStmt }): void {
  if (statement.base !== undefined) applyCreateTable(context, statement.base, "foreign_table");
}
