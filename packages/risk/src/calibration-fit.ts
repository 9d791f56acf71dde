import type { Calibration, CalibratedModel } from "./calibration-schema.js";
import { type Coefficients, costOf, FEATURES, featuresOf, indexBuildCost, OPERATION_CLASSES } from "./cost-model.js";
import { crossValidatedResiduals, type FitSample, fitLogMedian, residualInterval } from "./robust-fit.js";
import type { StatementPart } from "./statement-work.js";

/** One measured operation: the shape it ran on, its costed work and its median duration. */
export interface TimedPart {
  shape: string;
  sql: string;
  part: StatementPart;
  durationMs: number;
}

/** The stated confidence of calibrated bounds: the share of held-out runs they are built to hold. */
export const CALIBRATED_LEVEL = 0.9;

/** Smallest half-width of calibrated bounds on a log scale (a factor of 1.25 either way). */
const MINIMUM_HALF_WIDTH = Math.log(1.25);

/**
 * Fits each kind of operation on its own measurements. Index builds come first: a rewrite rebuilds
 * every index and a concurrent build makes one, so their `indexBuild` feature is priced with the
 * fitted index-build model (a feature, not a subtraction: their own coefficients are fitted on their
 * own durations). Bounds are the fit's cross-validated residual quantiles, each table shape left out
 * in turn, so they describe shapes the fit did not see.
 */
export function fitCalibration(
  timed: readonly TimedPart[],
  fallback: Record<string, Coefficients>,
): Pick<Calibration, "models" | "measurements"> {
  const models = {} as Calibration["models"];
  const measurements: Calibration["measurements"] = [];
  const indexSamples = timed.filter((item) => item.part.operation === "index_build");
  const noIndex = () => 0;
  const indexCoefficients = fitLogMedian(
    indexSamples.map((item) => ({
      features: featuresOf("index_build", item.part.work, noIndex),
      durationMs: item.durationMs,
      group: item.shape,
    })),
    FEATURES.index_build,
    fallback.index_build ?? {},
  );
  const indexCost = indexBuildCost(indexCoefficients);
  for (const operation of OPERATION_CLASSES) {
    const own = timed.filter((item) => item.part.operation === operation);
    const samples: FitSample[] = own.map((item) => ({
      features: featuresOf(operation, item.part.work, indexCost),
      durationMs: item.durationMs,
      group: item.shape,
    }));
    const names = FEATURES[operation];
    const defaults = fallback[operation] ?? {};
    const coefficients = operation === "index_build" ? indexCoefficients : fitLogMedian(samples, names, defaults);
    const residuals = crossValidatedResiduals(samples, (training) => {
      const trained = fitLogMedian(training, names, defaults);
      return (sample) => costOf(sample.features, trained);
    });
    const interval = residualInterval(residuals, CALIBRATED_LEVEL, MINIMUM_HALF_WIDTH);
    const model: CalibratedModel = {
      coefficients,
      unmeasured: names.filter((name) => !samples.some((sample) => (sample.features[name] ?? 0) > 0)),
      ...interval,
      level: CALIBRATED_LEVEL,
      samples: samples.length,
      maximumRows: Math.max(0, ...own.map((item) => item.part.work.rows)),
      maximumHeapBytes: Math.max(0, ...own.map((item) => item.part.work.heapBytes)),
    };
    // With too few held-out runs the interval cannot be trusted at the level it claims.
    if (residuals.length < 5) {
      model.lowerLog = Math.min(model.lowerLog, -Math.log(4));
      model.upperLog = Math.max(model.upperLog, Math.log(4));
      model.level = 0.5;
    }
    models[operation] = model;
    for (const [index, sample] of samples.entries()) {
      measurements.push({
        operation,
        shape: sample.group,
        sql: own[index]!.sql,
        features: sample.features,
        durationMs: sample.durationMs,
      });
    }
  }
  return { models, measurements };
}
