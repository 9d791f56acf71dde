import type { Database } from "@confiture/db";
import { type Baseline, type CheckRecord, createBaseline, isStale } from "./baseline.js";
import { performanceEvents, timed } from "./events.js";
import { type ProfileOptions, type ProfileRun, profileQueries } from "./profiler.js";
import type { NamedQuery } from "./queries-file.js";
import { median } from "simple-statistics";
import type { RegressionOptions, RegressionResult } from "./regression.js";
import { summarizeSample } from "./statistics.js";
import { compareMeasurements, type VerdictOptions } from "./verdict.js";
import type { BaselineStore } from "./store.js";

export interface WorkflowOptions {
  environment: string;
  /** Written into baselines: who recorded them. */
  recordedBy: string;
  schemaVersion?: string;
  profile?: ProfileOptions;
  /** `relativeThreshold` is shared with the sample comparison; `referenceBand` and `confidence` shape the verdict. */
  regression?: RegressionOptions & VerdictOptions;
  /** Days after which a baseline is stale (30). */
  maxBaselineAgeDays?: number;
  now?: () => Date;
}

function publishRunQuality(run: ProfileRun): void {
  // Not durations: the SLO monitor reads these as values (percent, a ratio, and a 0..1 accuracy).
  performanceEvents.emit("timing", { operation: "profiling_overhead", durationMs: run.metadata.overheadPercent });
  performanceEvents.emit("timing", { operation: "profiling_cost_ratio", durationMs: run.metadata.costRatio });
  performanceEvents.emit("timing", { operation: "profiling_accuracy", durationMs: run.metadata.confidence });
}

/** Profiles the queries and stores a baseline for each one profiled. */
export async function recordBaselines(
  database: Database,
  queries: readonly NamedQuery[],
  store: BaselineStore,
  options: WorkflowOptions,
): Promise<{ run: ProfileRun; baselines: Baseline[] }> {
  const run = await profileQueries(database, queries, options.profile);
  publishRunQuality(run);
  const baselines: Baseline[] = [];
  for (const profile of run.queries) {
    if (profile.status !== "profiled" || profile.samples.length === 0) continue;
    const baseline = createBaseline({
      queryId: profile.queryId,
      environment: options.environment,
      samples: profile.samples,
      recordedBy: options.recordedBy,
      ...(options.schemaVersion === undefined ? {} : { schemaVersion: options.schemaVersion }),
      now: options.now?.() ?? new Date(),
      referenceSamples: profile.referenceSamples,
      sharedBlocks: profile.sharedBlocks,
      rows: profile.rows,
      planSignature: profile.planSignature,
      accessPaths: profile.accessPaths,
    });
    await store.saveBaseline(baseline);
    baselines.push(baseline);
  }
  return { run, baselines };
}

export interface CheckOutcome {
  run: ProfileRun;
  results: RegressionResult[];
  /** Queries profiled without a baseline to compare with. */
  missingBaselines: string[];
  /** Queries whose baseline is older than the limit (still compared, but say so). */
  staleBaselines: string[];
  /** The worst severity among the results. */
  worst: RegressionResult["severity"];
}

const rank = { ok: 0, info: 1, inconclusive: 2, warning: 3, error: 4 } as const;

/** Compares one profiled query with its baseline; a baseline from before server-side measurement cannot be. */
function judge(baseline: Baseline, profile: ProfileRun["queries"][number], options: WorkflowOptions): RegressionResult {
  const candidate = summarizeSample(profile.samples);
  const common = {
    queryId: profile.queryId,
    baselineMeanMs: baseline.mean,
    candidateMeanMs: candidate.mean,
    baselineMedianMs: median(baseline.samples),
    candidateMedianMs: median(profile.samples),
    candidate,
  };
  if (baseline.referenceSamples === undefined || baseline.referenceSamples.length === 0) {
    return {
      ...common,
      severity: "inconclusive",
      improvement: false,
      relativeChange: 0,
      reason: "the baseline was recorded by an older Confiture (client round trips, no reference workload): record it again",
    };
  }
  const comparison = compareMeasurements(baseline as Baseline & { referenceSamples: number[] }, profile, options.regression);
  return {
    ...common,
    severity: comparison.verdict,
    improvement: comparison.improvement,
    relativeChange: comparison.factor - 1,
    reason: comparison.reason,
    factor: comparison.factor,
    factorInterval: comparison.factorInterval,
    referenceDrift: comparison.referenceDrift,
    blocksRatio: comparison.blocksRatio,
    planChanged: comparison.planChanged,
  };
}

/** Profiles the queries again, compares each with its baseline, and keeps every check in the history. */
export async function checkForRegressions(
  database: Database,
  queries: readonly NamedQuery[],
  store: BaselineStore,
  options: WorkflowOptions,
): Promise<CheckOutcome> {
  const run = await profileQueries(database, queries, options.profile);
  publishRunQuality(run);
  const now = options.now?.() ?? new Date();
  const results: RegressionResult[] = [];
  const missingBaselines: string[] = [];
  const staleBaselines: string[] = [];
  const records: CheckRecord[] = [];
  for (const profile of run.queries) {
    if (profile.status !== "profiled" || profile.samples.length === 0) continue;
    const baseline = await timed("baseline_lookup", () => store.getBaseline(profile.queryId, options.environment));
    if (!baseline) {
      missingBaselines.push(profile.queryId);
      continue;
    }
    if (isStale(baseline, now, options.maxBaselineAgeDays)) staleBaselines.push(profile.queryId);
    const started = performance.now();
    const result = judge(baseline, profile, options);
    performanceEvents.emit("timing", { operation: "regression_check", durationMs: performance.now() - started });
    results.push(result);
    records.push({
      queryId: result.queryId,
      environment: options.environment,
      checkedAt: now.toISOString(),
      meanMs: result.candidateMeanMs,
      baselineMeanMs: result.baselineMeanMs,
      relativeChange: result.relativeChange,
      severity: result.severity,
      improvement: result.improvement,
      ...(result.factor === undefined ? {} : { factor: result.factor }),
      ...(result.factorInterval === undefined ? {} : { factorInterval: result.factorInterval }),
    });
  }
  await store.appendChecks(records);
  const worst = results.reduce<RegressionResult["severity"]>(
    (current, result) => (rank[result.severity] > rank[current] ? result.severity : current),
    "ok",
  );
  return { run, results, missingBaselines, staleBaselines, worst };
}
