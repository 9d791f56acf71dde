import { describe, expect, it } from "vitest";
import { fitCalibration, type TimedPart } from "./calibration-fit.js";
import { defaultRiskConfig } from "./config.js";
import { costOf, featuresOf, indexBuildCost, type Work } from "./cost-model.js";
import {
  crossValidatedResiduals,
  type FitSample,
  fitLogMedian,
  nonNegativeLeastSquares,
  residualInterval,
} from "./robust-fit.js";
import { seededRandom } from "./shapes.js";

describe("nonNegativeLeastSquares", () => {
  it("solves an exact system and never returns a negative coefficient", () => {
    const exact = nonNegativeLeastSquares(
      [
        [1, 1],
        [1, 2],
        [1, 3],
      ],
      [3, 5, 7],
    );
    expect(exact[0]).toBeCloseTo(1, 6);
    expect(exact[1]).toBeCloseTo(2, 6);
    const clamped = nonNegativeLeastSquares(
      [
        [1, 1],
        [1, 2],
      ],
      [3, 2],
    );
    expect(Math.min(...clamped)).toBeGreaterThanOrEqual(0);
  });
});

describe("fitLogMedian", () => {
  const sample = (units: number, durationMs: number, group = "a"): FitSample => ({
    features: { fixed: 1, units },
    durationMs,
    group,
  });

  it("recovers a fixed cost and a rate", () => {
    const samples = [1000, 5000, 20_000, 80_000].map((units) => sample(units, 5 + units * 0.01));
    const fit = fitLogMedian(samples, ["fixed", "units"], {});
    expect(fit.fixed).toBeCloseTo(5, 3);
    expect(fit.units).toBeCloseTo(0.01, 6);
  });

  it("is not dragged by one run that a neighbour slowed down tenfold", () => {
    const samples = [1000, 2000, 5000, 10_000, 20_000, 50_000].map((units) => sample(units, units * 0.01));
    samples.push(sample(30_000, 3000));
    const fit = fitLogMedian(samples, ["fixed", "units"], {});
    expect(fit.units).toBeCloseTo(0.01, 4);
  });

  it("keeps the fallback coefficient for a feature the samples never exercise", () => {
    const fit = fitLogMedian([sample(100, 1), sample(1000, 10)], ["fixed", "units", "never"], { never: 7 });
    expect(fit.never).toBe(7);
  });
});

describe("residualInterval", () => {
  it("is a t interval around the median, widened little by one freak run, and keeps a minimum width", () => {
    const residuals = Array.from({ length: 19 }, (_, index) => (index - 9) / 10);
    const interval = residualInterval(residuals, 0.9, 0.05);
    // Standard deviation 0.5627, t(0.95, 18) = 1.734, sqrt(1 + 1/19).
    expect(interval.upperLog).toBeCloseTo(1.734 * 0.5627 * Math.sqrt(20 / 19), 2);
    expect(interval.lowerLog).toBeCloseTo(-interval.upperLog, 10);
    const freak = residualInterval([...residuals.slice(0, 18), 50], 0.9, 0.05);
    expect(freak.upperLog).toBeLessThan(interval.upperLog * 2);
    expect(residualInterval([0, 0, 0], 0.9, 0.2)).toEqual({ lowerLog: -0.2, upperLog: 0.2 });
  });

  it("leaves each group out in turn, so residuals describe unseen shapes", () => {
    const samples = ["a", "b", "c"].flatMap((group, index) => [
      { features: { units: 100 }, durationMs: 100 * (index + 1), group },
      { features: { units: 200 }, durationMs: 200 * (index + 1), group },
    ]);
    const residuals = crossValidatedResiduals(samples, (training) => {
      const fit = fitLogMedian(training, ["units"], {});
      return (item) => costOf(item.features, fit);
    });
    expect(residuals).toHaveLength(6);
    // Group "c" is three times "a": held out, it is under-predicted.
    expect(Math.max(...residuals)).toBeGreaterThan(0.4);
  });
});

/** Timed rewrites whose time is mostly index rebuild, as on the calibration that exploded before. */
function rewrites(seed: number): TimedPart[] {
  const random = seededRandom(seed);
  const indexCost = indexBuildCost(defaultRiskConfig.heuristic.index_build);
  const parts: TimedPart[] = [];
  for (let shape = 0; shape < 12; shape += 1) {
    const rows = 20_000 * (1 + (shape % 6));
    const indexes = 1 + (shape % 4);
    const work: Work = {
      rows,
      heapBytes: rows * 80,
      toastBytes: shape % 3 === 0 ? rows * 3000 : 0,
      builds: Array.from({ length: indexes }, () => ({
        method: "btree",
        keys: [{ width: 30, collated: true, presorted: false }],
      })),
    };
    const truth = costOf(featuresOf("rewrite", work, indexCost), defaultRiskConfig.heuristic.rewrite);
    const buildTruth = costOf(
      featuresOf("index_build", { ...work, builds: work.builds.slice(0, 1) }, () => 0),
      defaultRiskConfig.heuristic.index_build,
    );
    // Noise of a shared machine: a factor of up to 1.5 either way.
    const noise = () => Math.exp((random() - 0.5) * 0.8);
    // Two rewrites a shape, as calibration times (a type change and a volatile default).
    for (const sql of ["type", "default"]) {
      parts.push({ shape: `s${shape}`, sql, part: { operation: "rewrite", relation: "t", work }, durationMs: truth * noise() });
    }
    parts.push({
      shape: `s${shape}`,
      sql: "index",
      part: { operation: "index_build", relation: "t", work: { ...work, builds: work.builds.slice(0, 1) } },
      durationMs: buildTruth * noise(),
    });
  }
  return parts;
}

describe("fitCalibration", () => {
  it("fits rewrites without subtracting index estimates: finite bounds, no clamps, no explosion", () => {
    const fit = fitCalibration(rewrites(1), defaultRiskConfig.heuristic);
    const model = fit.models.rewrite;
    expect(Number.isFinite(model.lowerLog) && Number.isFinite(model.upperLog)).toBe(true);
    // Bounds of a factor of 84 either way were what the old fit produced; the noise here is at most 1.5x.
    expect(Math.exp(model.upperLog - model.lowerLog)).toBeLessThan(6);
    expect(model.level).toBe(0.9);
  });

  it("gives two calibrations of the same (noisy) server bounds within a factor of 1.5 of each other", () => {
    const first = fitCalibration(rewrites(1), defaultRiskConfig.heuristic).models.rewrite;
    const second = fitCalibration(rewrites(2), defaultRiskConfig.heuristic).models.rewrite;
    expect(Math.exp(Math.abs(first.upperLog - second.upperLog))).toBeLessThan(1.5);
    expect(Math.exp(Math.abs(first.lowerLog - second.lowerLog))).toBeLessThan(1.5);
  });
});
