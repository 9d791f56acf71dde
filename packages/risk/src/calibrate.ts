import { type Database, getSettings, getTableSizes } from "@confiture/db";
import type { Calibration, CalibrationMeasurement } from "./calibration-schema.js";
import { OPERATION_CLASSES, type OperationClass, type Throughput } from "./config.js";
import { CalibrationError } from "./errors.js";
import { emitTiming } from "./events.js";
import { fitThroughput, logResidualSpread } from "./fit.js";

/** Options of `calibrate`. */
export interface CalibrateOptions {
  /**
   * Rows of the largest scratch table, used as given. By default 200,000, raised (up to 1,000,000) until
   * the table is larger than a quarter of shared_buffers: beyond that PostgreSQL scans through a small
   * ring buffer, as it does for real tables, and a table that fits in cache would flatter the server.
   * A second table of a fifth of it fits the fixed cost.
   */
  rows?: number;
  /** Times each step runs at each size; medians are fitted (default 3). */
  repeats?: number;
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

const catalog = (sql: string): Step => ({ operation: "catalog", unit: "table_bytes", sql });

/**
 * Each step is followed by the one that undoes it, so the steps can repeat on the same table; the
 * undoing steps are timed too (a type change back is another rewrite, drops are catalog changes).
 * The same operations the issue asks the predictor to handle: rewrites, builds, validations, catalog.
 */
const STEPS: readonly Step[] = [
  { operation: "rewrite", unit: "table_bytes", sql: "ALTER TABLE {schema}.work ALTER COLUMN value TYPE bigint" },
  { operation: "rewrite", unit: "table_bytes", sql: "ALTER TABLE {schema}.work ALTER COLUMN value TYPE integer" },
  {
    operation: "rewrite",
    unit: "table_bytes",
    sql: "ALTER TABLE {schema}.work ADD COLUMN noise double precision DEFAULT random()",
  },
  catalog("ALTER TABLE {schema}.work DROP COLUMN noise"),
  catalog("ALTER TABLE {schema}.work ADD COLUMN note text DEFAULT 'none'"),
  catalog("ALTER TABLE {schema}.work DROP COLUMN note"),
  {
    operation: "validate",
    unit: "table_bytes",
    sql: "ALTER TABLE {schema}.work ADD CONSTRAINT work_value_check CHECK (value >= 0)",
  },
  catalog("ALTER TABLE {schema}.work DROP CONSTRAINT work_value_check"),
  { operation: "validate", unit: "table_bytes", sql: "ALTER TABLE {schema}.work ALTER COLUMN parent_id SET NOT NULL" },
  catalog("ALTER TABLE {schema}.work ALTER COLUMN parent_id DROP NOT NULL"),
  {
    operation: "validate_foreign_key",
    unit: "rows",
    sql: "ALTER TABLE {schema}.work ADD CONSTRAINT work_parent_fkey FOREIGN KEY (parent_id) REFERENCES {schema}.parent (id)",
  },
  catalog("ALTER TABLE {schema}.work DROP CONSTRAINT work_parent_fkey"),
  { operation: "index_build", unit: "rows", sql: "CREATE INDEX work_value_idx ON {schema}.work (value)" },
  catalog("DROP INDEX {schema}.work_value_idx"),
  { operation: "index_build", unit: "rows", sql: "CREATE UNIQUE INDEX work_id_unique ON {schema}.work (id)" },
  catalog("DROP INDEX {schema}.work_id_unique"),
  {
    operation: "concurrent_index_build",
    unit: "rows",
    sql: "CREATE INDEX CONCURRENTLY work_parent_idx ON {schema}.work (parent_id)",
  },
  catalog("DROP INDEX {schema}.work_parent_idx"),
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

/**
 * Rows for the largest table: at least `requested`, and enough (by the small table's bytes per row) to
 * exceed a quarter of shared_buffers, at most 1,000,000.
 */
async function largestRows(db: Database, requested: number, bytesPerRow: number): Promise<number> {
  const settings = await getSettings(db, ["shared_buffers", "block_size"]);
  const buffers = Number(settings.shared_buffers?.setting ?? 0) * Number(settings.block_size?.setting ?? 8192);
  const needed = Math.ceil((buffers / 4 / Math.max(bytesPerRow, 1)) * 1.2);
  return Math.max(requested, Math.min(1_000_000, needed));
}

/** Creates the scratch tables of `rows` rows and runs every step `repeats` times on them. */
async function measureAt(db: Database, schema: string, rows: number, repeats: number): Promise<CalibrationMeasurement[]> {
  const quoted = quoteIdentifier(schema);
  await db.exec(`DROP SCHEMA IF EXISTS ${quoted} CASCADE; CREATE SCHEMA ${quoted};
    CREATE TABLE ${quoted}.parent (id integer PRIMARY KEY);
    INSERT INTO ${quoted}.parent SELECT generate_series(1, ${rows});
    CREATE TABLE ${quoted}.work (id integer PRIMARY KEY, parent_id integer, value integer, payload text);
    INSERT INTO ${quoted}.work SELECT i, i, i, md5(i::text) FROM generate_series(1, ${rows}) AS i;`);
  // Like a table in production: analysed, hint bits set, visibility map built (VACUUM runs alone, outside a script).
  await db.exec(`VACUUM ANALYZE ${quoted}.parent`);
  await db.exec(`VACUUM ANALYZE ${quoted}.work`);
  const measurements: CalibrationMeasurement[] = [];
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    for (const step of STEPS) {
      const before = await sizes(db, schema);
      const durationMs = await timed(db, step.sql.replaceAll("{schema}", quoted));
      measurements.push({ operation: step.operation, rows, ...before, durationMs });
    }
  }
  return measurements;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Index bytes built per second: the size of each index a (non-concurrent) build created, which the
 * next measurement's total bytes reveal, over the build's duration. The median over the builds.
 */
function indexBuildRate(measurements: readonly CalibrationMeasurement[]): number | undefined {
  const rates: number[] = [];
  measurements.forEach((measurement, index) => {
    const next = measurements[index + 1];
    if (measurement.operation !== "index_build" || next === undefined || measurement.durationMs <= 0) return;
    const built = next.totalBytes - measurement.totalBytes;
    if (built > 0) rates.push(built / (measurement.durationMs / 1000));
  });
  return rates.length === 0 ? undefined : median(rates);
}

/**
 * Fits each kind of operation: the median duration per size, then a fixed cost and a rate. A rewrite
 * also rebuilds every index: that part is priced at the measured index build rate, and the rest of its
 * duration is fitted against the heap's bytes.
 */
function fitAll(measurements: readonly CalibrationMeasurement[]): Pick<Calibration, "throughput" | "spread"> {
  const throughput = {} as Calibration["throughput"];
  const spread = {} as Calibration["spread"];
  const indexRate = indexBuildRate(measurements);
  const indexMs = (measurement: CalibrationMeasurement) =>
    indexRate === undefined ? 0 : ((measurement.totalBytes - measurement.bytes) / indexRate) * 1000;
  for (const operation of OPERATION_CLASSES) {
    const unit = STEPS.find((step) => step.operation === operation)?.unit ?? "table_bytes";
    const unitsOf = (measurement: CalibrationMeasurement) =>
      unit === "rows" ? measurement.rows : unit === "total_bytes" ? measurement.totalBytes : measurement.bytes;
    const own = measurements.filter((measurement) => measurement.operation === operation);
    const rebuild = operation === "rewrite" ? indexMs : () => 0;
    const samples = own.map((measurement) => ({
      units: operation === "catalog" ? 0 : unitsOf(measurement),
      durationMs: Math.max(measurement.durationMs - rebuild(measurement), 0.01),
    }));
    if (operation === "catalog") {
      throughput[operation] = { unit, perSecond: 1, fixedMs: median(samples.map((sample) => sample.durationMs)) };
    } else {
      const bySize = [...new Set(own.map((measurement) => measurement.rows))].map((rows) => {
        const atSize = own.filter((measurement) => measurement.rows === rows);
        return {
          units: median(atSize.map(unitsOf)),
          durationMs: Math.max(median(atSize.map((measurement) => measurement.durationMs - rebuild(measurement))), 0.01),
        };
      });
      throughput[operation] = fitThroughput(bySize, unit);
      if (operation === "rewrite" && indexRate !== undefined) throughput[operation].indexBytesPerSecond = indexRate;
    }
    spread[operation] = logResidualSpread(samples, throughput[operation]);
  }
  return { throughput, spread };
}

/**
 * Measures this server's throughput for every kind of operation on scratch tables (a schema that is
 * dropped afterwards), `repeats` times at two sizes, and fits a fixed cost and a rate to each, with the
 * scatter of the measurements around the fit (it sets the width of calibrated bounds). Takes real
 * locks on the scratch tables only. Store the result with `saveCalibration`.
 */
export async function calibrate(db: Database, options: CalibrateOptions = {}): Promise<Calibration> {
  const started = performance.now();
  const schema = options.schema ?? "confiture_calibration";
  const repeats = options.repeats ?? 3;
  const requested = options.rows ?? 200_000;
  const small = Math.max(1, Math.round(requested / 5));
  const measurements: CalibrationMeasurement[] = [];
  let rows = requested;
  try {
    options.onProgress?.(`calibrating on a ${small}-row scratch table`);
    measurements.push(...(await measureAt(db, schema, small, repeats)));
    if (options.rows === undefined) rows = await largestRows(db, requested, (measurements[0]?.bytes ?? 0) / small);
    options.onProgress?.(`calibrating on a ${rows}-row scratch table`);
    measurements.push(...(await measureAt(db, schema, rows, repeats)));
  } catch (error) {
    throw new CalibrationError(`calibration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await db.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`).catch(() => undefined);
  }
  const calibration: Calibration = {
    version: 1,
    takenAt: new Date().toISOString(),
    server: { driver: db.driver, majorVersion: await db.serverMajorVersion() },
    scratchRows: rows,
    ...fitAll(measurements),
    measurements,
  };
  emitTiming("calibration", started);
  return calibration;
}
