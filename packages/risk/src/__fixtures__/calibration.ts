import type { CalibratedModel, Calibration } from "../calibration-schema.js";
import { defaultRiskConfig } from "../config.js";
import { OPERATION_CLASSES } from "../cost-model.js";

/** A calibration of format 2 with the default coefficients scaled by `speed` and bounds x/÷ `factor`. */
export function calibrationFixture(
  options: { speed?: number; factor?: number; server?: Calibration["server"]; level?: number } = {},
): Calibration {
  const speed = options.speed ?? 1;
  const factor = options.factor ?? 2;
  const model = (operation: (typeof OPERATION_CLASSES)[number]): CalibratedModel => ({
    coefficients: Object.fromEntries(
      Object.entries(defaultRiskConfig.heuristic[operation]).map(([name, value]) => [name, value / speed]),
    ),
    unmeasured: [],
    lowerLog: -Math.log(factor),
    upperLog: Math.log(factor),
    level: options.level ?? 0.9,
    samples: 12,
    maximumRows: 200_000,
    maximumHeapBytes: 40_000_000,
  });
  return {
    version: 2,
    takenAt: "2025-01-01T00:00:00.000Z",
    server: options.server ?? { driver: "pg", majorVersion: 15, fingerprint: "system:1" },
    seed: 1,
    models: Object.fromEntries(OPERATION_CLASSES.map((operation) => [operation, model(operation)])) as Calibration["models"],
    measurements: [{ operation: "rewrite", shape: "c0", sql: "ALTER TABLE t ALTER COLUMN key TYPE bigint", features: { fixed: 1 }, durationMs: 150 }],
  };
}
