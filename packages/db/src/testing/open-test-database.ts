import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseUsageError } from "../errors.js";
import { openDatabase } from "../open-database.js";
import { PgliteDatabase } from "../pglite-database.js";
import type { Database, QueryResult, Queryable, Row } from "../types.js";
import { openPristinePglite } from "../snapshot/open-pristine-pglite.js";

/** A database a test suite can run against. */
export interface DatabaseTarget {
  name: "pglite" | "postgres";
  /** The server URL for `postgres`; tests get a fresh database created on that server. */
  url?: string;
}

/** A throwaway database: closing it (or `await using`) drops what the test created. */
export type TestDatabase = Database & { [Symbol.asyncDispose](): Promise<void>; readonly name: string };

/**
 * The targets to test against: always `pglite`, and `postgres` when `DATABASE_URL` is set
 * (e.g. `postgres://postgres@127.0.0.1:5432/test`).
 */
export function databaseTargets(environment: NodeJS.ProcessEnv = process.env): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: "pglite" }];
  const url = environment.DATABASE_URL?.trim();
  if (url) targets.push({ name: "postgres", url });
  return targets;
}

class DisposableDatabase implements TestDatabase {
  readonly driver: Database["driver"];
  readonly displayUrl: string;
  readonly name: string;
  readonly #inner: Database;
  readonly #cleanup: () => Promise<void>;
  #closing: Promise<void> | undefined;

  constructor(inner: Database, name: string, cleanup: () => Promise<void>) {
    this.#inner = inner;
    this.#cleanup = cleanup;
    this.driver = inner.driver;
    this.displayUrl = inner.displayUrl;
    this.name = name;
  }
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    return this.#inner.query<T>(sql, params);
  }
  exec(sql: string): Promise<void> {
    return this.#inner.exec(sql);
  }
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.#inner.transaction(work);
  }
  withConnection<T>(work: (connection: Queryable) => Promise<T>): Promise<T> {
    return this.#inner.withConnection(work);
  }
  serverMajorVersion(): Promise<number> {
    return this.#inner.serverMajorVersion();
  }
  close(): Promise<void> {
    this.#closing ??= this.#inner.close().finally(() => this.#cleanup());
    return this.#closing;
  }
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

function withDatabaseName(url: string, databaseName: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${databaseName}`;
  return parsed.toString();
}

/**
 * A fresh, isolated database for one test suite: a new in-memory PGlite (started from a snapshot of an
 * empty cluster in the system temporary directory), or on a server a new
 * `confiture_test_<random>` database that is dropped (`WITH (FORCE)`) on close. Suites can run concurrently.
 */
export async function openTestDatabase(target: DatabaseTarget = { name: "pglite" }): Promise<TestDatabase> {
  if (target.name === "pglite") {
    // The same snapshot mechanism as openDatabase, kept in the system temporary directory so test
    // runs never write into the user's home.
    const { pglite } = await openPristinePglite({ directory: join(tmpdir(), "confiture-test-cache") });
    const database = new PgliteDatabase(pglite, "pglite:");
    return new DisposableDatabase(database, "pglite", async () => undefined);
  }
  if (target.url === undefined) throw new DatabaseUsageError('The "postgres" test target needs a url (set DATABASE_URL).');
  const name = `confiture_test_${randomBytes(6).toString("hex")}`;
  const serverUrl = target.url;
  // The name is generated here from hex digits only, so quoting it is enough. The administrative
  // connection is only held while creating and dropping, to spare the server's connection slots.
  const administer = async (sql: string) => {
    const admin = await openDatabase(serverUrl);
    try {
      await admin.exec(sql);
    } finally {
      await admin.close();
    }
  };
  const drop = () => administer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await administer(`CREATE DATABASE "${name}"`);
  try {
    const database = await openDatabase(withDatabaseName(serverUrl, name));
    return new DisposableDatabase(database, name, drop);
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
}
