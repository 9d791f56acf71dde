import { describe, expect, it } from "vitest";
import { calibrationFixture } from "./__fixtures__/calibration.js";
import { defaultRiskConfig, type OperationClass } from "./config.js";
import type { HistoryRecord } from "./history-record.js";
import { type PredictionRequest, predictDuration } from "./predict.js";
import { predictHistorical } from "./predict-historical.js";
import type { TableStatistics } from "./table-statistics.js";

const table = (rows: number, source: TableStatistics["source"] = "database"): TableStatistics => ({
  relation: "users",
  rowEstimate: rows,
  tableBytes: rows * 100,
  indexBytes: rows * 20,
  toastBytes: 0,
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

const target = { majorVersion: 15, driver: "pg", fingerprint: "system:1" };
const calibration = calibrationFixture({ speed: 2 });

describe("predictDuration: the heuristic", () => {
  it("keeps catalog-only changes in milliseconds whatever the size", () => {
    const small = predictDuration(request("catalog", 10), { config: defaultRiskConfig });
    const huge = predictDuration(request("catalog", 1e9), { config: defaultRiskConfig });
    expect(huge.estimateMs).toBe(small.estimateMs);
    expect(huge.estimateMs).toBeLessThan(50);
  });
  it("scales rewrites with the table's bytes, using the documented coefficients", () => {
    const prediction = predictDuration(request("rewrite", 1_000_000), { config: defaultRiskConfig });
    const { fixed, heapBytes } = defaultRiskConfig.heuristic.rewrite;
    // No index is known in this request: the heap alone.
    expect(prediction.estimateMs).toBeCloseTo(fixed! + 100_000_000 * heapBytes!, 1);
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
  it("takes calibrated bounds from the calibration's own held-out residuals, at its stated level", () => {
    const narrow = predictDuration(request("rewrite", 300_000), { config: defaultRiskConfig, calibration, target });
    expect(narrow.upperMs).toBeCloseTo(narrow.estimateMs * 2 + 10, 1);
    expect(narrow.lowerMs).toBeCloseTo(narrow.estimateMs / 2, 1);
    expect(narrow.confidence).toBeCloseTo(0.9, 6);
    const wide = predictDuration(request("rewrite", 300_000), {
      config: defaultRiskConfig,
      calibration: calibrationFixture({ speed: 2, factor: 3 }),
      target,
    });
    expect(wide.upperMs).toBeCloseTo(wide.estimateMs * 3 + 10, 1);
    // The fitted coefficients are used: a calibration twice as fast predicts half the heuristic's time.
    const heuristic = predictDuration(request("rewrite", 300_000), { config: defaultRiskConfig });
    expect(narrow.estimateMs).toBeCloseTo(heuristic.estimateMs / 2, 1);
  });

  it("says when extrapolating far beyond the calibration tables", () => {
    const far = predictDuration(request("rewrite", 200_000_000), { config: defaultRiskConfig, calibration, target });
    expect(far.caveats.join(" ")).toMatch(/extrapolates/);
  });
});

describe("a calibration knows which server it measured", () => {
  it("keeps its confidence on the same server and says so", () => {
    const same = predictDuration(request("rewrite", 300_000), { config: defaultRiskConfig, calibration, target });
    expect(same.confidence).toBeCloseTo(0.9, 6);
    expect(same.caveats.join(" ")).toMatch(/Calibrated on this server/);
  });

  it("halves the confidence on another server or major version, and says so", () => {
    for (const other of [
      { ...target, fingerprint: "system:2" },
      { ...target, majorVersion: 17 },
    ]) {
      const prediction = predictDuration(request("rewrite", 300_000), { config: defaultRiskConfig, calibration, target: other });
      expect(prediction.confidence).toBeCloseTo(0.45, 6);
      expect(prediction.caveats.join(" ")).toMatch(/another server/);
    }
  });

  it("labels a calibration of the embedded PGlite as a WebAssembly measurement when used for a server", () => {
    const embedded = calibrationFixture({ server: { driver: "pglite", majorVersion: 17, fingerprint: "pglite" } });
    const prediction = predictDuration(request("rewrite", 300_000), { config: defaultRiskConfig, calibration: embedded, target });
    expect(prediction.confidence).toBeCloseTo(0.45, 6);
    expect(prediction.caveats.join(" ")).toMatch(/WebAssembly/);
    const unknown = predictDuration(request("rewrite", 300_000), { config: defaultRiskConfig, calibration: embedded });
    expect(unknown.caveats.join(" ")).toMatch(/WebAssembly/);
  });

  it("lowers the confidence when the target is unknown (no database, no fingerprint in the snapshot)", () => {
    const prediction = predictDuration(request("rewrite", 300_000), { config: defaultRiskConfig, calibration });
    expect(prediction.confidence).toBeCloseTo(0.675, 6);
    expect(prediction.caveats.join(" ")).toMatch(/target server is not known/);
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
