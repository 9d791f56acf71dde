import { type Database, getTableSizes } from "@confiture/db";
import type { Calibration, CalibrationMeasurement } from "./calibration-schema.js";
import { OPERATION_CLASSES, type OperationClass, type Throughput } from "./config.js";
import { CalibrationError } from "./errors.js";
import { emitTiming } from "./events.js";
import { fitThroughput } from "./fit.js";

/** Options of `calibrate`. */
export interface CalibrateOptions {
  /** Rows of the largest scratch table (default 200,000); a second table of a fifth of it fits the fixed cost. */
  rows?: number;
  /** Scratch schema, created and dropped (default `confiture_calibration`). */
  schema?: string;
  /** Called before each step, for progress on stderr. */
  onProgress?: (message: string) => void;
}

/** One timed statement of the calibration script; `{schema}` is replaced by the scratch schema. */
interface Step {
  operation: OperationClass;
  sql: string;
  /** What the work is measured in (see `Throughput["unit"]`). */
  unit: Throughput["unit"];
}

/** The same operations the issue asks the predictor to handle: rewrites, builds, validations, catalog changes. */
const STEPS: readonly Step[] = [
  { operation: "rewrite", unit: "total_bytes", sql: "ALTER TABLE {schema}.work ALTER COLUMN value TYPE bigint" },
  { operation: "rewrite", unit: "total_bytes", sql: "ALTER TABLE {schema}.work ADD COLUMN noise double precision DEFAULT random()" },
  { operation: "catalog", unit: "table_bytes", sql: "ALTER TABLE {schema}.work ADD COLUMN note text" },
  { operation: "catalog", unit: "table_bytes", sql: "ALTER TABLE {schema}.work ALTER COLUMN note SET DEFAULT 'none'" },
  { operation: "validate", unit: "table_bytes", sql: "ALTER TABLE {schema}.work ADD CONSTRAINT work_value_check CHECK (value >= 0)" },
  { operation: "validate", unit: "table_bytes", sql: "ALTER TABLE {schema}.work ALTER COLUMN parent_id SET NOT NULL" },
  {
    operation: "validate_foreign_key",
    unit: "rows",
    sql: "ALTER TABLE {schema}.work ADD CONSTRAINT work_parent_fkey FOREIGN KEY (parent_id) REFERENCES {schema}.parent (id)",
  },
  { operation: "index_build", unit: "rows", sql: "CREATE INDEX work_value_idx ON {schema}.work (value)" },
  { operation: "index_build", unit: "rows", sql: "CREATE UNIQUE INDEX work_id_unique ON {schema}.work (id)" },
  { operation: "concurrent_index_build", unit: "rows", sql: "CREATE INDEX CONCURRENTLY work_parent_idx ON {schema}.work (parent_id)" },
];

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function timed(db: Database, sql: string): Promise<number> {
  const started = performance.now();
  await db.exec(sql);
  return performance.now() - started;
}

/** The sizes of the scratch table, measured exactly as risk inputs measure real tables. */
async function sizes(db: Database, schema: string): Promise<{ bytes: number; totalBytes: number }> {
  const [size] = await getTableSizes(db, [`${schema}.work`]);
  return { bytes: size?.tableBytes ?? 0, totalBytes: size?.totalBytes ?? 0 };
}

/** Creates the scratch tables of `rows` rows and runs every step once on them. */
async function measureAt(db: Database, schema: string, rows: number): Promise<CalibrationMeasurement[]> {
  const quoted = quoteIdentifier(schema);
  await db.exec(`DROP SCHEMA IF EXISTS ${quoted} CASCADE; CREATE SCHEMA ${quoted};
    CREATE TABLE ${quoted}.parent (id integer PRIMARY KEY);
    INSERT INTO ${quoted}.parent SELECT generate_series(1, ${rows});
    CREATE TABLE ${quoted}.work (id integer PRIMARY KEY, parent_id integer, value integer, payload text);
    INSERT INTO ${quoted}.work SELECT i, i, i, md5(i::text) FROM generate_series(1, ${rows}) AS i;
    ANALYZE ${quoted}.parent; ANALYZE ${quoted}.work;`);
  const measurements: CalibrationMeasurement[] = [];
  for (const step of STEPS) {
    const before = await sizes(db, schema);
    const durationMs = await timed(db, step.sql.replaceAll("{schema}", quoted));
    measurements.push({ operation: step.operation, rows, ...before, durationMs });
  }
  return measurements;
}

/**
 * Measures this server's throughput for every kind of operation on scratch tables (by default 40,000
 * and 200,000 rows, in a scratch schema that is dropped afterwards) and fits a fixed cost and a rate
 * to each. Takes real locks on the scratch tables only. Store the result with `saveCalibration`.
 */
export async function calibrate(db: Database, options: CalibrateOptions = {}): Promise<Calibration> {
  const started = performance.now();
  const rows = options.rows ?? 200_000;
  const schema = options.schema ?? "confiture_calibration";
  const sizes = [Math.max(1, Math.round(rows / 5)), rows];
  const measurements: CalibrationMeasurement[] = [];
  try {
    for (const size of sizes) {
      options.onProgress?.(`calibrating on a ${size}-row scratch table`);
      measurements.push(...(await measureAt(db, schema, size)));
    }
  } catch (error) {
    throw new CalibrationError(`calibration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`).catch(() => undefined);
  }
  const throughput = Object.fromEntries(
    OPERATION_CLASSES.map((operation) => {
      const unit = STEPS.find((step) => step.operation === operation)?.unit ?? "table_bytes";
      const unitsOf = (measurement: CalibrationMeasurement) =>
        unit === "rows" ? measurement.rows : unit === "total_bytes" ? measurement.totalBytes : measurement.bytes;
      const samples = measurements
        .filter((measurement) => measurement.operation === operation)
        .map((measurement) => ({ units: unitsOf(measurement), durationMs: measurement.durationMs }));
      if (operation === "catalog") {
        const mean = samples.reduce((sum, sample) => sum + sample.durationMs, 0) / samples.length;
        return [operation, { unit, perSecond: 1, fixedMs: mean }];
      }
      return [operation, fitThroughput(samples, unit)];
    }),
  ) as Calibration["throughput"];
  const calibration: Calibration = {
    version: 1,
    takenAt: new Date().toISOString(),
    server: { driver: db.driver, majorVersion: await db.serverMajorVersion() },
    scratchRows: rows,
    throughput,
    measurements,
  };
  emitTiming("calibration", started);
  return calibration;
}
