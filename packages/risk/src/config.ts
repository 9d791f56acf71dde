import { z } from "zod";
import { FEATURES, OPERATION_CLASSES, type OperationClass } from "./cost-model.js";
import { RiskConfigError } from "./errors.js";

export { OPERATION_CLASSES, type OperationClass };

const MEBIBYTE = 1024 ** 2;
const TEBIBYTE = 1024 ** 4;

/** Risk levels, lowest first. */
export const RISK_LEVELS = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
/** A risk level. */
export type RiskLevel = (typeof RISK_LEVELS)[number];

const probability = z.number().min(0).max(1);
const positive = z.number().positive();

/**
 * Default coefficients of the heuristic method (milliseconds per unit of each feature of the cost
 * model, see cost-model.ts): rounded from one calibration of a 2-vCPU virtual machine with PostgreSQL
 * 15, so a server of that class. `confiture calibrate` measures yours.
 */
const defaultCoefficients: Record<OperationClass, Record<string, number>> = {
  catalog: { fixed: 5 },
  rewrite: { fixed: 20, heapBytes: 2.4e-5, toastBytes: 3e-5, indexBuild: 1 },
  validate: { fixed: 5, heapBytes: 5e-6, rows: 1e-4 },
  validate_foreign_key: { fixed: 10, heapBytes: 5e-6, rows: 2e-4, parentRows: 5e-4, parentBytes: 0 },
  index_build: { fixed: 20, heapBytes: 5e-6, sort: 6.5e-5, collatedSort: 6.4e-5, keyBytes: 3e-5, invertedBytes: 1e-4 },
  concurrent_index_build: { fixed: 100, heapBytes: 5e-6, indexBuild: 1.2 },
  dml: { fixed: 5, rows: 2e-3, rowBytes: 1e-5, indexEntries: 3e-3, toastBytes: 2e-5 },
};

/** One kind of operation's coefficients: given ones override the defaults, feature by feature. */
const coefficientsFor = (name: OperationClass) =>
  z
    .record(z.string(), z.number().min(0))
    .optional()
    .refine((given) => Object.keys(given ?? {}).every((key) => (FEATURES[name] as readonly string[]).includes(key)), {
      message: `unknown feature (known: ${FEATURES[name].join(", ")})`,
    })
    .transform((given): Record<string, number> => ({ ...defaultCoefficients[name], ...given }));

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
    /** Heuristic cost model coefficients per kind of operation (milliseconds per unit of each feature); partial objects merge with the defaults. */
    heuristic: z
      .strictObject({
        catalog: coefficientsFor("catalog"),
        rewrite: coefficientsFor("rewrite"),
        validate: coefficientsFor("validate"),
        validate_foreign_key: coefficientsFor("validate_foreign_key"),
        index_build: coefficientsFor("index_build"),
        concurrent_index_build: coefficientsFor("concurrent_index_build"),
        dml: coefficientsFor("dml"),
      })
      .prefault({}),
    bands: z
      .strictObject({
        heuristic: bandSchema.default({ factor: 4, slackMs: 10, confidence: 0.5 }),
        /**
         * Calibrated bounds are the calibration's own cross-validated residual quantiles at `level`
         * (the stated confidence), at least `minimumFactor` either way, plus `slackMs` above.
         */
        calibrated: z
          .strictObject({
            level: probability.default(0.9),
            minimumFactor: z.number().min(1).default(1.25),
            slackMs: z.number().min(0).default(10),
          })
          .prefault({}),
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
              toastBytes: z.number().min(0).default(0),
              rowEstimate: z.number().min(0),
            }),
          )
          .default({}),
      })
      .prefault({}),
    /**
     * A migration that blocks reads or writes of a table other sessions use for longer than `blockMs`
     * (predicted) is at least `level`, whatever its score; one that blocks nothing is LOW.
     */
    budget: z.strictObject({ blockMs: positive.default(2000), level: z.enum(RISK_LEVELS).default("HIGH") }).prefault({}),
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

/** Validates a (partial) risk configuration and fills in the defaults; errors name the key path. */
export function parseRiskConfig(input: unknown = {}): RiskConfig {
  const result = riskConfigSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `risk.${issue.path.join(".") || "(root)"}: ${issue.message}`);
  throw new RiskConfigError(`invalid risk configuration:\n  ${issues.join("\n  ")}`, { cause: result.error });
}

/** The default configuration, as documented. */
export const defaultRiskConfig: RiskConfig = parseRiskConfig({});
