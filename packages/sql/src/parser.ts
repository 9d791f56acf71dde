import { loadModule, type ParseResult, parseSync, type ScanResult, scanSync } from "libpg-query";
import { ParserNotLoadedError } from "./errors.js";

let loading: Promise<void> | undefined;
let loaded = false;

/**
 * Load the PostgreSQL parser (WebAssembly) once per process. Every asynchronous API calls it;
 * call it yourself before the synchronous ones (`parseSqlSync`, `analyzeStatement` needs no parser).
 */
export function loadParser(): Promise<void> {
  loading ??= loadModule().then(() => {
    loaded = true;
  });
  return loading;
}

/** Whether `loadParser()` has finished. */
export function isParserLoaded(): boolean {
  return loaded;
}

function assertLoaded(): void {
  if (!loaded) throw new ParserNotLoadedError();
}

/** The scanner's tokens of `sql` (byte offsets). Throws on lexical errors (unterminated quotes). */
export function scanTokens(sql: string): ScanResult["tokens"] {
  assertLoaded();
  // The scanner rejects empty input instead of returning no tokens.
  if (sql.length === 0) return [];
  return scanSync(sql).tokens;
}

/** The parse tree of `sql`. Throws libpg-query's `SqlError` on syntax errors. */
export function parseTree(sql: string): ParseResult {
  assertLoaded();
  return parseSync(sql);
}
