import type { Node, RangeVar } from "@pgsql/types";
import { nodeOf, stringsOf, tagOf, walk } from "./ast.js";

/** A name a statement defines, with what it names and where it is written. */
export interface DefinedName {
  name: string;
  kind: "table" | "view" | "sequence" | "column" | "constraint" | "index" | "type" | "function" | "schema" | "trigger" | "policy";
  /** Parser byte offset in the statement, when known. */
  location?: number | undefined;
}

function relation(rangeVar: RangeVar | undefined, kind: DefinedName["kind"]): DefinedName[] {
  return rangeVar?.relname === undefined ? [] : [{ name: rangeVar.relname, kind, location: rangeVar.location }];
}

function lastName(names: Node[] | undefined, kind: DefinedName["kind"]): DefinedName[] {
  const parts = stringsOf(names);
  const name = parts[parts.length - 1];
  return name === undefined ? [] : [{ name, kind }];
}

const RENAMED_KINDS: Record<string, DefinedName["kind"]> = {
  OBJECT_TABLE: "table",
  OBJECT_COLUMN: "column",
  OBJECT_TABCONSTRAINT: "constraint",
  OBJECT_INDEX: "index",
  OBJECT_VIEW: "view",
  OBJECT_SEQUENCE: "sequence",
  OBJECT_TYPE: "type",
  OBJECT_SCHEMA: "schema",
};

/**
 * The names a statement defines (not the ones it only refers to): created relations, columns,
 * named constraints, indexes, types, functions, schemas, triggers, policies and `RENAME ... TO` targets.
 */
export function definedNames(node: Node): DefinedName[] {
  const cached = cache.get(node);
  if (cached !== undefined) return cached;
  const found = collectDefinedNames(node);
  cache.set(node, found);
  return found;
}

const cache = new WeakMap<Node, DefinedName[]>();

function collectDefinedNames(node: Node): DefinedName[] {
  const tag = tagOf(node) ?? "";
  const payload = nodeOf<Record<string, unknown>>(node, tag) ?? {};
  const found: DefinedName[] = [];
  switch (tag) {
    case "CreateStmt":
      found.push(...relation(payload.relation as RangeVar, "table"));
      break;
    case "ViewStmt":
      found.push(...relation(payload.view as RangeVar, "view"));
      break;
    case "CreateTableAsStmt":
      found.push(
        ...relation(
          (payload.into as { rel?: RangeVar } | undefined)?.rel,
          payload.objtype === "OBJECT_MATVIEW" ? "view" : "table",
        ),
      );
      break;
    case "CreateSeqStmt":
      found.push(...relation(payload.sequence as RangeVar, "sequence"));
      break;
    case "IndexStmt":
      if (typeof payload.idxname === "string") found.push({ name: payload.idxname, kind: "index" });
      break;
    case "RenameStmt": {
      const kind = RENAMED_KINDS[String(payload.renameType)];
      if (kind !== undefined && typeof payload.newname === "string") found.push({ name: payload.newname, kind });
      break;
    }
    case "CreateTrigStmt":
      if (typeof payload.trigname === "string") found.push({ name: payload.trigname, kind: "trigger" });
      break;
    case "CreatePolicyStmt":
      if (typeof payload.policy_name === "string") found.push({ name: payload.policy_name, kind: "policy" });
      break;
    case "CreateSchemaStmt":
      if (typeof payload.schemaname === "string") found.push({ name: payload.schemaname, kind: "schema" });
      break;
    case "CreateEnumStmt":
      found.push(...lastName(payload.typeName as Node[], "type"));
      break;
    case "CreateDomainStmt":
      found.push(...lastName(payload.domainname as Node[], "type"));
      break;
    case "CompositeTypeStmt":
      found.push(...relation(payload.typevar as RangeVar, "type"));
      break;
    case "CreateFunctionStmt":
      found.push(...lastName(payload.funcname as Node[], "function"));
      break;
    default:
      break;
  }
  if (tag === "CreateStmt" || tag === "AlterTableStmt" || tag === "CompositeTypeStmt") {
    walk(payload, (inner, value) => {
      if (inner === "ColumnDef" && typeof value.colname === "string")
        found.push({ name: value.colname, kind: "column", location: value.location as number | undefined });
      if (inner === "Constraint" && typeof value.conname === "string")
        found.push({ name: value.conname, kind: "constraint", location: value.location as number | undefined });
    });
  }
  return found;
}
