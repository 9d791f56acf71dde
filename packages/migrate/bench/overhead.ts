/**
 * Per-migration overhead of `migrateUp` over 500 small migrations on the PostgreSQL server, next to
 * `psql` applying the same files in one session. Run with `pnpm bench` (DATABASE_URL must point at
 * the server, e.g. postgres://postgres@127.0.0.1:5432/test); skipped with a message otherwise.
 */
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { openDatabase } from "@confiture/db";
import { migrateUp, readMigrationDirectory } from "../src/index.js";

const run = promisify(execFile);
const count = Number(process.env.BENCH_MIGRATIONS ?? 500);
const serverUrl = process.env.DATABASE_URL;

if (serverUrl === undefined || !serverUrl.startsWith("postgres")) {
  console.log(
    "migrate overhead bench: skipped (set DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it against the server)",
  );
  process.exit(0);
}

const directory = await mkdtemp(join(tmpdir(), "confiture-bench-"));
for (let index = 0; index < count; index++) {
  const version = String(index + 1).padStart(6, "0");
  await writeFile(
    join(directory, `${version}_table_${index}.up.sql`),
    `CREATE TABLE bench_${index} (id int PRIMARY KEY, note text);\nINSERT INTO bench_${index} VALUES (1, 'x');\n`,
  );
}
const files = (await readMigrationDirectory(directory)).migrations.map((migration) => migration.upPath);

const admin = await openDatabase(serverUrl);
const suffix = `${process.pid}_${Date.now()}`;
const names = { confiture: `confiture_bench_${suffix}`, psql: `confiture_bench_psql_${suffix}` };
const urlOf = (name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url;
};
try {
  for (const name of Object.values(names)) await admin.exec(`CREATE DATABASE "${name}"`);

  const psqlUrl = urlOf(names.psql);
  const psqlArgs = [
    "-h",
    psqlUrl.hostname,
    "-p",
    psqlUrl.port || "5432",
    "-U",
    decodeURIComponent(psqlUrl.username || "postgres"),
    "-d",
    names.psql,
  ];
  const psqlStarted = performance.now();
  await run("psql", [...psqlArgs, "-q", "-X", "-v", "ON_ERROR_STOP=1", ...files.flatMap((file) => ["-f", file])], {
    env: { ...process.env, PGPASSWORD: decodeURIComponent(psqlUrl.password) },
    maxBuffer: 64 * 1024 * 1024,
  });
  const psqlMs = performance.now() - psqlStarted;

  const database = await openDatabase(urlOf(names.confiture).toString());
  const confitureStarted = performance.now();
  const result = await migrateUp({ database, directory });
  const confitureMs = performance.now() - confitureStarted;
  await database.close();
  if (result.status !== "ok" || result.completed.length !== count)
    throw new Error(`migrate up did not apply every migration: ${result.status}`);

  const perMigration = (ms: number) => (ms / count).toFixed(3);
  console.log(`migrate overhead bench: ${count} migrations of 2 statements on ${admin.displayUrl}`);
  console.log(`  psql, one session:        ${psqlMs.toFixed(0)} ms (${perMigration(psqlMs)} ms per migration)`);
  console.log(`  confiture migrate up:     ${confitureMs.toFixed(0)} ms (${perMigration(confitureMs)} ms per migration)`);
  console.log(`  overhead per migration:   ${((confitureMs - psqlMs) / count).toFixed(3)} ms`);
  console.log(`  ratio confiture / psql:   ${(confitureMs / psqlMs).toFixed(2)}x`);
} finally {
  for (const name of Object.values(names))
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
  await admin.close();
}
