import type { Node } from "@pgsql/types";
import { unwrapNode } from "../schema/ast.js";
import { uniqueReferences } from "../relations.js";
import type { RelationReference, Statement } from "../types.js";
import { ALTER_TABLE_SUBCOMMAND_KINDS, alterTableKinds } from "./alter-table.js";
import { classifyDdl, DDL_KINDS } from "./ddl.js";
import { classifyOther, OTHER_KINDS } from "./other.js";

/** What the classifier says about one parsed statement. */
export interface Classification {
  kind: string;
  relations: RelationReference[];
}

/** A classifier for one node tag: the kind and the relations (duplicates allowed; they are merged). */
export type NodeClassifier = (payload: Record<string, unknown>) => {
  kind: string;
  relations: Array<RelationReference | undefined>;
};

/** Every kind the classifier can give, snake_case, sorted. Unknown statements are `other`; unparsable ones `syntax_error`. */
export const STATEMENT_KINDS: readonly string[] = [
  ...new Set([...ALTER_TABLE_SUBCOMMAND_KINDS, ...DDL_KINDS, ...OTHER_KINDS, "other", "syntax_error"]),
].sort();

/** The kind and named relations of a parsed statement node (`{ CreateStmt: {...} }`). */
export function classifyStatement(node: Node): Classification {
  const unwrapped = unwrapNode(node);
  if (unwrapped === undefined) return { kind: "other", relations: [] };
  const classified = classifyDdl(unwrapped.tag, unwrapped.value) ?? classifyOther(unwrapped.tag, unwrapped.value);
  if (classified === undefined) return { kind: "other", relations: [] };
  return { kind: classified.kind, relations: uniqueReferences(classified.relations) };
}

/**
 * The kind of each subcommand of an ALTER TABLE statement, in order (`[add_column, add_foreign_key]`);
 * for any other statement, its own kind alone. The statement's `kind` is the most significant of these.
 */
export function subcommandKinds(statement: Pick<Statement, "node" | "kind">): string[] {
  const unwrapped = unwrapNode(statement.node);
  if (unwrapped?.tag !== "AlterTableStmt") return [statement.kind];
  const kinds = alterTableKinds(statement.node);
  return kinds.length > 0 ? kinds : [statement.kind];
}
