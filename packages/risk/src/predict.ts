import type { Calibration } from "./calibration-schema.js";
import type { OperationClass, RiskConfig, Throughput } from "./config.js";
import type { HistoryRecord } from "./history-record.js";
import { predictHistorical } from "./predict-historical.js";
import type { TableStatistics } from "./table-statistics.js";
import { formatBytes } from "./units.js";

/** How a duration was predicted. */
export type PredictionMethod = "heuristic" | "calibrated" | "historical";

/** A predicted duration with bounds and an honest confidence. */
export interface DurationPrediction {
  estimateMs: number;
  lowerMs: number;
  upperMs: number;
  /** How likely the real duration is to fall in [lowerMs, upperMs], as far as the method can tell; 0..1. */
  confidence: number;
  method: PredictionMethod;
  operation: OperationClass;
  /** Why the confidence is what it is, and how to raise it. */
  caveats: string[];
}

/** What the predictor needs to know about one statement. */
export interface PredictionRequest {
  kind: string;
  operation: OperationClass;
  /** The table whose size drives the duration (undefined for statements that lock nothing). */
  table: TableStatistics | undefined;
}

/** What the predictor may use beyond the configured heuristic. */
export interface PredictionContext {
  config: RiskConfig;
  calibration?: Calibration;
  history?: readonly HistoryRecord[];
}

/** The amount of work, in the unit the throughput is expressed in. */
export function workUnits(table: TableStatistics | undefined, unit: Throughput["unit"]): number {
  if (table === undefined) return 0;
  if (unit === "rows") return table.rowEstimate;
  return unit === "total_bytes" ? table.totalBytes : table.tableBytes;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** fixed cost + work / throughput, with multiplicative bounds widened by an absolute slack. */
export function predictWithThroughput(
  request: PredictionRequest,
  throughput: Throughput,
  band: { factor: number; slackMs: number; confidence: number },
  method: "heuristic" | "calibrated",
): DurationPrediction {
  const units = request.operation === "catalog" ? 0 : workUnits(request.table, throughput.unit);
  const indexWork =
    request.operation === "catalog" || throughput.indexBytesPerSecond === undefined
      ? 0
      : ((request.table?.indexBytes ?? 0) / throughput.indexBytesPerSecond) * 1000;
  const estimate = throughput.fixedMs + (units / throughput.perSecond) * 1000 + indexWork;
  return {
    estimateMs: round(estimate),
    lowerMs: round(Math.max(0, estimate / band.factor - band.slackMs)),
    upperMs: round(estimate * band.factor + band.slackMs),
    confidence: band.confidence,
    method,
    operation: request.operation,
    caveats: [],
  };
}

function sizeCaveats(request: PredictionRequest, prediction: DurationPrediction): DurationPrediction {
  const table = request.table;
  if (table === undefined || request.operation === "catalog" || table.source !== "assumptions") return prediction;
  return {
    ...prediction,
    // The bounds hold for the assumed size only; how far the real size is from it is unknown.
    confidence: prediction.confidence * 0.5,
    caveats: [
      ...prediction.caveats,
      `The size of ${table.relation} is an assumption (${table.rowEstimate.toLocaleString("en-US")} rows, ${formatBytes(table.tableBytes)}): give --db, or a statistics snapshot from \`confiture stats export\`, for its real size.`,
    ],
  };
}

function calibratedPrediction(request: PredictionRequest, calibration: Calibration, config: RiskConfig): DurationPrediction {
  const band = config.bands.calibrated;
  // As wide as the configured factor, or as the server's own scatter during calibration if that was wider.
  const factor = Math.max(band.factor, Math.exp(band.spreadMultiplier * calibration.spread[request.operation]));
  const prediction = predictWithThroughput(request, calibration.throughput[request.operation], { ...band, factor }, "calibrated");
  const caveats = [`Calibrated on this server (${calibration.takenAt}, PostgreSQL ${calibration.server.majorVersion}).`];
  const rows = request.table?.rowEstimate ?? 0;
  const ratio = rows > 0 ? Math.max(rows / calibration.scratchRows, calibration.scratchRows / rows) : 1;
  let confidence = prediction.confidence;
  if (request.operation !== "catalog" && rows > calibration.scratchRows * 10) {
    // Beyond ten times the scratch table, caches stop holding the table and sorts spill to disk.
    confidence *= Math.max(0.4, 1 - 0.2 * Math.log10(ratio / 10));
    caveats.push(
      `${request.table?.relation} is ${Math.round(ratio)} times the ${calibration.scratchRows}-row calibration table: the prediction extrapolates; the migration history (historical method) will narrow it.`,
    );
  }
  return { ...prediction, confidence, caveats };
}

/**
 * Predicts one statement's duration with the best method available: historical (enough past runs of
 * the same kind on tables of similar size), else calibrated (this server's measured throughput),
 * else heuristic (documented default throughputs).
 */
export function predictDuration(request: PredictionRequest, context: PredictionContext): DurationPrediction {
  const { config, calibration, history } = context;
  const historical = history === undefined ? undefined : predictHistorical(request, history, config);
  if (historical !== undefined) return sizeCaveats(request, historical);
  if (calibration !== undefined) return sizeCaveats(request, calibratedPrediction(request, calibration, config));
  const heuristic = predictWithThroughput(request, config.throughput[request.operation], config.bands.heuristic, "heuristic");
  heuristic.caveats.push(
    request.operation === "catalog"
      ? "Catalog-only change: milliseconds whatever the table size, once the lock is granted."
      : "Heuristic: default throughputs of a modest server, not measured on this one; run `confiture calibrate --db <url>` to measure it.",
  );
  return sizeCaveats(request, heuristic);
}
