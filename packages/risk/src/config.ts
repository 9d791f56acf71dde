import { z } from "zod";
import { RiskConfigError } from "./errors.js";

const MEBIBYTE = 1024 ** 2;
const TEBIBYTE = 1024 ** 4;

/** Risk levels, lowest first. */
export const RISK_LEVELS = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
/** A risk level. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Kinds of operation the downtime predictor tells apart; each has its own throughput. */
export const OPERATION_CLASSES = [
  "catalog",
  "rewrite",
  "validate",
  "validate_foreign_key",
  "index_build",
  "concurrent_index_build",
] as const;
/** A kind of operation, as the downtime predictor sees it. */
export type OperationClass = (typeof OPERATION_CLASSES)[number];

const probability = z.number().min(0).max(1);
const positive = z.number().positive();

const throughputSchema = z.strictObject({
  /**
   * What the duration grows with: the heap's bytes (scans), the bytes of heap, TOAST and indexes
   * (rewrites, which rebuild every index), or estimated rows (index builds, foreign key checks).
   * Catalog changes ignore it.
   */
  unit: z.enum(["table_bytes", "total_bytes", "rows"]),
  /** Units processed per second. */
  perSecond: positive,
  /** Fixed cost of the statement whatever the size (catalog work, planning, commit). */
  fixedMs: z.number().min(0),
  /**
   * Rewrites only: index bytes rebuilt per second. When set, a rewrite costs its heap bytes at
   * `perSecond` plus its index bytes at this rate (calibration measures both), since rebuilding an
   * index (a sort) costs more per byte than copying rows.
   */
  indexBytesPerSecond: positive.optional(),
});

/**
 * Default throughputs of the heuristic method: a modest server (a few vCPUs, network storage, the
 * table mostly in cache). Deliberately not tuned on any one machine; `confiture calibrate` replaces them.
 */
const defaultThroughput = {
  catalog: { unit: "table_bytes", perSecond: 1, fixedMs: 5 },
  rewrite: { unit: "total_bytes", perSecond: 40 * MEBIBYTE, fixedMs: 20 },
  validate: { unit: "table_bytes", perSecond: 200 * MEBIBYTE, fixedMs: 5 },
  validate_foreign_key: { unit: "rows", perSecond: 500_000, fixedMs: 10 },
  index_build: { unit: "rows", perSecond: 1_000_000, fixedMs: 20 },
  concurrent_index_build: { unit: "rows", perSecond: 400_000, fixedMs: 100 },
} as const;

const bandSchema = z.strictObject({
  /** Bounds are estimate / factor and estimate * factor ... */
  factor: z.number().min(1),
  /** ... widened by this many milliseconds, because short statements are dominated by jitter. */
  slackMs: z.number().min(0),
  /** How likely the true duration is to fall inside the bounds, as far as the method knows. */
  confidence: probability,
});

/**
 * Every number of the formula and the predictor, with its documented default (packages/risk/README.md).
 * Parse a partial object with `parseRiskConfig` to get the defaults filled in.
 */
export const riskConfigSchema = z
  .strictObject({
    weights: z
      .strictObject({
        dataVolume: probability.default(0.25),
        lockTime: probability.default(0.35),
        dependencies: probability.default(0.15),
        anomalies: probability.default(0.15),
        concurrentLoad: probability.default(0.1),
      })
      .prefault({}),
    /** Lower edges of the levels: score < medium is LOW, < high MEDIUM, < critical HIGH, else CRITICAL. */
    levels: z
      .strictObject({ medium: probability.default(0.25), high: probability.default(0.5), critical: probability.default(0.75) })
      .prefault({}),
    curves: z
      .strictObject({
        /** Log scale: `lowBytes` scores 0, `highBytes` scores 1. */
        dataVolume: z.strictObject({ lowBytes: positive.default(MEBIBYTE), highBytes: positive.default(TEBIBYTE) }).prefault({}),
        /** Log scale on the time write-blocking locks are held. */
        lockTime: z.strictObject({ lowMs: positive.default(100), highMs: positive.default(10_000) }).prefault({}),
        /** Linear: 0 dependent objects scores 0, `high` or more scores 1. */
        dependencies: z.strictObject({ high: positive.default(10) }).prefault({}),
        /** The factor is the MAXIMUM of these values over the findings. */
        anomalies: z
          .strictObject({
            info: probability.default(0.1),
            warning: probability.default(0.4),
            error: probability.default(0.8),
            critical: probability.default(1),
          })
          .prefault({}),
        /** Linear on connections / max_connections: `low` scores 0, `high` scores 1. */
        concurrentLoad: z.strictObject({ low: probability.default(0.1), high: probability.default(0.9) }).prefault({}),
      })
      .prefault({}),
    /** Heuristic throughputs, per kind of operation. */
    throughput: z
      .strictObject(
        Object.fromEntries(OPERATION_CLASSES.map((name) => [name, throughputSchema.default({ ...defaultThroughput[name] })])) as {
          [K in OperationClass]: z.ZodDefault<typeof throughputSchema>;
        },
      )
      .prefault({}),
    bands: z
      .strictObject({
        heuristic: bandSchema.default({ factor: 4, slackMs: 10, confidence: 0.5 }),
        calibrated: bandSchema
          .extend({
            /** The calibrated factor is at least exp(spreadMultiplier * the calibration's log-scale scatter). */
            spreadMultiplier: z.number().min(0).default(2),
          })
          .default({ factor: 2, slackMs: 10, confidence: 0.85, spreadMultiplier: 2 }),
        /** Historical bounds come from the t distribution; this is its two-sided level. */
        historicalLevel: probability.default(0.9),
        /** Minimum history samples (same kind, similar size) before the historical method is used. */
        historicalMinimumSamples: z.number().int().min(2).default(3),
        /** History rows count as similar when their size is within this factor of the table's. */
        historicalSizeFactor: z.number().min(1).default(10),
      })
      .prefault({}),
    /** What to assume when neither a database nor a statistics snapshot says. */
    assumptions: z
      .strictObject({
        tableBytes: z
          .number()
          .min(0)
          .default(128 * MEBIBYTE),
        indexBytes: z
          .number()
          .min(0)
          .default(32 * MEBIBYTE),
        rowEstimate: z.number().min(0).default(1_000_000),
        dependencies: z.number().min(0).default(2),
        /** connections / max_connections. */
        connectionUsage: probability.default(0.3),
        /** Per-table overrides, keyed `schema.name` (or `name` for public). */
        tables: z
          .record(
            z.string(),
            z.strictObject({
              tableBytes: z.number().min(0),
              indexBytes: z.number().min(0).default(0),
              rowEstimate: z.number().min(0),
            }),
          )
          .default({}),
      })
      .prefault({}),
    /** `confiture risk` and `confiture preflight` exit 1 when the level exceeds this one. */
    maxLevel: z.enum(RISK_LEVELS).default("MEDIUM"),
  })
  .superRefine((config, context) => {
    const total = Object.values(config.weights).reduce((sum, weight) => sum + weight, 0);
    if (Math.abs(total - 1) > 1e-9) {
      context.addIssue({ code: "custom", path: ["weights"], message: `weights must add up to 1 (they add up to ${total})` });
    }
    const { medium, high, critical } = config.levels;
    if (!(medium < high && high < critical)) {
      context.addIssue({ code: "custom", path: ["levels"], message: "levels must rise: medium < high < critical" });
    }
  });

/** The risk configuration with every default filled in. */
export type RiskConfig = z.output<typeof riskConfigSchema>;
/** What users write: every key optional. */
export type RiskConfigInput = z.input<typeof riskConfigSchema>;
/** One kind of operation's throughput. */
export type Throughput = z.output<typeof throughputSchema>;

/** Validates a (partial) risk configuration and fills in the defaults; errors name the key path. */
export function parseRiskConfig(input: unknown = {}): RiskConfig {
  const result = riskConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `risk.${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new RiskConfigError(`invalid risk configuration:\n  ${issues.join("\n  ")}`, { cause: result.error });
}

/** The default configuration, as documented. */
export const defaultRiskConfig: RiskConfig = parseRiskConfig({});
