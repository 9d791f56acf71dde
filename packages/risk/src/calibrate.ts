import type { Database } from "@confiture/db";
import type { Calibration } from "./calibration-schema.js";
import { defaultRiskConfig } from "./config.js";
import { CalibrationError } from "./errors.js";
import { emitTiming } from "./events.js";
import { fitCalibration, type TimedPart } from "./calibration-fit.js";
import { identifyServer } from "./server-identity.js";
import { createShapeSql, generateShapes, type ShapeOperation, shapeOperations, type TableShapeSpec } from "./shapes.js";
import type { StatementPart } from "./statement-work.js";
import { describeFiles } from "./work-description.js";
import { gatherRiskContext } from "./inputs.js";

/** Options of `calibrate`. */
export interface CalibrateOptions {
  /** Seed of the generated table shapes (default 1). */
  seed?: number;
  /** How many table shapes (default 8). */
  shapes?: number;
  /** Rows of the smallest and largest generated tables (default 20,000 and 200,000). */
  minimumRows?: number;
  maximumRows?: number;
  /** Times each operation runs; the median is kept (default 3). */
  repeats?: number;
  /** Scratch schema, created and dropped (default `confiture_calibration`). */
  schema?: string;
  /** Called before each step, for progress on stderr. */
  onProgress?: (message: string) => void;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Runs one operation and returns its duration; DML runs in a transaction that is rolled back. */
export async function timeOperation(db: Database, operation: ShapeOperation): Promise<number> {
  if (operation.setup !== undefined) await db.exec(operation.setup);
  let durationMs: number;
  if (operation.rollback === true) {
    durationMs = await db.withConnection(async (connection) => {
      await connection.exec("BEGIN");
      try {
        const started = performance.now();
        await connection.exec(operation.sql);
        return performance.now() - started;
      } finally {
        await connection.exec("ROLLBACK");
      }
    });
  } else {
    const started = performance.now();
    await db.exec(operation.sql);
    durationMs = performance.now() - started;
  }
  if (operation.undo !== "") await db.exec(operation.undo);
  return durationMs;
}

/** Creates a shape's tables and brings them to a production-like state (analysed, all-visible). */
export async function createShape(db: Database, schema: string, shape: TableShapeSpec): Promise<void> {
  for (const sql of createShapeSql(schema, shape)) await db.exec(sql);
  // Like a table in production: analysed, hint bits set, visibility map built (VACUUM runs alone).
  await db.exec(`VACUUM ANALYZE ${schema}.p_${shape.name}`);
  await db.exec(`VACUUM ANALYZE ${schema}.t_${shape.name}`);
}

/** The costed parts of one operation, described exactly as an assessment describes a migration. */
export async function describeOperation(db: Database, operation: ShapeOperation) {
  const files = [{ file: "calibration.sql", source: operation.sql }];
  const context = await gatherRiskContext(files, { db, skipCalibration: true });
  const [file] = await describeFiles(files, context.inputs, defaultRiskConfig);
  return file?.statements[0]?.parts ?? [];
}

/** Times every operation of a shape `repeats` times, interleaved so a burst of load spreads over all of them. */
async function measureShape(db: Database, schema: string, shape: TableShapeSpec, repeats: number): Promise<TimedPart[]> {
  await createShape(db, schema, shape);
  const operations = shapeOperations(schema, shape);
  const durations = operations.map(() => [] as number[]);
  const parts: StatementPart[][] = [];
  for (const operation of operations) {
    if (operation.setup !== undefined) await db.exec(operation.setup);
    parts.push(await describeOperation(db, { ...operation, setup: undefined }));
    if (operation.setup !== undefined && operation.undo !== "") await db.exec(operation.undo);
  }
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    for (const [index, operation] of operations.entries()) durations[index]!.push(await timeOperation(db, operation));
    // Rolled-back DML leaves dead rows behind: clean them so the next round sees the same table.
    await db.exec(`VACUUM ${schema}.t_${shape.name}`);
  }
  await db.exec(`DROP TABLE ${schema}.t_${shape.name}; DROP TABLE ${schema}.p_${shape.name}`);
  return operations.flatMap((operation, index) => {
    const costed = parts[index] ?? [];
    // A statement of several parts cannot be attributed to one model: none of the generated operations has more than one.
    if (costed.length !== 1) return [];
    return [{ shape: shape.name, sql: operation.sql, part: costed[0]!, durationMs: median(durations[index]!) }];
  });
}

/**
 * Measures this server: generates table shapes (seeded: row widths, TOAST, index keys of several
 * types, foreign keys to parents of other sizes, key order, fill factor), times rewrites, index
 * builds, validations, foreign key checks, DML and catalog changes on each, and fits a cost model per
 * kind of operation on its own measurements (a median regression on a log scale), with bounds from
 * leaving each shape out in turn. Works in a scratch schema that is dropped afterwards; takes real
 * locks on the scratch tables only. Store the result with `saveCalibration`.
 */
export async function calibrate(db: Database, options: CalibrateOptions = {}): Promise<Calibration> {
  const started = performance.now();
  const schema = quoteIdentifier(options.schema ?? "confiture_calibration");
  const seed = options.seed ?? 1;
  const repeats = options.repeats ?? 3;
  const shapes = generateShapes(seed, options.shapes ?? 8, {
    minimumRows: options.minimumRows ?? 20_000,
    maximumRows: options.maximumRows ?? 200_000,
    maximumBytes: 160 * 1024 ** 2,
    prefix: "c",
  });
  const timed: TimedPart[] = [];
  try {
    await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    for (const [index, shape] of shapes.entries()) {
      options.onProgress?.(
        `calibrating: table shape ${index + 1} of ${shapes.length} (${shape.rows.toLocaleString("en-US")} rows)`,
      );
      timed.push(...(await measureShape(db, schema, shape, repeats)));
    }
  } catch (error) {
    throw new CalibrationError(`calibration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
  }
  const calibration: Calibration = {
    version: 2,
    takenAt: new Date().toISOString(),
    server: { ...(await identifyServer(db)), driver: db.driver },
    seed,
    ...fitCalibration(timed, defaultRiskConfig.heuristic),
  };
  emitTiming("calibration", started);
  return calibration;
}
