import { z } from "zod";
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
});
export type Baseline = z.infer<typeof baselineSchema>;

export const checkRecordSchema = z.object({
  queryId: z.string(),
  environment: z.string(),
  checkedAt: z.string(),
  meanMs: z.number(),
  baselineMeanMs: z.number(),
  relativeChange: z.number(),
  severity: z.enum(["ok", "info", "warning", "error"]),
  improvement: z.boolean(),
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
  };
}

/** A baseline older than `maxAgeDays` (30 by default) no longer describes the system: re-record it. */
export function isStale(baseline: Baseline, now = new Date(), maxAgeDays = 30): boolean {
  return now.getTime() - new Date(baseline.recordedAt).getTime() > maxAgeDays * 24 * 60 * 60 * 1000;
}
