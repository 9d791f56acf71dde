import { relationNameTaken } from "./constraints.js";
import type { ApplyContext } from "./context.js";
import { chooseName, indexAttributeNames } from "./names.js";
import type { ConstraintModel, IndexModel, TableModel } from "./types.js";

/** The attribute names of an existing index (recorded, or its columns when not). */
function attributesOf(index: IndexModel): string[] {
  return (
    index.attributeNames ??
    indexAttributeNames([...index.columns, ...index.expressions.map(() => "expr"), ...(index.include ?? [])])
  );
}

function indexesOf(context: ApplyContext, table: TableModel): IndexModel[] {
  return table.indexes.flatMap((key) => {
    const index = context.model.indexes.get(key);
    return index === undefined ? [] : [index];
  });
}

function sameKeys(left: IndexModel, right: IndexModel): boolean {
  return (
    left.columns.join(",") === right.columns.join(",") &&
    left.expressions.join(",") === right.expressions.join(",") &&
    (left.include ?? []).join(",") === (right.include ?? []).join(",") &&
    left.unique === right.unique &&
    left.method === right.method &&
    left.where === right.where &&
    (left.constraint === undefined) === (right.constraint === undefined)
  );
}

/**
 * Copies a plain (not constraint-backed) index onto another table under the name PostgreSQL
 * chooses for it there; an index on a partitioned table is copied on down to its partitions.
 */
export function cloneIndex(context: ApplyContext, target: TableModel, source: IndexModel): void {
  if (indexesOf(context, target).some((existing) => sameKeys(existing, source))) return;
  const attributes = attributesOf(source);
  const name = chooseName(target.name, attributes.join("_"), "idx", (candidate) =>
    relationNameTaken(context, target.schema, candidate),
  );
  const copy: IndexModel = {
    ...source,
    name,
    table: `${target.schema}.${target.name}`,
    attributeNames: attributes,
    createdAt: context.source,
  };
  delete copy.constraint;
  delete copy.concurrently;
  const key = `${target.schema}.${name}`;
  context.model.indexes.set(key, copy);
  target.indexes.push(key);
  cascadeIndexToPartitions(context, target, copy);
}

/** An index created on a partitioned table is created on each partition too (unless `ON ONLY`). */
export function cascadeIndexToPartitions(context: ApplyContext, table: TableModel, index: IndexModel): void {
  if (table.kind !== "partitioned_table") return;
  const key = `${table.schema}.${table.name}`;
  for (const partition of context.model.tables.values()) if (partition.partitionOf === key) cloneIndex(context, partition, index);
}

/** Copies a constraint, under the child's own name where PostgreSQL generates one (index-backed ones). */
export function cloneConstraint(context: ApplyContext, child: TableModel, parent: TableModel, source: ConstraintModel): void {
  const copy: ConstraintModel = { ...source, columns: [...source.columns], createdAt: context.source };
  if (source.references !== undefined) copy.references = { ...source.references, columns: [...source.references.columns] };
  if (source.index !== undefined) {
    const sourceIndex = context.model.indexes.get(`${parent.schema}.${source.index}`);
    const label = source.type === "primary_key" ? "pkey" : source.type === "unique" ? "key" : "excl";
    const attributes = sourceIndex === undefined ? source.columns : attributesOf(sourceIndex);
    const name = chooseName(child.name, source.type === "primary_key" ? undefined : attributes.join("_"), label, (candidate) =>
      relationNameTaken(context, child.schema, candidate),
    );
    copy.name = name;
    copy.index = name;
    const key = `${child.schema}.${name}`;
    context.model.indexes.set(key, {
      ...(sourceIndex ?? { columns: copy.columns, expressions: [], unique: source.type !== "exclusion", method: "btree" }),
      name,
      table: `${child.schema}.${child.name}`,
      constraint: name,
      createdAt: context.source,
    });
    child.indexes.push(key);
  }
  child.constraints.push(copy);
}

/**
 * What a partition gets from its parent when created with PARTITION OF or attached: clones of the
 * parent's key and foreign key constraints and of its indexes (skipping those it already has).
 */
export function clonePartitionObjects(context: ApplyContext, parent: TableModel, partition: TableModel): void {
  for (const constraint of parent.constraints) {
    if (
      constraint.type !== "primary_key" &&
      constraint.type !== "unique" &&
      constraint.type !== "foreign_key" &&
      constraint.type !== "exclusion"
    ) {
      continue;
    }
    const present = partition.constraints.some(
      (existing) => existing.type === constraint.type && existing.columns.join(",") === constraint.columns.join(","),
    );
    if (!present) cloneConstraint(context, partition, parent, constraint);
  }
  for (const index of indexesOf(context, parent)) if (index.constraint === undefined) cloneIndex(context, partition, index);
}
