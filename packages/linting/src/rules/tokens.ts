import type { Statement } from "@confiture/sql";
import { type ScanToken, scanSync } from "libpg-query";

const cache = new WeakMap<Statement, readonly ScanToken[]>();

/**
 * The tokens of a statement from PostgreSQL's scanner, computed once per statement and shared by
 * every rule that needs them (locations the parser does not give, exact fixes, identifier lengths).
 * Empty when the scanner fails.
 */
export function tokensOf(statement: Statement): readonly ScanToken[] {
  let tokens = cache.get(statement);
  if (tokens === undefined) {
    try {
      tokens = scanSync(statement.text).tokens;
    } catch {
      tokens = [];
    }
    cache.set(statement, tokens);
  }
  return tokens;
}
