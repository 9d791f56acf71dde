import type { Node } from "@pgsql/types";
import { deparseSync } from "pgsql-deparser";

/**
 * Renders an expression node (a default, a CHECK, a policy's USING, an index expression) as SQL.
 *
 * Why a deparser rather than slicing the statement text by node locations: libpg-query gives only
 * the start offset of a node, not its end, so slicing would need a second tokenizer pass to find
 * where an expression stops (parentheses, strings, dollar quotes, comments). pgsql-deparser walks
 * the same PostgreSQL 17/18 AST (@pgsql/types 18) and yields a canonical text, which also makes
 * comparisons (duplicate indexes, changed defaults) independent of spacing and case.
 */
export function expressionToSql(node: Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  try {
    const text = deparseSync(node);
    return text === "" ? undefined : text;
  } catch {
    // A node the deparser does not know must not stop the replay; the fact is simply unknown.
    return undefined;
  }
}
