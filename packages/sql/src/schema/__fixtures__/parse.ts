import type { Node } from "@pgsql/types";
import { loadModule, parseSync } from "libpg-query";
import type { ParsedFile, Statement } from "../../types.js";

let loaded: Promise<void> | undefined;

/** Loads the parser once for the schema tests. */
export function loadTestParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

/**
 * Parses ASCII test SQL into a ParsedFile, independent of the package's splitter so the schema
 * tests pin only the schema model. Offsets are bytes, which equal characters for ASCII input.
 */
export function parseFile(sql: string, file = "test.sql"): ParsedFile {
  const result = parseSync(sql) as { stmts?: Array<{ stmt: Node; stmt_location?: number; stmt_len?: number }> };
  const statements: Statement[] = (result.stmts ?? []).map((entry, index) => {
    let start = entry.stmt_location ?? 0;
    while (start < sql.length && /\s/.test(sql[start]!)) start++;
    const end = entry.stmt_len === undefined || entry.stmt_len === 0 ? sql.length : (entry.stmt_location ?? 0) + entry.stmt_len;
    const before = sql.slice(0, start);
    const line = before.split("\n").length;
    const column = start - before.lastIndexOf("\n");
    return {
      index,
      file,
      text: sql.slice(start, end),
      start: { offset: start, line, column },
      end: { offset: end, line, column },
      node: entry.stmt,
      kind: "other",
      relations: [],
    };
  });
  return { file, source: sql, statements, errors: [] };
}
