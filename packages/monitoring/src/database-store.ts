import type { MetricsStore } from "./file-store.js";
import type { Sample } from "./sample.js";

/** The slice of a database the store needs (structurally, `@confiture/db`'s Database fits). */
export interface MetricsQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Samples in the target database, table `confiture.metrics`, created on first use and bounded like the file store. */
export class DatabaseMetricsStore implements MetricsStore {
  #ready = false;
  constructor(
    readonly database: MetricsQueryable,
    readonly maxSamples = 50_000,
  ) {}

  async #ensureTable(): Promise<void> {
    if (this.#ready) return;
    await this.database.query("CREATE SCHEMA IF NOT EXISTS confiture");
    await this.database.query(
      `CREATE TABLE IF NOT EXISTS confiture.metrics (
         id bigserial PRIMARY KEY,
         operation text NOT NULL,
         value double precision NOT NULL,
         recorded_at timestamptz NOT NULL,
         environment text
       )`,
    );
    this.#ready = true;
  }

  async append(samples: readonly Sample[]): Promise<void> {
    if (samples.length === 0) return;
    await this.#ensureTable();
    await this.database.query(
      `INSERT INTO confiture.metrics (operation, value, recorded_at, environment)
       SELECT * FROM unnest($1::text[], $2::float8[], $3::timestamptz[], $4::text[])`,
      [
        samples.map((sample) => sample.operation),
        samples.map((sample) => sample.value),
        samples.map((sample) => new Date(sample.timestamp).toISOString()),
        samples.map((sample) => sample.environment ?? null),
      ],
    );
    await this.database.query(
      "DELETE FROM confiture.metrics WHERE id < (SELECT min(id) FROM (SELECT id FROM confiture.metrics ORDER BY id DESC LIMIT $1) AS kept)",
      [this.maxSamples],
    );
  }

  async readAll(): Promise<Sample[]> {
    await this.#ensureTable();
    const result = await this.database.query(
      "SELECT operation, value, extract(epoch FROM recorded_at) * 1000 AS timestamp, environment FROM confiture.metrics ORDER BY id",
    );
    return result.rows.map((row) => ({
      operation: String(row.operation),
      value: Number(row.value),
      timestamp: Number(row.timestamp),
      ...(row.environment === null || row.environment === undefined ? {} : { environment: String(row.environment) }),
    }));
  }
}
