import { loadavg } from "node:os";
import type { Database } from "@confiture/db";
import { createShape, timeOperation } from "../src/calibrate.js";
import { defaultRiskConfig } from "../src/config.js";
import {
  assessRisk,
  type Calibration,
  calibrate,
  gatherRiskContext,
  predictDuration,
  type ServerIdentity,
} from "../src/index.js";
import type { StatementPart } from "../src/statement-work.js";
import { describeFiles } from "../src/work-description.js";
import { generateShapes, shapeOperations, type TableShapeSpec } from "../src/shapes.js";

/** One predicted statement's bounds. */
export interface Bounds {
  estimateMs: number;
  lowerMs: number;
  upperMs: number;
  confidence: number;
}

/** One evaluated operation: measured on a held-out shape, predicted three ways. */
export interface EvaluatedCase {
  shape: string;
  rows: number;
  operation: string;
  sql: string;
  measuredMs: number;
  /** Every timed run, to show the noise. */
  runsMs: number[];
  first: Bounds;
  /** Predicted with the previous run's calibration, when there is one. */
  second: Bounds | undefined;
  heuristic: Bounds;
  /** The costed work, so another calibration can predict the case later (`boundsWith`). */
  parts: StatementPart[];
  target: ServerIdentity | undefined;
}

/** The bounds another calibration gives for a case, exactly as an assessment would. */
export function boundsWith(item: EvaluatedCase, calibration: Calibration): Bounds {
  const dominant = item.parts[0]!;
  const prediction = predictDuration(
    { kind: "evaluation", operation: dominant.operation, table: undefined, parts: item.parts },
    { config: defaultRiskConfig, calibration, ...(item.target === undefined ? {} : { target: item.target }) },
  );
  return {
    estimateMs: prediction.estimateMs,
    lowerMs: prediction.lowerMs,
    upperMs: prediction.upperMs,
    confidence: prediction.confidence,
  };
}

const SCHEMA = '"confiture_evaluation"';
const load = () =>
  `load ${loadavg()
    .map((value) => value.toFixed(2))
    .join(" ")}`;

/**
 * Shapes the calibration never saw: another seed, and sizes outside its range (20,000 to 200,000 rows
 * and 160 MiB by default): three from 300,000 to 1,000,000 rows (at most 300 MiB), two from 2,000 to 8,000.
 */
export function heldOutShapes(seed: number, scale = 1): TableShapeSpec[] {
  return [
    ...generateShapes(seed, 3, {
      minimumRows: 300_000 * scale,
      maximumRows: 1_000_000 * scale,
      maximumBytes: 300 * 1024 ** 2 * scale,
      prefix: "large",
    }),
    ...generateShapes(seed + 1, 2, { minimumRows: 2_000, maximumRows: 8_000, maximumBytes: 50 * 1024 ** 2, prefix: "small" }),
  ];
}

async function predict(
  db: Database,
  sql: string,
  calibration: Calibration | undefined,
): Promise<{ bounds: Bounds; operation: string; parts: StatementPart[]; target: ServerIdentity | undefined }> {
  const files = [{ file: "evaluation.sql", source: sql }];
  const context = await gatherRiskContext(files, { db, skipCalibration: true });
  const report = await assessRisk({ files, ...context, history: [], ...(calibration === undefined ? {} : { calibration }) });
  const { estimateMs, lowerMs, upperMs, confidence, operation } = report.statements[0]!.downtime;
  const [described] = await describeFiles(files, context.inputs, defaultRiskConfig);
  return {
    bounds: { estimateMs, lowerMs, upperMs, confidence },
    operation,
    parts: described?.statements[0]?.parts ?? [],
    target: context.inputs.server,
  };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Calibrates (a fresh calibration), then on held-out shapes predicts every operation with it, with
 * `previous` (another fresh calibration of the same server, from the run before: how far apart two
 * calibrations' bounds are) when given, and with the heuristic, and times it `repeats` times
 * (interleaved across the shape's operations; the median is the measurement).
 */
export async function evaluateOutOfSample(
  db: Database,
  options: {
    seed: number;
    repeats: number;
    log: (message: string) => void;
    /** A quick smoke run: smaller calibration and held-out tables (the figures then mean little). */
    scale?: number;
    /** The calibration of an earlier run on the same server. */
    previous?: Calibration | undefined;
  },
): Promise<{ cases: EvaluatedCase[]; calibration: Calibration; previous?: Calibration | undefined; calibrationSeconds: number }> {
  options.log(`calibrating (${load()})`);
  const started = performance.now();
  const scale = options.scale ?? 1;
  const fresh = await calibrate(db, {
    onProgress: options.log,
    ...(scale === 1 ? {} : { shapes: 3, minimumRows: 20_000 * scale, maximumRows: 200_000 * scale }),
  });
  const calibrationSeconds = (performance.now() - started) / 1000;
  for (const [operation, model] of Object.entries(fresh.models)) {
    options.log(
      `  ${operation}: bounds x${Math.exp(model.lowerLog).toFixed(2)} to x${Math.exp(model.upperLog).toFixed(2)}, ${model.samples} runs, ${JSON.stringify(model.coefficients)}`,
    );
  }
  const calibrations = [fresh, options.previous];
  const cases: EvaluatedCase[] = [];
  await db.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  try {
    for (const shape of heldOutShapes(options.seed, options.scale ?? 1)) {
      options.log(`held-out shape ${shape.name}: ${shape.rows.toLocaleString("en-US")} rows (${load()})`);
      await createShape(db, SCHEMA, shape);
      const operations = shapeOperations(SCHEMA, shape);
      type Predicted = Awaited<ReturnType<typeof predict>>;
      const predictions: { first: Predicted; second: Predicted | undefined; heuristic: Predicted }[] = [];
      for (const operation of operations) {
        if (operation.setup !== undefined) await db.exec(operation.setup);
        const first = await predict(db, operation.sql, calibrations[0]);
        const second = calibrations[1] === undefined ? undefined : await predict(db, operation.sql, calibrations[1]);
        const heuristic = await predict(db, operation.sql, undefined);
        if (operation.setup !== undefined && operation.undo !== "") await db.exec(operation.undo);
        predictions.push({ first, second, heuristic });
      }
      const runs = operations.map(() => [] as number[]);
      for (let repeat = 0; repeat < options.repeats; repeat += 1) {
        for (const [index, operation] of operations.entries()) runs[index]!.push(await timeOperation(db, operation));
        await db.exec(`VACUUM ${SCHEMA}.t_${shape.name}`);
      }
      operations.forEach((operation, index) => {
        const predicted = predictions[index]!;
        const bounds = predicted.first.bounds;
        const measured = median(runs[index]!);
        options.log(
          `  ${predicted.first.operation}: measured ${measured.toFixed(0)} ms, predicted ${bounds.estimateMs.toFixed(0)} (${bounds.lowerMs.toFixed(0)}-${bounds.upperMs.toFixed(0)})${measured >= bounds.lowerMs && measured <= bounds.upperMs ? "" : " OUT"}, heuristic ${predicted.heuristic.bounds.estimateMs.toFixed(0)}: ${operation.sql.replaceAll(`${SCHEMA}.`, "").slice(0, 60)}`,
        );
        cases.push({
          shape: shape.name,
          rows: shape.rows,
          operation: predicted.first.operation,
          sql: operation.sql.replaceAll(`${SCHEMA}.`, ""),
          measuredMs: median(runs[index]!),
          runsMs: runs[index]!,
          first: predicted.first.bounds,
          second: predicted.second?.bounds,
          heuristic: predicted.heuristic.bounds,
          parts: predicted.first.parts,
          target: predicted.first.target,
        });
      });
      await db.exec(`DROP TABLE ${SCHEMA}.t_${shape.name}; DROP TABLE ${SCHEMA}.p_${shape.name}`);
    }
  } finally {
    await db.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
  }
  return { cases, calibration: fresh, previous: options.previous, calibrationSeconds };
}

/** Per kind of operation: coverage, median |ln(predicted/measured)|, median upper/lower, for one set of predictions. */
export function summarise(cases: readonly EvaluatedCase[], pick: (item: EvaluatedCase) => Bounds) {
  const byOperation = new Map<string, EvaluatedCase[]>();
  for (const item of cases) byOperation.set(item.operation, [...(byOperation.get(item.operation) ?? []), item]);
  return [...byOperation].map(([operation, items]) => {
    const inside = items.filter((item) => item.measuredMs >= pick(item).lowerMs && item.measuredMs <= pick(item).upperMs);
    return {
      operation,
      cases: items.length,
      coverage: inside.length / items.length,
      confidence: median(items.map((item) => pick(item).confidence)),
      medianAbsoluteLogError: median(
        items.map((item) => Math.abs(Math.log(Math.max(pick(item).estimateMs, 0.01) / Math.max(item.measuredMs, 0.01)))),
      ),
      medianBoundRatio: median(items.map((item) => pick(item).upperMs / Math.max(pick(item).lowerMs, 0.01))),
    };
  });
}

/** How far the two calibrations' bounds are apart: max of the upper and lower bound ratios, per case. */
export function stability(cases: readonly EvaluatedCase[]) {
  const ratio = (left: number, right: number) => Math.max(left, right) / Math.max(Math.min(left, right), 0.01);
  const byOperation = new Map<string, number[]>();
  for (const item of cases) {
    if (item.second === undefined) continue;
    const value = Math.max(ratio(item.first.upperMs, item.second.upperMs), ratio(item.first.lowerMs, item.second.lowerMs));
    byOperation.set(item.operation, [...(byOperation.get(item.operation) ?? []), value]);
  }
  return [...byOperation].map(([operation, values]) => ({
    operation,
    median: median(values),
    worst: Math.max(...values),
    within: values.filter((value) => value <= 1.5).length / values.length,
  }));
}
