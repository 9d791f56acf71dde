import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Queryable } from "@confiture/db";
import { z } from "zod";
import { type Baseline, baselineSchema, type CheckRecord, checkRecordSchema } from "./baseline.js";
import { PerformanceError } from "./errors.js";

/** Where baselines and the history of checks are kept. */
export interface BaselineStore {
  getBaseline(queryId: string, environment: string): Promise<Baseline | undefined>;
  saveBaseline(baseline: Baseline): Promise<void>;
  appendChecks(records: readonly CheckRecord[]): Promise<void>;
  history(environment: string, queryId?: string): Promise<CheckRecord[]>;
}

const fileSchema = z.object({
  baselines: z.array(baselineSchema).default([]),
  checks: z.array(checkRecordSchema).default([]),
});

/** `.confiture/performance.json` beside the config, written atomically (write then rename). */
export class FileBaselineStore implements BaselineStore {
  constructor(readonly path: string) {}

  static inDirectory(directory: string): FileBaselineStore {
    return new FileBaselineStore(join(directory, ".confiture", "performance.json"));
  }

  async #read(): Promise<z.infer<typeof fileSchema>> {
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { baselines: [], checks: [] };
      throw new PerformanceError("CONFITURE_BASELINE_STORE", `Cannot read ${this.path}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new PerformanceError(
        "CONFITURE_BASELINE_STORE",
        `${this.path} is not a Confiture baseline file (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}); move it away to start afresh.`,
      );
    }
    return parsed.data;
  }

  async #write(data: z.infer<typeof fileSchema>): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`);
    await rename(temporary, this.path);
  }

  async getBaseline(queryId: string, environment: string): Promise<Baseline | undefined> {
    return (await this.#read()).baselines.find(
      (baseline) => baseline.queryId === queryId && baseline.environment === environment,
    );
  }

  async saveBaseline(baseline: Baseline): Promise<void> {
    const data = await this.#read();
    data.baselines = [
      ...data.baselines.filter(
        (existing) => !(existing.queryId === baseline.queryId && existing.environment === baseline.environment),
      ),
      baseline,
    ];
    await this.#write(data);
  }

  async appendChecks(records: readonly CheckRecord[]): Promise<void> {
    const data = await this.#read();
    data.checks.push(...records);
    await this.#write(data);
  }

  async history(environment: string, queryId?: string): Promise<CheckRecord[]> {
    return (await this.#read()).checks.filter(
      (check) => check.environment === environment && (queryId === undefined || check.queryId === queryId),
    );
  }
}

/** Tables `confiture.performance_baselines` and `confiture.performance_checks` in the target database. */
export class DatabaseBaselineStore implements BaselineStore {
  #ready = false;
  constructor(readonly database: Queryable) {}

  async #ensure(): Promise<void> {
    if (this.#ready) return;
    await this.database.exec(`
      CREATE SCHEMA IF NOT EXISTS confiture;
      CREATE TABLE IF NOT EXISTS confiture.performance_baselines (
        query_id text NOT NULL, environment text NOT NULL, baseline jsonb NOT NULL,
        recorded_at timestamptz NOT NULL, PRIMARY KEY (query_id, environment));
      CREATE TABLE IF NOT EXISTS confiture.performance_checks (
        id bigserial PRIMARY KEY, query_id text NOT NULL, environment text NOT NULL,
        checked_at timestamptz NOT NULL, record jsonb NOT NULL);`);
    this.#ready = true;
  }

  async getBaseline(queryId: string, environment: string): Promise<Baseline | undefined> {
    await this.#ensure();
    const result = await this.database.query<{ baseline: unknown }>(
      "SELECT baseline FROM confiture.performance_baselines WHERE query_id = $1 AND environment = $2",
      [queryId, environment],
    );
    const row = result.rows[0];
    return row ? baselineSchema.parse(typeof row.baseline === "string" ? JSON.parse(row.baseline) : row.baseline) : undefined;
  }

  async saveBaseline(baseline: Baseline): Promise<void> {
    await this.#ensure();
    await this.database.query(
      `INSERT INTO confiture.performance_baselines (query_id, environment, baseline, recorded_at) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (query_id, environment) DO UPDATE SET baseline = EXCLUDED.baseline, recorded_at = EXCLUDED.recorded_at`,
      [baseline.queryId, baseline.environment, JSON.stringify(baseline), baseline.recordedAt],
    );
  }

  async appendChecks(records: readonly CheckRecord[]): Promise<void> {
    await this.#ensure();
    for (const record of records) {
      await this.database.query(
        "INSERT INTO confiture.performance_checks (query_id, environment, checked_at, record) VALUES ($1, $2, $3, $4::jsonb)",
        [record.queryId, record.environment, record.checkedAt, JSON.stringify(record)],
      );
    }
  }

  async history(environment: string, queryId?: string): Promise<CheckRecord[]> {
    await this.#ensure();
    const result = await this.database.query<{ record: unknown }>(
      "SELECT record FROM confiture.performance_checks WHERE environment = $1 AND ($2::text IS NULL OR query_id = $2) ORDER BY checked_at, id",
      [environment, queryId ?? null],
    );
    return result.rows.map((row) =>
      checkRecordSchema.parse(typeof row.record === "string" ? JSON.parse(row.record) : row.record),
    );
  }
}
