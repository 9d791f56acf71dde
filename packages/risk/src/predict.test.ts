import { describe, expect, it } from "vitest";
import type { Calibration } from "./calibration-schema.js";
import { defaultRiskConfig, type OperationClass } from "./config.js";
import { fitThroughput } from "./fit.js";
import type { HistoryRecord } from "./history-record.js";
import { type PredictionRequest, predictDuration } from "./predict.js";
import { predictHistorical } from "./predict-historical.js";
import type { TableStatistics } from "./table-statistics.js";

const table = (rows: number, source: TableStatistics["source"] = "database"): TableStatistics => ({
  relation: "users",
  rowEstimate: rows,
  tableBytes: rows * 100,
  indexBytes: rows * 20,
  totalBytes: rows * 120,
  dependencies: 0,
  source,
});

const request = (operation: OperationClass, rows: number, source?: TableStatistics["source"]): PredictionRequest => ({
  kind: "alter_table",
  operation,
  table: table(rows, source),
});

function history(count: number, rows: number, msPerRow: number, spread = 0.1): HistoryRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    version: `v${index}`,
    statementIndex: 0,
    kind: "alter_table",
    targetTable: "users",
    tableBytes: rows * 120,
    rowEstimate: rows,
    durationMs: rows * msPerRow * (1 + (index % 2 === 0 ? spread : -spread)),
    lockMode: "AccessExclusiveLock",
    pgMajor: 15,
    appliedAt: new Date(2024, 0, index + 1).toISOString(),
  }));
}

const calibration: Calibration = {
  version: 1,
  takenAt: "2024-01-01T00:00:00.000Z",
  server: { driver: "pg", majorVersion: 15 },
  scratchRows: 200_000,
  throughput: {
    catalog: { unit: "table_bytes", perSecond: 1, fixedMs: 2 },
    rewrite: { unit: "total_bytes", perSecond: 100_000_000, fixedMs: 10 },
    validate: { unit: "table_bytes", perSecond: 500_000_000, fixedMs: 1 },
    validate_foreign_key: { unit: "rows", perSecond: 2_000_000, fixedMs: 1 },
    index_build: { unit: "rows", perSecond: 2_000_000, fixedMs: 1 },
    concurrent_index_build: { unit: "rows", perSecond: 1_000_000, fixedMs: 5 },
  },
  spread: { catalog: 0.5, rewrite: 0.1, validate: 0.1, validate_foreign_key: 0.1, index_build: 0.1, concurrent_index_build: 0.1 },
  measurements: [],
};

describe("predictDuration: the heuristic", () => {
  it("keeps catalog-only changes in milliseconds whatever the size", () => {
    const small = predictDuration(request("catalog", 10), { config: defaultRiskConfig });
    const huge = predictDuration(request("catalog", 1e9), { config: defaultRiskConfig });
    expect(huge.estimateMs).toBe(small.estimateMs);
    expect(huge.estimateMs).toBeLessThan(50);
  });
  it("scales rewrites with the table's bytes, using the documented throughput", () => {
    const prediction = predictDuration(request("rewrite", 1_000_000), { config: defaultRiskConfig });
    const { perSecond, fixedMs } = defaultRiskConfig.throughput.rewrite;
    // total bytes: heap 100 bytes + indexes 20 bytes per row
    expect(prediction.estimateMs).toBeCloseTo(fixedMs + (120_000_000 / perSecond) * 1000, 1);
    expect(prediction.lowerMs).toBeCloseTo(prediction.estimateMs / 4 - 10, 1);
    expect(prediction.upperMs).toBeCloseTo(prediction.estimateMs * 4 + 10, 1);
    expect(prediction.method).toBe("heuristic");
    expect(prediction.caveats.join(" ")).toMatch(/confiture calibrate/);
  });
  it("halves confidence and says how to fix it when the size is assumed", () => {
    const known = predictDuration(request("index_build", 1_000_000), { config: defaultRiskConfig });
    const assumed = predictDuration(request("index_build", 1_000_000, "assumptions"), { config: defaultRiskConfig });
    expect(assumed.confidence).toBeCloseTo(known.confidence / 2, 10);
    expect(assumed.caveats.join(" ")).toMatch(/stats export/);
  });
});

describe("predictDuration: choosing the method", () => {
  it("prefers history, then calibration, then the heuristic", () => {
    const enough = history(5, 1_000_000, 0.01);
    expect(predictDuration(request("rewrite", 1_000_000), { config: defaultRiskConfig }).method).toBe("heuristic");
    expect(predictDuration(request("rewrite", 1_000_000), { config: defaultRiskConfig, calibration }).method).toBe("calibrated");
    expect(
      predictDuration(request("rewrite", 1_000_000), { config: defaultRiskConfig, calibration, history: enough }).method,
    ).toBe("historical");
  });
  it("falls back to calibration when history is too thin or of other sizes", () => {
    const context = { config: defaultRiskConfig, calibration };
    expect(predictDuration(request("rewrite", 1_000_000), { ...context, history: history(2, 1_000_000, 0.01) }).method).toBe(
      "calibrated",
    );
    expect(predictDuration(request("rewrite", 1_000_000), { ...context, history: history(8, 1_000, 0.01) }).method).toBe(
      "calibrated",
    );
  });
  it("widens calibrated bounds to the scatter the calibration measured", () => {
    const quiet = predictDuration(request("rewrite", 300_000), { config: defaultRiskConfig, calibration });
    expect(quiet.upperMs).toBeCloseTo(quiet.estimateMs * 2 + 10, 1);
    const noisy = { ...calibration, spread: { ...calibration.spread, rewrite: 0.6 } };
    const wide = predictDuration(request("rewrite", 300_000), { config: defaultRiskConfig, calibration: noisy });
    expect(wide.upperMs).toBeCloseTo(wide.estimateMs * Math.exp(1.2) + 10, 1);
  });

  it("lowers calibrated confidence when extrapolating far beyond the scratch table", () => {
    const near = predictDuration(request("rewrite", 300_000), { config: defaultRiskConfig, calibration });
    const far = predictDuration(request("rewrite", 200_000_000), { config: defaultRiskConfig, calibration });
    expect(far.confidence).toBeLessThan(near.confidence);
    expect(far.caveats.join(" ")).toMatch(/extrapolates/);
  });
});

describe("predictHistorical", () => {
  it("centres on the history's rate, scaled to this table", () => {
    const prediction = predictHistorical(request("rewrite", 2_000_000), history(10, 1_000_000, 0.01, 0), defaultRiskConfig);
    expect(prediction?.estimateMs).toBeCloseTo(20_000, 0);
  });
  it("has bounds around the estimate and a confidence in [0, 1], even for wild history", () => {
    const wild = history(3, 1_000_000, 0.01, 0.95);
    const prediction = predictHistorical(request("rewrite", 9_000_000), wild, defaultRiskConfig)!;
    expect(prediction.lowerMs).toBeGreaterThan(0);
    expect(prediction.lowerMs).toBeLessThan(prediction.estimateMs);
    expect(prediction.upperMs).toBeGreaterThan(prediction.estimateMs);
    expect(prediction.confidence).toBeGreaterThanOrEqual(0);
    expect(prediction.confidence).toBeLessThanOrEqual(1);
  });
  it("gains confidence with more samples", () => {
    const three = predictHistorical(request("rewrite", 1_000_000), history(3, 1_000_000, 0.01), defaultRiskConfig)!;
    const thirty = predictHistorical(request("rewrite", 1_000_000), history(30, 1_000_000, 0.01), defaultRiskConfig)!;
    expect(thirty.confidence).toBeGreaterThan(three.confidence);
    expect(thirty.upperMs - thirty.lowerMs).toBeLessThan(three.upperMs - three.lowerMs);
  });
  it("uses durations as they are for catalog changes", () => {
    const records = history(4, 1_000, 0).map((record, index) => ({ ...record, durationMs: 2 + index }));
    const prediction = predictHistorical(request("catalog", 1e9), records, defaultRiskConfig)!;
    expect(prediction.estimateMs).toBeGreaterThan(2);
    expect(prediction.estimateMs).toBeLessThan(5);
  });
});

describe("fitThroughput", () => {
  it("recovers a fixed cost and a rate", () => {
    const fit = fitThroughput(
      [
        { units: 1000, durationMs: 15 },
        { units: 5000, durationMs: 55 },
      ],
      "rows",
    );
    expect(fit.fixedMs).toBeCloseTo(5, 6);
    expect(fit.perSecond).toBeCloseTo(100_000, 3);
  });
  it("never returns a negative fixed cost or rate", () => {
    const noisy = fitThroughput(
      [
        { units: 1000, durationMs: 1 },
        { units: 5000, durationMs: 50 },
      ],
      "table_bytes",
    );
    expect(noisy.fixedMs).toBe(0);
    expect(noisy.perSecond).toBeGreaterThan(0);
    const falling = fitThroughput(
      [
        { units: 1000, durationMs: 9 },
        { units: 5000, durationMs: 5 },
      ],
      "table_bytes",
    );
    expect(falling.perSecond).toBeCloseTo(1_000_000, 3);
    expect(falling.fixedMs).toBe(0);
  });
});
