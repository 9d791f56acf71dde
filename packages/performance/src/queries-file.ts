import { readFile } from "node:fs/promises";
import { PerformanceError } from "./errors.js";

/** A query to profile, with a stable id for its baseline. */
export interface NamedQuery {
  id: string;
  sql: string;
  /** Where it came from: `file:line`, or `pg_stat_statements`. */
  source: string;
}

const marker = "-- name:";

/**
 * Reads a queries file: each query starts at a `-- name: <id>` comment line and runs until the next
 * one. The SQL itself is not interpreted here (the database judges it when it is profiled); only the
 * marker comments, which are whole lines, are read. A trailing semicolon is dropped.
 */
export function parseQueriesFile(text: string, file = "<queries>"): NamedQuery[] {
  const queries: NamedQuery[] = [];
  const seen = new Set<string>();
  let current: { id: string; line: number; lines: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    const sql = current.lines.join("\n").trim().replace(/;\s*$/, "").trim();
    if (sql === "")
      throw new PerformanceError(
        "CONFITURE_QUERIES_FILE",
        `${file}:${current.line}: query "${current.id}" has no SQL after its "-- name:" line.`,
      );
    queries.push({ id: current.id, sql, source: `${file}:${current.line}` });
  };
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.toLowerCase().startsWith(marker)) {
      finish();
      const id = trimmed.slice(marker.length).trim();
      if (id === "")
        throw new PerformanceError(
          "CONFITURE_QUERIES_FILE",
          `${file}:${index + 1}: "-- name:" needs an id, e.g. "-- name: orders-by-customer".`,
        );
      if (seen.has(id))
        throw new PerformanceError(
          "CONFITURE_QUERIES_FILE",
          `${file}:${index + 1}: the query id "${id}" is used twice; ids name baselines and must be unique.`,
        );
      seen.add(id);
      current = { id, line: index + 1, lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else if (trimmed !== "" && !trimmed.startsWith("--")) {
      throw new PerformanceError(
        "CONFITURE_QUERIES_FILE",
        `${file}:${index + 1}: SQL before the first "-- name: <id>" line; start each query with one.`,
      );
    }
  });
  finish();
  if (queries.length === 0)
    throw new PerformanceError(
      "CONFITURE_QUERIES_FILE",
      `${file}: no queries found; start each query with a "-- name: <id>" line.`,
    );
  return queries;
}

/** Reads and parses a queries file from disk. */
export async function readQueriesFile(path: string): Promise<NamedQuery[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new PerformanceError("CONFITURE_QUERIES_FILE", `Cannot read queries file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseQueriesFile(text, path);
}
