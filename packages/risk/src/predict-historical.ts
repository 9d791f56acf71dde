import type { RiskConfig } from "./config.js";
import type { HistoryRecord } from "./history-record.js";
import type { DurationPrediction, PredictionRequest } from "./predict.js";
import { predictionInterval } from "./t-distribution.js";

const round = (value: number) => Math.round(value * 100) / 100;

/** Operations whose work grows with rows rather than bytes. */
const ROW_BOUND: ReadonlySet<string> = new Set(["validate_foreign_key", "index_build", "concurrent_index_build", "dml"]);

/** The size history is compared on: rows for row-bound work, bytes otherwise. */
function sizeOf(record: HistoryRecord, unit: "table_bytes" | "total_bytes" | "rows"): number | undefined {
  const value = unit === "rows" ? record.rowEstimate : record.tableBytes;
  return value === null ? undefined : Number(value);
}

/**
 * The historical method: past runs of the same kind of statement on tables of similar size (within
 * `historicalSizeFactor` either way). Durations are modelled per unit of work on a log scale (they
 * are positive and skewed), so the interval is `exp(mean +- t * s * sqrt(1 + 1/n))` times the work,
 * and the lower bound stays positive. Catalog changes do not scale with size: their durations are
 * used as they are.
 *
 * Confidence = the interval's level, discounted for few samples (n / (n + 2)) and for the distance
 * between this table and the history's median size; it is clamped to [0, 1], never negative.
 * Returns undefined when there are too few samples.
 */
export function predictHistorical(
  request: PredictionRequest,
  history: readonly HistoryRecord[],
  config: RiskConfig,
): DurationPrediction | undefined {
  const { historicalLevel, historicalMinimumSamples, historicalSizeFactor } = config.bands;
  const unit = ROW_BOUND.has(request.operation) ? "rows" : "total_bytes";
  const scales = request.operation !== "catalog";
  // The runner records pg_total_relation_size (heap, TOAST and indexes), so bytes compare with totalBytes.
  const size = request.table === undefined ? 0 : unit === "rows" ? request.table.rowEstimate : request.table.totalBytes;
  const similar = history.filter((record) => {
    if (record.kind !== request.kind || !(record.durationMs > 0)) return false;
    if (!scales) return true;
    const recordSize = sizeOf(record, unit);
    if (recordSize === undefined || recordSize <= 0 || size <= 0) return false;
    return recordSize <= size * historicalSizeFactor && recordSize >= size / historicalSizeFactor;
  });
  if (similar.length < historicalMinimumSamples) return undefined;
  const logs = similar.map((record) => Math.log(scales ? record.durationMs / (sizeOf(record, unit) ?? 1) : record.durationMs));
  const interval = predictionInterval(logs, historicalLevel);
  const scale = scales ? size : 1;
  const sizes = scales ? similar.map((record) => sizeOf(record, unit) ?? size).sort((a, b) => a - b) : [];
  const medianSize = sizes[Math.floor(sizes.length / 2)] ?? size;
  const distance = scales && medianSize > 0 ? Math.abs(Math.log10(size / medianSize)) : 0;
  const confidence = Math.min(1, Math.max(0, historicalLevel * (similar.length / (similar.length + 2)) * (1 - 0.25 * distance)));
  return {
    estimateMs: round(Math.exp(interval.mean) * scale),
    lowerMs: round(Math.exp(interval.lower) * scale),
    upperMs: round(Math.exp(interval.upper) * scale),
    confidence,
    method: "historical",
    operation: request.operation,
    caveats: [
      `From ${similar.length} past runs of ${request.kind} on this database${scales ? " on tables of similar size" : ""}: a ${Math.round(historicalLevel * 100)}% prediction interval (t distribution, ${similar.length - 1} degrees of freedom); more history narrows it.`,
    ],
  };
}
