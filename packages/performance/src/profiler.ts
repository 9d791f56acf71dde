import type { Database, Queryable } from "@confiture/db";
import { z } from "zod";
import { PerformanceError } from "./errors.js";
import { type PlanFacts, parseExplain } from "./explain.js";
import { median } from "simple-statistics";
import type { NamedQuery } from "./queries-file.js";
import { measureOnce, type ServerMeasurement } from "./measure.js";
import { type AccessPath, accessPaths, planSignature } from "./plan-shape.js";
import { summarizeSample, type SampleSummary } from "./statistics.js";

export const profileOptionsSchema = z.object({
  /** Untimed runs first, so caches and plans are warm. */
  warmupRuns: z.number().int().nonnegative().default(3),
  /** Timed rounds (query and reference each once). 30 is chosen from `pnpm eval`; see the README. */
  timedRuns: z.number().int().min(2).default(30),
  /** Allow data-changing queries; each run then happens in a transaction that is rolled back. */
  allowWrites: z.boolean().default(false),
  /** Share of timed runs whose duration is recorded (1 = every run: deterministic). */
  sampleRate: z.number().gt(0).max(1).default(1),
  /** Keep the facts of the plan (scans, sorts, estimates) of the last timed run. */
  capturePlan: z.boolean().default(true),
  /**
   * The reference workload run next to every timed run, in the same session: pure server CPU work
   * that touches no table, so its time moves only with the machine. Verdicts compare the query's
   * time relative to it, which cancels a machine that got busier or quieter between two checks.
   */
  referenceSql: z.string().min(1).default("SELECT sum(g::bigint * g) FROM generate_series(1, 20000) AS g"),
  largeTableRows: z.number().int().positive().default(10_000),
});
export type ProfileOptions = z.input<typeof profileOptionsSchema> & {
  /**
   * Says why a query must not run at all (its effects would survive the rollback: setval, dblink...);
   * `undefined` lets it through. The CLI passes @confiture/sql's escape detector.
   */
  refuse?: (sql: string) => Promise<string | undefined>;
};

export interface QueryProfile {
  queryId: string;
  source: string;
  status: "profiled" | "refused" | "failed";
  reason?: string;
  writes: boolean;
  /** Server execution times of the timed runs (EXPLAIN ANALYZE), in ms. */
  samples: number[];
  /** The reference workload's execution times, one per timed run, measured beside them. */
  referenceSamples: number[];
  summary?: SampleSummary;
  plan?: PlanFacts;
  /** Median shared buffers (hit + read) and rows per run: work that does not drift with the machine. */
  sharedBlocks?: number;
  rows?: number;
  planSignature?: string;
  accessPaths?: AccessPath[];
}

/** How trustworthy the run's figures are, and what measuring them cost. */
export interface ProfileMetadata {
  startedAt: string;
  /** Wall time of the whole profile call: classification, warm-up, timed runs, reference runs, transactions. */
  wallMs: number;
  /** The server's execution time of the profiled queries (warm-up and timed runs). */
  queryMs: number;
  /** The server's execution time of the reference workload. */
  referenceMs: number;
  /** The honest end-to-end cost: wallMs / queryMs (3 means profiling took three times the queries' own work). */
  costRatio: number;
  /** Client-side bookkeeping in the loops (timers, arrays, JSON of plans): wall time outside the round trips. */
  overheadMs: number;
  /** overheadMs as a percentage of wallMs: the share of the cost that is this code rather than the server. */
  overheadPercent: number;
  /** Kept for compatibility: plans come from the timed runs themselves now, so 0. */
  planCaptureMs: number;
  sampleRate: number;
  deterministic: boolean;
  /**
   * 1 minus the mean relative half-width of the 95% confidence intervals of the query means
   * (0.9: means known to ±10%), floored at 0. More timed runs raise it.
   */
  confidence: number;
}

export interface ProfileRun {
  queries: QueryProfile[];
  metadata: ProfileMetadata;
}

/** A deterministic pseudo-random sequence (mulberry32), so sampled runs can be reproduced. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

async function explainJson(connection: Queryable, sql: string, analyze: boolean): Promise<unknown> {
  const options = analyze ? "ANALYZE, BUFFERS, FORMAT JSON" : "FORMAT JSON";
  const result = await connection.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (${options}) ${sql}`);
  return result.rows[0]?.["QUERY PLAN"];
}

/** The plan says whether the query changes data or locks rows: the database judges, not a guess from its text. */
async function classify(connection: Queryable, query: NamedQuery): Promise<{ writes: boolean } | { error: string }> {
  try {
    await connection.exec("BEGIN READ ONLY");
    const plan = JSON.stringify(await explainJson(connection, query.sql, false));
    return { writes: plan.includes('"ModifyTable"') || plan.includes('"LockRows"') };
  } catch (error) {
    return {
      error: `cannot be profiled: ${(error as Error).message} (only SELECT, INSERT, UPDATE, DELETE, MERGE and VALUES can be)`,
    };
  } finally {
    await connection.exec("ROLLBACK");
  }
}

/**
 * Profiles queries on one dedicated connection: warm-up, then timed runs. Reads run in one
 * READ ONLY transaction (so even a function with side effects cannot write); writes, when allowed,
 * run each in its own transaction that is rolled back, so no effect is ever kept.
 */
export async function profileQueries(
  database: Database,
  queries: readonly NamedQuery[],
  options: ProfileOptions = {},
): Promise<ProfileRun> {
  const settings = profileOptionsSchema.parse(options);
  const random = seededRandom(queries.length * 7919 + settings.timedRuns);
  const startedAt = new Date().toISOString();
  const callStarted = performance.now();
  let overheadMs = 0;
  let queryMs = 0;
  let referenceMs = 0;
  const profiles: QueryProfile[] = [];

  await database.withConnection(async (connection) => {
    for (const query of queries) {
      const refusal = await options.refuse?.(query.sql);
      if (refusal !== undefined) {
        profiles.push({
          queryId: query.id,
          source: query.source,
          status: "refused",
          reason: refusal,
          writes: true,
          samples: [],
          referenceSamples: [],
        });
        continue;
      }
      const verdict = await classify(connection, query);
      if ("error" in verdict) {
        profiles.push({
          queryId: query.id,
          source: query.source,
          status: "refused",
          reason: verdict.error,
          writes: false,
          samples: [],
          referenceSamples: [],
        });
        continue;
      }
      if (verdict.writes && !settings.allowWrites) {
        profiles.push({
          queryId: query.id,
          source: query.source,
          status: "refused",
          reason: "changes data or locks rows; pass --allow-writes to profile it in transactions that are rolled back",
          writes: true,
          samples: [],
          referenceSamples: [],
        });
        continue;
      }
      const samples: number[] = [];
      const referenceSamples: number[] = [];
      const blocks: number[] = [];
      const rows: number[] = [];
      let last: ServerMeasurement | undefined;
      const loopStart = performance.now();
      let roundTrips = 0;
      const measureQuery = async () => {
        if (verdict.writes) await connection.exec("BEGIN");
        try {
          return await measureOnce(connection, query.sql);
        } finally {
          if (verdict.writes) await connection.exec("ROLLBACK");
        }
      };
      try {
        if (!verdict.writes) await connection.exec("BEGIN READ ONLY");
        for (let run = 0; run < settings.warmupRuns + settings.timedRuns; run += 1) {
          // Alternate the order so neither side always runs on a cache the other just warmed.
          const queryFirst = run % 2 === 0;
          const first = queryFirst ? await measureQuery() : await measureOnce(connection, settings.referenceSql);
          const second = queryFirst ? await measureOnce(connection, settings.referenceSql) : await measureQuery();
          const [measured, reference] = queryFirst ? [first, second] : [second, first];
          roundTrips += measured.roundTripMs + reference.roundTripMs;
          queryMs += measured.executionMs;
          referenceMs += reference.executionMs;
          const timed = run >= settings.warmupRuns;
          if (timed && (settings.sampleRate === 1 || random() < settings.sampleRate)) {
            samples.push(measured.executionMs);
            referenceSamples.push(reference.executionMs);
            blocks.push(measured.sharedBlocks);
            rows.push(measured.rows);
            last = measured;
          }
        }
        if (!verdict.writes) await connection.exec("ROLLBACK");
      } catch (error) {
        await connection.exec("ROLLBACK").catch(() => undefined);
        profiles.push({
          queryId: query.id,
          source: query.source,
          status: "failed",
          reason: (error as Error).message,
          writes: verdict.writes,
          samples,
          referenceSamples,
        });
        continue;
      }
      overheadMs += performance.now() - loopStart - roundTrips;
      const plan =
        settings.capturePlan && last
          ? parseExplain([{ Plan: last.plan, "Execution Time": last.executionMs }], {
              largeTableRows: settings.largeTableRows,
            })
          : undefined;
      profiles.push({
        queryId: query.id,
        source: query.source,
        status: "profiled",
        writes: verdict.writes,
        samples,
        referenceSamples,
        ...(samples.length > 0 ? { summary: summarizeSample(samples), sharedBlocks: median(blocks), rows: median(rows) } : {}),
        ...(plan ? { plan } : {}),
        ...(last ? { planSignature: planSignature(last.plan), accessPaths: accessPaths(last.plan) } : {}),
      });
    }
  });

  const widths = profiles
    .filter((profile) => profile.summary && profile.summary.mean > 0)
    .map((profile) => {
      const summary = profile.summary as SampleSummary;
      return (summary.confidenceInterval[1] - summary.mean) / summary.mean;
    });
  const meanWidth = widths.length === 0 ? 1 : widths.reduce((total, width) => total + width, 0) / widths.length;
  const wallMs = performance.now() - callStarted;
  return {
    queries: profiles,
    metadata: {
      startedAt,
      wallMs,
      queryMs,
      referenceMs,
      costRatio: queryMs > 0 ? wallMs / queryMs : 0,
      overheadMs,
      overheadPercent: wallMs > 0 ? (overheadMs / wallMs) * 100 : 0,
      planCaptureMs: 0,
      sampleRate: settings.sampleRate,
      deterministic: settings.sampleRate === 1,
      confidence: Math.max(0, 1 - meanWidth),
    },
  };
}

/** Refuses an empty profile run with a message that says what to do. */
export function assertProfiled(run: ProfileRun): void {
  if (!run.queries.some((query) => query.status === "profiled")) {
    const reasons = run.queries.map((query) => `${query.queryId}: ${query.reason ?? query.status}`).join("; ");
    throw new PerformanceError("CONFITURE_PROFILE_NOT_PROFILABLE", `No query could be profiled (${reasons}).`);
  }
}
