import pg from "pg";
import { DatabaseUsageError } from "./errors.js";
import type { DatabaseLogger } from "./logger.js";
import { isConnectionFailure, toConnectionError, toQueryError } from "./normalize-error.js";
import type { Database, QueryResult, Queryable, Row } from "./types.js";
import { readServerMajorVersion } from "./server-version.js";

const int8Oid = 20;

// Match PGlite: bigint columns come back as numbers when they fit, as BigInt when they do not,
// so callers see the same values whichever driver runs.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === int8Oid && format !== "binary") {
      return (value: string) => {
        const big = BigInt(value);
        return big < BigInt(Number.MIN_SAFE_INTEGER) || big > BigInt(Number.MAX_SAFE_INTEGER) ? big : Number(big);
      };
    }
    return pg.types.getTypeParser(oid, format ?? "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};

type Client = pg.Pool | pg.PoolClient;

async function runQuery<T extends Row>(client: Client, sql: string, params: unknown[] | undefined): Promise<QueryResult<T>> {
  try {
    // Extended protocol always, so `query` accepts one statement on both drivers.
    const result = await client.query<T>({ text: sql, values: params ?? [], queryMode: "extended" } as pg.QueryConfig);
    return { rows: result.rows, rowCount: result.rowCount };
  } catch (error) {
    throw toQueryError(error);
  }
}

async function runScript(client: Client, sql: string): Promise<void> {
  try {
    await client.query(sql);
  } catch (error) {
    throw toQueryError(error);
  }
}

function queryableOf(client: Client): Queryable {
  return {
    query: <T extends Row = Row>(sql: string, params?: unknown[]) => runQuery<T>(client, sql, params),
    exec: (sql: string) => runScript(client, sql),
  };
}

/** A `Database` over a node-postgres pool. Use `openDatabase`, which checks the connection first. */
export class PgDatabase implements Database {
  readonly driver = "pg" as const;
  readonly displayUrl: string;
  readonly #pool: pg.Pool;
  readonly #logger: DatabaseLogger | undefined;
  #majorVersion: Promise<number> | undefined;
  #closed = false;

  constructor(connectionString: string, displayUrl: string, logger?: DatabaseLogger) {
    this.displayUrl = displayUrl;
    this.#logger = logger;
    this.#pool = new pg.Pool({ connectionString, types, connectionTimeoutMillis: 10_000, max: 10 });
    // An idle client losing its server (restart, pg_terminate_backend) must not crash the process.
    this.#pool.on("error", (error) =>
      this.#logger?.warn({ err: error.message, url: this.displayUrl }, "idle database connection failed"),
    );
  }

  async query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<QueryResult<T>> {
    this.#assertOpen();
    try {
      return await runQuery<T>(this.#pool, sql, params);
    } catch (error) {
      throw this.#classify(error);
    }
  }

  async exec(sql: string): Promise<void> {
    this.#assertOpen();
    try {
      await runScript(this.#pool, sql);
    } catch (error) {
      throw this.#classify(error);
    }
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.withConnection(async (connection) => {
      await connection.exec("BEGIN");
      let result: T;
      try {
        result = await work(connection);
      } catch (error) {
        await connection.exec("ROLLBACK").catch(() => undefined);
        throw error;
      }
      await connection.exec("COMMIT");
      return result;
    });
  }

  async withConnection<T>(work: (connection: Queryable) => Promise<T>): Promise<T> {
    this.#assertOpen();
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw this.#classify(error);
    }
    const onError = (error: Error) =>
      this.#logger?.warn({ err: error.message, url: this.displayUrl }, "database connection failed");
    client.on("error", onError);
    let failure: unknown;
    try {
      return await work(queryableOf(client));
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      client.off("error", onError);
      let broken = failure !== undefined && isConnectionFailure(failure);
      // Never hand a pooled connection on inside a transaction (I idle, T in transaction, E failed transaction).
      const status = (client as { getTransactionStatus?: () => string | null }).getTransactionStatus?.();
      if (!broken && (status === "T" || status === "E")) {
        broken = await client.query("ROLLBACK").then(
          () => false,
          () => true,
        );
      }
      // A connection in an unknown state is dropped instead of reused.
      client.release(broken ? true : undefined);
    }
  }

  serverMajorVersion(): Promise<number> {
    this.#majorVersion ??= readServerMajorVersion(this);
    return this.#majorVersion;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  #assertOpen(): void {
    if (this.#closed) throw new DatabaseUsageError(`The database ${this.displayUrl} is closed.`);
  }

  #classify(error: unknown): unknown {
    return isConnectionFailure(error) ? toConnectionError(error, this.displayUrl) : error;
  }
}
