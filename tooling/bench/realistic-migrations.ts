import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MigrationState, type Pick, SCENARIOS, seedTables } from "./realistic-scenarios.js";

/** A small seeded generator (mulberry32): the same seed gives the same corpus on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generated set of realistic migration files on disk. */
export interface MigrationCorpus {
  directory: string;
  files: string[];
  /** Statements written, counting BEGIN, COMMIT and SET as statements. */
  statements: number;
  bytes: number;
}

/**
 * Writes `count` realistic migration files, in apply order, into a new temporary directory: each
 * file is one change a team would ship (create a table, add a column with or without a default,
 * index concurrently or not, a foreign key with or without NOT VALID, a type change, a rename, a
 * drop, SET NOT NULL, enum values, batched backfills...), against a schema the generator keeps
 * track of, so later files touch tables and columns earlier files created. Some files set
 * `lock_timeout` / `statement_timeout`, some wrap themselves in BEGIN/COMMIT, a few make the
 * classic mistakes (concurrent index inside a transaction, nested BEGIN, DROP DATABASE).
 */
export function writeMigrationCorpus(count = 400, seed = 20_250_314): MigrationCorpus {
  const next = random(seed);
  const pick: Pick = (items) => items[Math.floor(next() * items.length)] as (typeof items)[number];
  const chance = (probability: number) => next() < probability;
  const state: MigrationState = { tables: [], indexes: [], pendingConstraints: [], enums: [], views: [], counter: 0 };
  const directory = mkdtempSync(join(tmpdir(), "confiture-migrations-"));
  mkdirSync(join(directory, "migrations"));
  const files: string[] = [];
  let statements = 0;
  let bytes = 0;
  const totalWeight = SCENARIOS.reduce((sum, scenario) => sum + scenario.weight, 0);
  for (let index = 0; index < count; index++) {
    let change: ReturnType<(typeof SCENARIOS)[number]["make"]>;
    if (index < 6) change = seedTables(state, pick, chance, index);
    else {
      let roll = next() * totalWeight;
      const scenario =
        SCENARIOS.find((candidate) => {
          roll -= candidate.weight;
          return roll < 0;
        }) ?? SCENARIOS[0]!;
      change = scenario.make(state, pick, chance);
    }
    // Non-transactional work (CONCURRENTLY) is usually shipped in a file of its own, without BEGIN;
    // one time in fifteen it is not, the mistake squawk's transaction rules exist for.
    const wrap = change.nonTransactional ? chance(1 / 15) : chance(0.55);
    const lines = [`-- ${change.title}`];
    let written = change.statements.length;
    if (chance(0.5)) lines.push(`SET lock_timeout = '${pick(["2s", "3s", "5s", "1s"])}';`);
    if (chance(0.3)) lines.push(`SET statement_timeout = '${pick(["30s", "60s", "5min"])}';`);
    if (wrap) lines.push("BEGIN;");
    if (wrap && chance(0.02)) lines.push("BEGIN;");
    written += lines.length - 1;
    for (const statement of change.statements) lines.push(`${statement};`);
    if (wrap) lines.push("COMMIT;");
    if (wrap) written++;
    lines.push("");
    const text = lines.join("\n");
    const slug = change.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .slice(0, 48);
    const file = join(directory, "migrations", `${String(index + 1).padStart(4, "0")}_${slug}.sql`);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
    statements += written;
  }
  return { directory, files, statements, bytes };
}
