/**
 * `pnpm eval` for @confiture/performance, on the real server (DATABASE_URL):
 * 1. a table of 500k rows and an indexed lookup: record a baseline, drop the index, check: the
 *    check must report an error-level regression;
 * 2. without any change, 20 repeated checks against a fresh baseline: count false regressions
 *    (warning or error; goal: at most one);
 * 3. the profiler's own overhead on that workload (goal: at most 2%).
 */
import { openDatabase } from "@confiture/db";
import { checkForRegressions, FileBaselineStore, parseQueriesFile, recordBaselines } from "@confiture/performance";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const url = process.env.DATABASE_URL;
if (!url) {
  console.log(
    "performance eval: skipped (set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/test)",
  );
  process.exit(0);
}

const database = await openDatabase(url);
const schema = `confiture_eval_perf_${process.pid}`;
const queries = parseQueriesFile(
  `-- name: lookup-by-email\nSELECT id, email FROM ${schema}.customers WHERE email = 'customer-123457@example.com'`,
);
const profile = { warmupRuns: 20, timedRuns: 200 };
const options = { environment: "eval", recordedBy: "pnpm eval", profile };

try {
  console.log("performance eval: creating 500,000 rows...");
  await database.exec(`
    CREATE SCHEMA ${schema};
    CREATE TABLE ${schema}.customers (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
    INSERT INTO ${schema}.customers (id, email) SELECT g, 'customer-' || g || '@example.com' FROM generate_series(1, 500000) g;
    CREATE INDEX customers_email_idx ON ${schema}.customers (email);
    ANALYZE ${schema}.customers;`);

  // 2. false regressions: a fresh baseline, then 20 checks with nothing changed.
  const steadyStore = FileBaselineStore.inDirectory(await mkdtemp(join(tmpdir(), "confiture-eval-")));
  const baseline = await recordBaselines(database, queries, steadyStore, options);
  const overheads = [baseline.run.metadata.overheadPercent];
  let falseRegressions = 0;
  const severities: string[] = [];
  for (let check = 0; check < 20; check += 1) {
    const outcome = await checkForRegressions(database, queries, steadyStore, options);
    overheads.push(outcome.run.metadata.overheadPercent);
    severities.push(outcome.worst);
    if (outcome.worst === "warning" || outcome.worst === "error") falseRegressions += 1;
  }

  // 1. a real regression: drop the index.
  const regressionStore = FileBaselineStore.inDirectory(await mkdtemp(join(tmpdir(), "confiture-eval-")));
  const before = await recordBaselines(database, queries, regressionStore, options);
  await database.exec(`DROP INDEX ${schema}.customers_email_idx`);
  const after = await checkForRegressions(database, queries, regressionStore, {
    ...options,
    profile: { warmupRuns: 2, timedRuns: 20 },
  });
  const result = after.results[0];

  const meanOverhead = overheads.reduce((total, value) => total + value, 0) / overheads.length;
  const rows = [
    ["index dropped: severity", `${result?.severity} (${result?.reason})`, "error"],
    [
      "index dropped: mean before -> after",
      `${before.baselines[0]?.mean.toFixed(3)} ms -> ${result?.candidateMeanMs.toFixed(3)} ms`,
      "",
    ],
    ["unchanged: false regressions in 20 checks", `${falseRegressions} (${severities.join(" ")})`, "<= 1"],
    ["profiling overhead (mean of 21 runs)", `${meanOverhead.toFixed(2)} %`, "<= 2 %"],
    ["profiling overhead (worst run)", `${Math.max(...overheads).toFixed(2)} %`, ""],
    ["confidence of a 200-run baseline", baseline.run.metadata.confidence.toFixed(3), ">= 0.8"],
  ];
  console.log("\nperformance eval (server: %s)", database.displayUrl);
  for (const [name, value, goal] of rows) console.log(`  ${String(name).padEnd(44)} ${String(value).padEnd(60)} ${goal}`);
  const passed = result?.severity === "error" && falseRegressions <= 1;
  console.log(passed ? "\nperformance eval: goals met" : "\nperformance eval: a goal was missed");
} finally {
  await database.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await database.close();
}
