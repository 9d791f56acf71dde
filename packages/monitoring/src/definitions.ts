import { z } from "zod";

/** Environments with their own objectives. */
export const environmentSchema = z.enum(["local", "staging", "production"]);
export type Environment = z.infer<typeof environmentSchema>;

/**
 * An objective on one operation. `latency`: the given percentile of its durations stays at or under
 * `thresholdMs`, which also means at least that share of samples is within the threshold.
 * `maximum` / `minimum`: every observed value (a percentage, an accuracy) stays under / over `threshold`.
 */
export const objectiveSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("latency"),
    percentile: z.number().gt(0).lt(100),
    thresholdMs: z.number().positive(),
  }),
  z.strictObject({ type: z.literal("maximum"), threshold: z.number(), unit: z.string().default("") }),
  z.strictObject({ type: z.literal("minimum"), threshold: z.number(), unit: z.string().default("") }),
]);
export type Objective = z.infer<typeof objectiveSchema>;

export const sloDefinitionSchema = z.strictObject({
  operation: z.string().min(1),
  description: z.string().default(""),
  objectives: z.array(objectiveSchema).min(1),
});
export type SloDefinition = z.infer<typeof sloDefinitionSchema>;

/** Human label of an objective, also its Prometheus `objective` label: `p99 <= 50 ms`, `<= 5 %`. */
export function objectiveLabel(objective: Objective): string {
  if (objective.type === "latency") return `p${objective.percentile} <= ${objective.thresholdMs} ms`;
  const unit = objective.unit ? ` ${objective.unit}` : "";
  return objective.type === "maximum" ? `<= ${objective.threshold}${unit}` : `>= ${objective.threshold}${unit}`;
}

/**
 * One environment's configured objectives. Two objectives with the same operation and label would
 * export the same Prometheus series twice, which a Prometheus server rejects (the whole scrape
 * fails): such a config is refused with the place of the second one.
 */
const environmentObjectivesSchema = z.array(sloDefinitionSchema).superRefine((definitions, context) => {
  const seen = new Map<string, string>();
  definitions.forEach((definition, definitionIndex) => {
    definition.objectives.forEach((objective, objectiveIndex) => {
      const key = `${definition.operation}\u0000${objectiveLabel(objective)}`;
      const first = seen.get(key);
      if (first !== undefined) {
        context.addIssue({
          code: "custom",
          path: [definitionIndex, "objectives", objectiveIndex],
          message: `duplicate objective "${definition.operation} ${objectiveLabel(objective)}" (first at ${first}): it would export the same Prometheus series twice`,
        });
      } else seen.set(key, `[${definitionIndex}].objectives[${objectiveIndex}]`);
    });
  });
});

/** The SLO section of `confiture.config.*`: per environment, a list that replaces or extends the defaults. */
export const sloConfigSchema = z.strictObject({
  /** The environment this machine's commands run in (overridden by `CONFITURE_ENV`, then by `--env`). */
  environment: environmentSchema.default("local"),
  /** Objectives by environment; an operation named here replaces the default objectives of that operation. */
  objectives: z.partialRecord(environmentSchema, environmentObjectivesSchema).default({}),
  /** Most samples kept (oldest dropped first). */
  maxStoredSamples: z.number().int().positive().default(50_000),
  /**
   * A database to keep the samples in (table `confiture.metrics`), so a team's runs from every machine
   * and CI job share one history. Without it they go to `.confiture/metrics.jsonl`.
   */
  databaseUrl: z.string().min(1).optional(),
});
export type SloConfig = z.infer<typeof sloConfigSchema>;

const latency = (percentile: number, thresholdMs: number): Objective => ({ type: "latency", percentile, thresholdMs });

/** The original design's production objectives. */
export const productionObjectives: SloDefinition[] = [
  { operation: "hook_execution", description: "One hook's execution", objectives: [latency(99, 50), latency(95, 30)] },
  { operation: "risk_assessment", description: "A risk assessment", objectives: [latency(99, 5000), latency(95, 2000)] },
  {
    operation: "profiling_overhead",
    description: "Profiler time as a share of query time, in percent",
    objectives: [{ type: "maximum", threshold: 5, unit: "%" }],
  },
  {
    operation: "profiling_accuracy",
    description: "Profiler accuracy (0..1)",
    objectives: [{ type: "minimum", threshold: 0.8, unit: "" }],
  },
  { operation: "rule_composition", description: "Composing rule libraries", objectives: [latency(99, 100)] },
  { operation: "rule_conflict_detection", description: "Detecting rule conflicts", objectives: [latency(99, 50)] },
  { operation: "baseline_lookup", description: "Looking up a performance baseline", objectives: [latency(99, 10)] },
  { operation: "regression_check", description: "One regression check", objectives: [latency(99, 20)] },
];

/**
 * Staging and local machines are slower and noisier than production hardware, so their latency
 * thresholds are relaxed by these factors. Value objectives (overhead, accuracy) do not change.
 */
export const environmentLatencyFactor: Record<Environment, number> = { production: 1, staging: 1.5, local: 2 };

function scaled(definition: SloDefinition, factor: number): SloDefinition {
  return {
    ...definition,
    objectives: definition.objectives.map((objective) =>
      objective.type === "latency" ? { ...objective, thresholdMs: objective.thresholdMs * factor } : objective,
    ),
  };
}

/** The objectives in force for an environment: the defaults, scaled, with the configured ones replacing by operation. */
export function objectivesFor(environment: Environment, config?: Partial<SloConfig>): SloDefinition[] {
  const defaults = productionObjectives.map((definition) => scaled(definition, environmentLatencyFactor[environment]));
  const configured = (config?.objectives?.[environment] ?? []).map((definition) => sloDefinitionSchema.parse(definition));
  const replaced = new Set(configured.map((definition) => definition.operation));
  return [...defaults.filter((definition) => !replaced.has(definition.operation)), ...configured];
}
