import type { Database } from "@confiture/db";
import { type Calibration, assessRisk, calibrate, gatherRiskContext } from "../src/index.js";

/** The operations of the issue: rewrites, builds, validations and catalog-only changes, in an order that keeps each valid. */
const OPERATIONS: { group: string; sql: string }[] = [
  { group: "catalog", sql: "ALTER TABLE measured ADD COLUMN note text" },
  { group: "catalog", sql: "ALTER TABLE measured ALTER COLUMN note SET DEFAULT 'none'" },
  { group: "catalog", sql: "ALTER TABLE measured ADD COLUMN flag boolean NOT NULL DEFAULT false" },
  { group: "catalog", sql: "ALTER TABLE measured ADD CONSTRAINT measured_value_positive CHECK (value > 0) NOT VALID" },
  { group: "validate", sql: "ALTER TABLE measured VALIDATE CONSTRAINT measured_value_positive" },
  { group: "validate", sql: "ALTER TABLE measured ADD CONSTRAINT measured_value_check CHECK (value >= 0)" },
  { group: "validate", sql: "ALTER TABLE measured ALTER COLUMN parent_id SET NOT NULL" },
  {
    group: "validate",
    sql: "ALTER TABLE measured ADD CONSTRAINT measured_parent_fkey FOREIGN KEY (parent_id) REFERENCES parent (id)",
  },
  { group: "build", sql: "CREATE INDEX measured_value_idx ON measured (value)" },
  { group: "build", sql: "CREATE UNIQUE INDEX measured_id_unique ON measured (id)" },
  { group: "build", sql: "CREATE INDEX CONCURRENTLY measured_parent_idx ON measured (parent_id)" },
  { group: "rewrite", sql: "ALTER TABLE measured ADD COLUMN noise double precision DEFAULT random()" },
  { group: "rewrite", sql: "ALTER TABLE measured ALTER COLUMN value TYPE bigint" },
];

/** One measured statement with both predictions. */
export interface AccuracyRow {
  rows: number;
  group: string;
  sql: string;
  measuredMs: number;
  calibrated: { estimateMs: number; lowerMs: number; upperMs: number; method: string };
  heuristic: { estimateMs: number; lowerMs: number; upperMs: number; method: string };
}

async function createTables(db: Database, rows: number): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS measured; DROP TABLE IF EXISTS parent;
    CREATE TABLE parent (id integer PRIMARY KEY);
    INSERT INTO parent SELECT generate_series(1, ${rows});
    CREATE TABLE measured (id integer PRIMARY KEY, parent_id integer, value integer, payload text);
    INSERT INTO measured SELECT i, i, i, md5(i::text) FROM generate_series(1, ${rows}) AS i;`);
  // VACUUM cannot run in the implicit transaction of a multi-statement script.
  await db.exec("VACUUM ANALYZE parent");
  await db.exec("VACUUM ANALYZE measured");
}

/**
 * (b) Prediction accuracy: calibrate, then for tables of each size run every operation once,
 * predicting it first (from the live catalog) with the calibration and with the heuristic alone.
 */
export async function evaluateAccuracy(db: Database, sizes: readonly number[], log: (message: string) => void) {
  const calibration: Calibration = await calibrate(db, { onProgress: log });
  const rows: AccuracyRow[] = [];
  for (const size of sizes) {
    log(`measuring on ${size.toLocaleString("en-US")} rows`);
    await createTables(db, size);
    for (const operation of OPERATIONS) {
      const files = [{ file: "operation.up.sql", source: operation.sql }];
      const context = await gatherRiskContext(files, { db });
      const withCalibration = await assessRisk({ files, ...context, calibration, history: [] });
      const heuristicOnly = await assessRisk({ files, inputs: context.inputs, history: [] });
      const started = performance.now();
      await db.exec(operation.sql);
      const measuredMs = performance.now() - started;
      const pick = (report: typeof withCalibration) => {
        const { estimateMs, lowerMs, upperMs, method } = report.statements[0]!.downtime;
        return { estimateMs, lowerMs, upperMs, method };
      };
      rows.push({
        rows: size,
        group: operation.group,
        sql: operation.sql,
        measuredMs,
        calibrated: pick(withCalibration),
        heuristic: pick(heuristicOnly),
      });
    }
  }
  await db.exec("DROP TABLE IF EXISTS measured; DROP TABLE IF EXISTS parent;");
  return { calibration, rows };
}

/** Share inside the bounds and the median |ln(predicted / measured)|. */
export function summariseAccuracy(rows: readonly AccuracyRow[], method: "calibrated" | "heuristic") {
  const inside = rows.filter((row) => row.measuredMs >= row[method].lowerMs && row.measuredMs <= row[method].upperMs).length;
  const errors = rows
    .map((row) => Math.abs(Math.log(Math.max(row[method].estimateMs, 0.01) / Math.max(row.measuredMs, 0.01))))
    .sort((a, b) => a - b);
  const middle = Math.floor(errors.length / 2);
  const median = errors.length % 2 === 1 ? errors[middle]! : (errors[middle - 1]! + errors[middle]!) / 2;
  return { cases: rows.length, insideBounds: inside / rows.length, medianAbsoluteLogRatio: median };
}
