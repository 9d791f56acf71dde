/**
 * `pnpm eval` for @confiture/performance, on a PostgreSQL server (DATABASE_URL), under background
 * CPU load: worker processes burn CPU at random times, so baselines and checks see different
 * machines, as they do in real life. Each round records fresh baselines, then checks:
 *   - control: nothing changed                      goal: flagged `error` in <= 5% of rounds
 *   - slow-1.5x: the scanned table has 1.5x the rows goal: `error` in >= 80%
 *   - slow-2x: the scanned table has 2x the rows     goal: `error` in >= 95%
 *   - plan: the lookup's index dropped               goal: `error` in 100%
 * for every timed-run count in EVAL_RUNS (default "10,20,30"), EVAL_ROUNDS rounds each (default 20).
 * It also reports the end-to-end cost (wall time of the profile call / server execution time) and
 * the bookkeeping share. The queries and table sizes here are not the unit tests' fixtures.
 */
import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@confiture/db";
import { checkForRegressions, FileBaselineStore, parseQueriesFile, recordBaselines } from "@confiture/performance";

const url = process.env.DATABASE_URL;
if (!url) {
  console.log("performance eval: skipped (set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)");
  process.exit(0);
}
const rounds = Number(process.env.EVAL_ROUNDS ?? 20);
const runCounts = (process.env.EVAL_RUNS ?? "10,20,30").split(",").map(Number);
const loadWorkers = Number(process.env.EVAL_LOAD_WORKERS ?? 2);
const baseRows = 60_000;

// Background load: each worker sleeps 0-1.5 s, then burns CPU for 0.3-2.5 s, until killed.
const burner = `
const random = () => Math.random();
function cycle() {
  setTimeout(() => { const end = Date.now() + 300 + random() * 2200; let x = 0; while (Date.now() < end) x += Math.sqrt(x + 1); cycle(); }, random() * 1500);
}
cycle();`;
const workers = Array.from({ length: loadWorkers }, () => spawn(process.execPath, ["-e", burner], { stdio: "ignore" }));
const stopWorkers = () => {
  for (const worker of workers) worker.kill("SIGKILL");
};
process.on("exit", stopWorkers);

const database = await openDatabase(url);
const schema = `confiture_eval_perf_${process.pid}`;
const queries = parseQueriesFile(`
-- name: scan-total
SELECT count(*), sum(amount) FROM ${schema}.items WHERE note <> 'none'
-- name: lookup-by-email
SELECT id FROM ${schema}.accounts WHERE email = 'user-77777@example.com'
`);
const [scan, lookup] = queries;
if (!scan || !lookup) throw new Error("queries missing");

async function setup(): Promise<void> {
  const table = (name: string, rows: number) => `
    CREATE TABLE ${schema}.${name} (id bigint PRIMARY KEY, amount numeric NOT NULL, note text NOT NULL);
    INSERT INTO ${schema}.${name} SELECT g, g % 997, 'note ' || (g % 50) FROM generate_series(1, ${rows}) g;`;
  const vacuum = async (name: string) => database.exec(`VACUUM ANALYZE ${schema}.${name}`);
  await database.exec(`CREATE SCHEMA ${schema};`);
  await database.exec(table("items", baseRows));
  await database.exec(table("items_15", Math.round(baseRows * 1.5)));
  await database.exec(table("items_2", baseRows * 2));
  for (const name of ["items", "items_15", "items_2"]) await vacuum(name);
  await database.exec(`
    CREATE TABLE ${schema}.accounts (id bigint PRIMARY KEY, email text NOT NULL);
    INSERT INTO ${schema}.accounts SELECT g, 'user-' || g || '@example.com' FROM generate_series(1, 200000) g;
    CREATE INDEX accounts_email_idx ON ${schema}.accounts (email);`);
  await vacuum("accounts");
}

/**
 * Swaps the scanned table with a bigger one (same name for the query, same plan): a real
 * server-side slowdown. Swapping the same pair again restores it.
 */
async function swap(other: "items_15" | "items_2"): Promise<void> {
  await database.exec(`BEGIN;
    ALTER TABLE ${schema}.items RENAME TO swap_tmp;
    ALTER TABLE ${schema}.${other} RENAME TO items;
    ALTER TABLE ${schema}.swap_tmp RENAME TO ${other};
    COMMIT;`);
}

type Scenario = "control" | "slow-1.5x" | "slow-2x" | "plan";
interface Outcome {
  scenario: Scenario;
  runs: number;
  verdict: string;
  factor: number;
  low: number;
  blocks: number;
  drift: number;
  costRatio: number;
  bookkeepingPercent: number;
}
const outcomes: Outcome[] = [];

async function check(scenario: Scenario, runs: number, query: typeof scan, store: FileBaselineStore): Promise<void> {
  const options = { environment: "eval", recordedBy: "pnpm eval", profile: { timedRuns: runs } };
  const outcome = await checkForRegressions(database, [query as NonNullable<typeof scan>], store, options);
  const result = outcome.results[0];
  outcomes.push({
    scenario,
    runs,
    verdict: result?.severity ?? "missing",
    factor: result?.factor ?? Number.NaN,
    low: result?.factorInterval?.[0] ?? Number.NaN,
    blocks: result?.blocksRatio ?? Number.NaN,
    drift: result?.referenceDrift ?? Number.NaN,
    costRatio: outcome.run.metadata.costRatio,
    bookkeepingPercent: outcome.run.metadata.overheadPercent,
  });
}

async function round(runs: number): Promise<void> {
  const options = { environment: "eval", recordedBy: "pnpm eval", profile: { timedRuns: runs } };
  const scanStore = FileBaselineStore.inDirectory(await mkdtemp(join(tmpdir(), "confiture-eval-")));
  await recordBaselines(database, [scan as NonNullable<typeof scan>], scanStore, options);
  await check("control", runs, scan, scanStore);
  await swap("items_15");
  await check("slow-1.5x", runs, scan, scanStore);
  await swap("items_15");
  await swap("items_2");
  await check("slow-2x", runs, scan, scanStore);
  await swap("items_2");
  const lookupStore = FileBaselineStore.inDirectory(await mkdtemp(join(tmpdir(), "confiture-eval-")));
  await recordBaselines(database, [lookup as NonNullable<typeof lookup>], lookupStore, options);
  await database.exec(`DROP INDEX ${schema}.accounts_email_idx`);
  await check("plan", runs, lookup, lookupStore);
  await database.exec(`CREATE INDEX accounts_email_idx ON ${schema}.accounts (email); ANALYZE ${schema}.accounts;`);
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;
const quantile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] ?? Number.NaN;
};

try {
  console.log(
    `performance eval: load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")}; ${loadWorkers} CPU burners`,
  );
  await setup();
  const started = Date.now();
  for (const runs of runCounts) {
    for (let index = 0; index < rounds; index += 1) await round(runs);
    console.log(`  ${runs} runs: ${rounds} rounds done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  console.log(`\nperformance eval (server ${database.displayUrl}), ${rounds} rounds per scenario`);
  const goals: Record<Scenario, (errors: number, total: number) => boolean> = {
    control: (errors, total) => errors <= total * 0.05,
    "slow-1.5x": (errors, total) => errors >= total * 0.8,
    "slow-2x": (errors, total) => errors >= total * 0.95,
    plan: (errors, total) => errors === total,
  };
  let allMet = true;
  for (const runs of runCounts) {
    console.log(`\n  timed runs ${runs}`);
    for (const scenario of Object.keys(goals) as Scenario[]) {
      const mine = outcomes.filter((outcome) => outcome.runs === runs && outcome.scenario === scenario);
      const count = (verdict: string) => mine.filter((outcome) => outcome.verdict === verdict).length;
      const errors = count("error");
      const met = goals[scenario](errors, mine.length);
      if (runs === runCounts[runCounts.length - 1] || runCounts.length === 1) allMet &&= met;
      const factors = mine.map((outcome) => outcome.factor);
      // What timing alone would say (no plan, no buffers): factor >= 1.2 with the interval's low end > 1.1.
      const timingOnly = mine.filter(
        (outcome) => outcome.verdict !== "inconclusive" && outcome.factor >= 1.2 && outcome.low > 1.1,
      ).length;
      console.log(
        `    ${scenario.padEnd(10)} error ${percent(errors, mine.length).padStart(4)}  warning ${count("warning")}  info ${count("info")}  ok ${count("ok")}  inconclusive ${count("inconclusive")}  timing-only error ${percent(timingOnly, mine.length)}  factor median ${quantile(factors, 0.5).toFixed(2)} [${quantile(factors, 0).toFixed(2)}..${quantile(factors, 1).toFixed(2)}]  ${met ? "goal met" : "GOAL MISSED"}`,
      );
    }
    const mine = outcomes.filter((outcome) => outcome.runs === runs);
    const costs = mine.map((outcome) => outcome.costRatio);
    const drifts = mine.map((outcome) => outcome.drift);
    const bookkeeping = mine.map((outcome) => outcome.bookkeepingPercent);
    console.log(
      `    cost: wall / server execution median ${quantile(costs, 0.5).toFixed(1)}x, worst ${quantile(costs, 1).toFixed(1)}x; bookkeeping median ${quantile(bookkeeping, 0.5).toFixed(1)}% of wall; reference drift ${quantile(drifts, 0).toFixed(2)}..${quantile(drifts, 1).toFixed(2)}`,
    );
  }
  console.log(
    `\nload average at the end ${loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")}`,
  );
  console.log(allMet ? "performance eval: goals met" : "performance eval: a goal was missed");
} finally {
  stopWorkers();
  await database.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await database.close();
}
