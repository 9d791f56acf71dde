/**
 * How long opening a database and tracing a statement take: PGlite started fresh (initdb) against
 * PGlite loaded from the snapshot the test helpers use (in-process; see open-cold-warm.ts for separate
 * processes), and `traceStatement` on PGlite and (when DATABASE_URL points
 * at one) on the PostgreSQL server. Run with `pnpm bench` from the root, or `pnpm run bench` here.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { type Database, openDatabase, traceStatement } from "../src/index.js";
import { PgliteDatabase } from "../src/pglite-database.js";
import { openPristinePglite } from "../src/snapshot/open-pristine-pglite.js";
import { openTestDatabase } from "../src/testing/index.js";

const runs = Number(process.env.BENCH_RUNS ?? 3);
const traces = Number(process.env.BENCH_TRACES ?? 50);

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timeOpen(open: () => Promise<PGlite>): Promise<number> {
  const durations: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const pglite = await open();
    durations.push(performance.now() - started);
    await pglite.close();
  }
  return median(durations);
}

async function timeTraces(database: Database): Promise<Record<string, number>> {
  await database.exec(
    "CREATE TABLE bench_accounts (id int PRIMARY KEY, email text); INSERT INTO bench_accounts SELECT g, 'a' || g FROM generate_series(1, 10000) AS g;",
  );
  const figures: Record<string, number> = {};
  for (const sql of [
    "ALTER TABLE bench_accounts ALTER COLUMN id TYPE bigint",
    "CREATE INDEX ON bench_accounts (email)",
    "SELECT 1",
  ]) {
    const durations: number[] = [];
    for (let run = 0; run < traces; run++) {
      const started = performance.now();
      await traceStatement(database, sql);
      durations.push(performance.now() - started);
    }
    figures[sql] = median(durations);
  }
  return figures;
}

// The same snapshot directory as the test helpers.
const snapshotDirectory = join(tmpdir(), "confiture-test-cache");
const createPristinePglite = async () => (await openPristinePglite({ directory: snapshotDirectory })).pglite;
await createPristinePglite().then((pglite) => pglite.close()); // make sure the snapshot exists
const fresh = await timeOpen(async () => {
  const pglite = new PGlite();
  await pglite.waitReady;
  return pglite;
});
const fromTemplate = await timeOpen(createPristinePglite);
console.log(`PGlite open, median of ${runs}: fresh ${fresh.toFixed(0)} ms, from snapshot ${fromTemplate.toFixed(0)} ms`);

const embedded = new PgliteDatabase(await createPristinePglite(), "pglite:");
for (const [sql, ms] of Object.entries(await timeTraces(embedded))) {
  console.log(`traceStatement on pglite, median of ${traces}: ${ms.toFixed(1)} ms  ${sql}`);
}
await embedded.close();

const serverUrl = process.env.DATABASE_URL;
if (serverUrl?.startsWith("postgres")) {
  const server = await openTestDatabase({ name: "postgres", url: serverUrl });
  for (const [sql, ms] of Object.entries(await timeTraces(server))) {
    console.log(`traceStatement on postgres, median of ${traces}: ${ms.toFixed(1)} ms  ${sql}`);
  }
  await server.close();
  const opened = performance.now();
  await (await openDatabase(serverUrl)).close();
  console.log(`openDatabase on postgres (pool and version check): ${(performance.now() - opened).toFixed(0)} ms`);
} else {
  console.log("server figures skipped (set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)");
}
