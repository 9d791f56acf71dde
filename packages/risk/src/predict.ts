import type { Calibration } from "./calibration-schema.js";
import type { RiskConfig } from "./config.js";
import { type Coefficients, costOf, featuresOf, indexBuildCost, type OperationClass } from "./cost-model.js";
import type { HistoryRecord } from "./history-record.js";
import { predictHistorical } from "./predict-historical.js";
import { serverCaveat } from "./server-identity.js";
import type { StatementPart } from "./statement-work.js";
import type { ServerIdentity, TableStatistics } from "./table-statistics.js";
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
  /** The dominant kind of operation (the part expected to take longest). */
  operation: OperationClass;
  /** The table whose size drives the duration (undefined for statements that lock nothing). */
  table: TableStatistics | undefined;
  /** The costed parts of the statement; by default one part of `operation` on `table`. */
  parts?: readonly StatementPart[];
}

/** What the predictor may use beyond the configured heuristic. */
export interface PredictionContext {
  config: RiskConfig;
  calibration?: Calibration;
  history?: readonly HistoryRecord[];
  /** The server the statements will run on, when known. */
  target?: ServerIdentity;
}

const round = (value: number) => Math.round(value * 100) / 100;

function partsOf(request: PredictionRequest): readonly StatementPart[] {
  if (request.parts !== undefined && request.parts.length > 0) return request.parts;
  const table = request.table;
  return [
    {
      operation: request.operation,
      relation: table?.relation,
      work: { rows: table?.rowEstimate ?? 0, heapBytes: table?.tableBytes ?? 0, toastBytes: table?.toastBytes ?? 0, builds: [] },
    },
  ];
}

/** The estimate of each part from a set of coefficients per kind of operation. */
function estimates(parts: readonly StatementPart[], coefficients: (operation: OperationClass) => Coefficients): number[] {
  const indexCost = indexBuildCost(coefficients("index_build"));
  return parts.map((part) => costOf(featuresOf(part.operation, part.work, indexCost), coefficients(part.operation)));
}

function heuristicPrediction(request: PredictionRequest, config: RiskConfig): DurationPrediction {
  const parts = partsOf(request);
  const estimate = estimates(parts, (operation) => config.heuristic[operation]).reduce((sum, value) => sum + value, 0);
  const band = config.bands.heuristic;
  return {
    estimateMs: round(estimate),
    lowerMs: round(Math.max(0, estimate / band.factor - band.slackMs)),
    upperMs: round(estimate * band.factor + band.slackMs),
    confidence: band.confidence,
    method: "heuristic",
    operation: request.operation,
    caveats: [
      parts.every((part) => part.operation === "catalog")
        ? "Catalog-only change: milliseconds whatever the table size, once the lock is granted."
        : "Heuristic: default cost coefficients of a small server, not measured on this one; run `confiture calibrate --db <url>` to measure it.",
    ],
  };
}

function calibratedPrediction(
  request: PredictionRequest,
  calibration: Calibration,
  context: PredictionContext,
): DurationPrediction {
  const parts = partsOf(request);
  const band = context.config.bands.calibrated;
  const values = estimates(parts, (operation) => calibration.models[operation].coefficients);
  let estimate = 0;
  let lower = 0;
  let upper = 0;
  const minimum = Math.log(band.minimumFactor);
  parts.forEach((part, index) => {
    const model = calibration.models[part.operation];
    const value = values[index]!;
    estimate += value;
    lower += value * Math.exp(Math.min(-minimum, model.lowerLog));
    upper += value * Math.exp(Math.max(minimum, model.upperLog));
  });
  const caveats: string[] = [];
  let confidence = Math.min(...parts.map((part) => calibration.models[part.operation].level));
  const server = serverCaveat(calibration.server, context.target);
  if (server.caveat !== undefined) caveats.push(server.caveat);
  confidence *= server.factor;
  for (const part of parts) {
    const model = calibration.models[part.operation];
    if (part.operation === "catalog" || model.maximumRows <= 0) continue;
    if (part.work.rows > model.maximumRows * 10) {
      caveats.push(
        `${part.relation} has ${Math.round(part.work.rows / model.maximumRows)} times the rows of the largest calibration table (${model.maximumRows.toLocaleString("en-US")}): the prediction extrapolates; the migration history (historical method) will narrow it.`,
      );
    }
  }
  return {
    estimateMs: round(estimate),
    lowerMs: round(lower),
    upperMs: round(upper + band.slackMs),
    confidence,
    method: "calibrated",
    operation: request.operation,
    caveats,
  };
}

function sizeCaveats(request: PredictionRequest, prediction: DurationPrediction): DurationPrediction {
  const assumed = new Map<string, TableStatistics>();
  const table = request.table;
  if (table?.source === "assumptions") assumed.set(table.relation, table);
  if (assumed.size === 0 || partsOf(request).every((part) => part.operation === "catalog")) return prediction;
  return {
    ...prediction,
    // The bounds hold for the assumed size only; how far the real size is from it is unknown.
    confidence: prediction.confidence * 0.5,
    caveats: [
      ...prediction.caveats,
      ...[...assumed.values()].map(
        (assumedTable) =>
          `The size of ${assumedTable.relation} is an assumption (${assumedTable.rowEstimate.toLocaleString("en-US")} rows, ${formatBytes(assumedTable.tableBytes)}): give --db, or a statistics snapshot from \`confiture stats export\`, for its real size.`,
      ),
    ],
  };
}

/**
 * Predicts one statement's duration with the best method available: historical (enough past runs of
 * the same kind on tables of similar size), else calibrated (this server's fitted cost model, with
 * the fit's own cross-validated bounds), else heuristic (documented default coefficients).
 */
export function predictDuration(request: PredictionRequest, context: PredictionContext): DurationPrediction {
  const { config, calibration, history } = context;
  const historical = history === undefined ? undefined : predictHistorical(request, history, config);
  if (historical !== undefined) return sizeCaveats(request, historical);
  if (calibration !== undefined) return sizeCaveats(request, calibratedPrediction(request, calibration, context));
  return sizeCaveats(request, heuristicPrediction(request, config));
}
