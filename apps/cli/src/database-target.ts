import { resolve } from "node:path";
import { parseDatabaseUrl, redactUrl } from "@confiture/db";
import type { CliRuntime } from "./commands/types.js";

/** The database a command acts on, as people and JSON consumers are told before anything changes. */
export interface DatabaseTarget {
  /** `pg` for a PostgreSQL server, `pglite` for the embedded WebAssembly database. */
  driver: "pg" | "pglite";
  /** The URL without its password. */
  url: string;
  /** The embedded database's directory; null when it lives in memory (or for a server). */
  directory: string | null;
  /** For people: "embedded PGlite at <dir>", "embedded PGlite in memory", "PostgreSQL server <url>". */
  description: string;
}

/** Describes where `url` points (no URL: the embedded in-memory database), never showing a password. */
export function databaseTarget(url: string | undefined, cwd: string): DatabaseTarget {
  const location = parseDatabaseUrl(url);
  if (location.driver === "pg") {
    const shown = redactUrl(location.connectionString);
    return { driver: "pg", url: shown, directory: null, description: `PostgreSQL server ${shown}` };
  }
  if (location.directory === undefined) {
    return {
      driver: "pglite",
      url: "pglite:",
      directory: null,
      description: "embedded PGlite in memory (PostgreSQL compiled to WebAssembly; nothing is kept)",
    };
  }
  const directory = resolve(cwd, location.directory);
  return { driver: "pglite", url: `pglite:${directory}`, directory, description: `embedded PGlite at ${directory}` };
}

/**
 * Says what the command is about to do to which database, before it does it: one line on stderr
 * ("confiture: <action> <target>"), and the `target` field of the command's JSON document.
 */
export function announceTarget(runtime: CliRuntime, action: string, url: string | undefined): DatabaseTarget {
  const target = databaseTarget(url, runtime.io.cwd);
  runtime.target = target;
  runtime.io.stderr.write(`confiture: ${action} ${target.description}\n`);
  return target;
}
