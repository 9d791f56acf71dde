import type { Database, Queryable } from "@confiture/db";
import { z } from "zod";
import { PerformanceError } from "./errors.js";
import { type PlanFacts, parseExplain } from "./explain.js";
import type { NamedQuery } from "./queries-file.js";
import { summarizeSample, type SampleSummary } from "./statistics.js";

export const profileOptionsSchema = z.object({
  /** Untimed runs first, so caches and plans are warm. */
  warmupRuns: z.number().int().nonnegative().default(3),
  timedRuns: z.number().int().min(2).default(30),
  /** Allow data-changing queries; each run then happens in a transaction that is rolled back. */
  allowWrites: z.boolean().default(false),
  /** Share of timed runs whose duration is recorded (1 = every run: deterministic). */
  sampleRate: z.number().gt(0).max(1).default(1),
  /** Capture EXPLAIN (ANALYZE, BUFFERS) once per query. */
  capturePlan: z.boolean().default(true),
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
  samples: number[];
  summary?: SampleSummary;
  plan?: PlanFacts;
}

/** How trustworthy the run's figures are, and what measuring them cost. */
export interface ProfileMetadata {
  startedAt: string;
  /** Time in profiling machinery (transaction control, bookkeeping) during the measured loops. */
  overheadMs: number;
  /** Time inside the profiled queries (warm-up and timed runs). */
  queryMs: number;
  /** overheadMs as a percentage of queryMs. */
  overheadPercent: number;
  /** EXPLAIN runs, outside the measured loops so they do not distort the timings. */
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
  let overheadMs = 0;
  let queryMs = 0;
  let planCaptureMs = 0;
  const profiles: QueryProfile[] = [];

  await database.withConnection(async (connection) => {
    for (const query of queries) {
      const refusal = await options.refuse?.(query.sql);
      if (refusal !== undefined) {
        profiles.push({ queryId: query.id, source: query.source, status: "refused", reason: refusal, writes: true, samples: [] });
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
        });
        continue;
      }
      const samples: number[] = [];
      const loopStart = performance.now();
      let insideQueries = 0;
      try {
        if (!verdict.writes) await connection.exec("BEGIN READ ONLY");
        for (let run = 0; run < settings.warmupRuns + settings.timedRuns; run += 1) {
          if (verdict.writes) await connection.exec("BEGIN");
          const started = performance.now();
          await connection.query(query.sql);
          const elapsed = performance.now() - started;
          if (verdict.writes) await connection.exec("ROLLBACK");
          insideQueries += elapsed;
          const timed = run >= settings.warmupRuns;
          if (timed && (settings.sampleRate === 1 || random() < settings.sampleRate)) samples.push(elapsed);
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
        });
        continue;
      }
      overheadMs += performance.now() - loopStart - insideQueries;
      queryMs += insideQueries;

      let plan: PlanFacts | undefined;
      if (settings.capturePlan) {
        const planStart = performance.now();
        await connection.exec(verdict.writes ? "BEGIN" : "BEGIN READ ONLY");
        try {
          plan = parseExplain(await explainJson(connection, query.sql, true), { largeTableRows: settings.largeTableRows });
        } finally {
          await connection.exec("ROLLBACK");
        }
        planCaptureMs += performance.now() - planStart;
      }
      profiles.push({
        queryId: query.id,
        source: query.source,
        status: "profiled",
        writes: verdict.writes,
        samples,
        ...(samples.length > 0 ? { summary: summarizeSample(samples) } : {}),
        ...(plan ? { plan } : {}),
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
  return {
    queries: profiles,
    metadata: {
      startedAt,
      overheadMs,
      queryMs,
      overheadPercent: queryMs > 0 ? (overheadMs / queryMs) * 100 : 0,
      planCaptureMs,
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
