import { z } from "zod";
import type { AccessPath } from "./plan-shape.js";
import { type SampleSummary, summarizeSample } from "./statistics.js";

export const baselineSchema = z.object({
  queryId: z.string(),
  environment: z.string(),
  samples: z.array(z.number()),
  mean: z.number(),
  standardDeviation: z.number(),
  confidenceInterval: z.tuple([z.number(), z.number()]),
  predictionBand: z.tuple([z.number(), z.number()]),
  recordedAt: z.string(),
  /** Which version of Confiture (and of the schema: the last applied migration, when known) recorded it. */
  recordedBy: z.string(),
  schemaVersion: z.string().optional(),
  /**
   * Since server-side measurement: the reference workload's times beside `samples` (which are then
   * server execution times), the work done and the plan's shape. Baselines without them were
   * client round trips and cannot be compared: record them again.
   */
  referenceSamples: z.array(z.number()).optional(),
  sharedBlocks: z.number().optional(),
  rows: z.number().optional(),
  planSignature: z.string().optional(),
  accessPaths: z
    .array(z.object({ relation: z.string(), method: z.enum(["sequential", "index", "other"]), index: z.string().optional() }))
    .optional(),
});
export type Baseline = z.infer<typeof baselineSchema>;

export const checkRecordSchema = z.object({
  queryId: z.string(),
  environment: z.string(),
  checkedAt: z.string(),
  meanMs: z.number(),
  baselineMeanMs: z.number(),
  relativeChange: z.number(),
  severity: z.enum(["ok", "info", "warning", "error", "inconclusive"]),
  improvement: z.boolean(),
  /** Slowdown factor relative to the reference workload, and its 95% interval. */
  factor: z.number().optional(),
  factorInterval: z.tuple([z.number(), z.number()]).optional(),
});
export type CheckRecord = z.infer<typeof checkRecordSchema>;

/** Builds a baseline from the samples of a profile run. */
export function createBaseline(input: {
  queryId: string;
  environment: string;
  samples: number[];
  recordedBy: string;
  schemaVersion?: string;
  now?: Date;
  referenceSamples?: number[];
  sharedBlocks?: number | undefined;
  rows?: number | undefined;
  planSignature?: string | undefined;
  accessPaths?: AccessPath[] | undefined;
}): Baseline {
  const summary: SampleSummary = summarizeSample(input.samples);
  return {
    queryId: input.queryId,
    environment: input.environment,
    samples: input.samples,
    mean: summary.mean,
    standardDeviation: summary.standardDeviation,
    confidenceInterval: summary.confidenceInterval,
    predictionBand: summary.predictionBand,
    recordedAt: (input.now ?? new Date()).toISOString(),
    recordedBy: input.recordedBy,
    ...(input.schemaVersion === undefined ? {} : { schemaVersion: input.schemaVersion }),
    ...(input.referenceSamples === undefined ? {} : { referenceSamples: input.referenceSamples }),
    ...(input.sharedBlocks === undefined ? {} : { sharedBlocks: input.sharedBlocks }),
    ...(input.rows === undefined ? {} : { rows: input.rows }),
    ...(input.planSignature === undefined ? {} : { planSignature: input.planSignature }),
    ...(input.accessPaths === undefined ? {} : { accessPaths: input.accessPaths }),
  };
}

/** A baseline older than `maxAgeDays` (30 by default) no longer describes the system: re-record it. */
export function isStale(baseline: Baseline, now = new Date(), maxAgeDays = 30): boolean {
  return now.getTime() - new Date(baseline.recordedAt).getTime() > maxAgeDays * 24 * 60 * 60 * 1000;
}
