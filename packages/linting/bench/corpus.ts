import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A seeded generator (mulberry32): the same seed gives the same corpus everywhere. */
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

/** A generated corpus on disk. */
export interface Corpus {
  name: string;
  directory: string;
  files: string[];
  statements: number;
}

const TABLES = ["users", "accounts", "orders", "invoices", "payments", "events", "sessions", "products", "audit_log"];
const COLUMNS = ["email", "status", "amount", "created_at", "note", "score", "region", "external_id", "owner_id"];
const TYPES = [
  "int",
  "bigint",
  "text",
  "varchar(255)",
  "timestamp",
  "timestamptz",
  "numeric(12,2)",
  "boolean",
  "jsonb",
  "char(8)",
];

type Make = (pick: <T>(items: T[]) => T, index: number) => string;

/** Statement shapes of real migrations, safe and unsafe, weighted. */
const STATEMENTS: Array<[number, Make]> = [
  [8, (pick, i) => `ALTER TABLE ${pick(TABLES)} ADD COLUMN ${pick(COLUMNS)}_${i} ${pick(TYPES)}`],
  [3, (pick, i) => `ALTER TABLE ${pick(TABLES)} ADD COLUMN flag_${i} boolean NOT NULL DEFAULT false`],
  [2, (pick, i) => `ALTER TABLE ${pick(TABLES)} ADD COLUMN required_${i} text NOT NULL`],
  [2, (pick, i) => `ALTER TABLE ${pick(TABLES)} ADD COLUMN token_${i} uuid DEFAULT gen_random_uuid()`],
  [4, (pick, i) => `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_${i} ON ${pick(TABLES)} (${pick(COLUMNS)})`],
  [3, (pick, i) => `CREATE INDEX idx_plain_${i} ON ${pick(TABLES)} (${pick(COLUMNS)})`],
  [3, (pick) => `ALTER TABLE ${pick(TABLES)} ALTER COLUMN ${pick(COLUMNS)} TYPE ${pick(TYPES)}`],
  [2, (pick) => `ALTER TABLE ${pick(TABLES)} ALTER COLUMN ${pick(COLUMNS)} SET NOT NULL`],
  [
    3,
    (pick, i) =>
      `ALTER TABLE ${pick(TABLES)} ADD CONSTRAINT fk_${i} FOREIGN KEY (owner_id) REFERENCES ${pick(TABLES)} (id) NOT VALID`,
  ],
  [
    2,
    (pick, i) =>
      `ALTER TABLE ${pick(TABLES)} ADD CONSTRAINT fk_strict_${i} FOREIGN KEY (owner_id) REFERENCES ${pick(TABLES)} (id)`,
  ],
  [2, (pick, i) => `ALTER TABLE ${pick(TABLES)} VALIDATE CONSTRAINT fk_${i}`],
  [2, (pick, i) => `ALTER TABLE ${pick(TABLES)} ADD CONSTRAINT check_${i} CHECK (amount >= 0)`],
  [1, (pick, i) => `ALTER TABLE ${pick(TABLES)} ADD CONSTRAINT unique_${i} UNIQUE (${pick(COLUMNS)})`],
  [1, (pick) => `ALTER TABLE ${pick(TABLES)} DROP COLUMN IF EXISTS ${pick(COLUMNS)}`],
  [1, (pick, i) => `ALTER TABLE ${pick(TABLES)} RENAME COLUMN ${pick(COLUMNS)} TO renamed_${i}`],
  [
    4,
    (pick, i) =>
      `CREATE TABLE IF NOT EXISTS table_${i} (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  owner_id bigint REFERENCES ${pick(TABLES)} (id),\n  ${pick(COLUMNS)} ${pick(TYPES)} NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n)`,
  ],
  [1, (_pick, i) => `CREATE TABLE legacy_${i} (id serial PRIMARY KEY, name varchar(100), created timestamp)`],
  [2, (pick) => `UPDATE ${pick(TABLES)} SET ${pick(COLUMNS)} = NULL WHERE id BETWEEN 1 AND 10000`],
  [1, (pick) => `TRUNCATE ${pick(TABLES)} CASCADE`],
  [1, (pick) => `DROP TABLE IF EXISTS ${pick(TABLES)}_old`],
  [1, (pick) => `DROP INDEX IF EXISTS idx_${pick(COLUMNS)}`],
  [1, (_pick, i) => `CREATE TYPE status_${i} AS ENUM ('new', 'active', 'closed')`],
  [1, (pick) => `COMMENT ON COLUMN ${pick(TABLES)}.${pick(COLUMNS)} IS 'personal data'`],
];

function generator(seed: number) {
  const next = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const total = STATEMENTS.reduce((sum, [weight]) => sum + weight, 0);
  const statement = (index: number): string => {
    let roll = next() * total;
    for (const [weight, make] of STATEMENTS) {
      roll -= weight;
      if (roll < 0) return make(pick, index);
    }
    return STATEMENTS[0]![1](pick, index);
  };
  return { next, statement };
}

function write(name: string, files: Array<[string, string]>, statements: number): Corpus {
  const directory = mkdtempSync(join(tmpdir(), `confiture-lint-bench-${name}-`));
  mkdirSync(join(directory, "migrations"));
  const paths = files.map(([file, text]) => {
    const path = join(directory, "migrations", file);
    writeFileSync(path, text);
    return path;
  });
  return { name, directory, files: paths, statements };
}

/** 30,000 statements, 100 per file. */
export function largeCorpus(statements = 30_000, perFile = 100): Corpus {
  const { statement } = generator(20_250_101);
  const files: Array<[string, string]> = [];
  for (let written = 0, file = 0; written < statements; file++) {
    const count = Math.min(perFile, statements - written);
    const lines = ["SET lock_timeout = '2s';"];
    for (let index = 1; index < count; index++) lines.push(`${statement(written + index)};`);
    files.push([`${String(20240000000000 + file)}_generated.up.sql`, `${lines.join("\n")}\n`]);
    written += count;
  }
  return write("large", files, statements);
}

/** A few hundred small migration files, 1 to 8 statements each, some with timeouts, some with transactions. */
export function realisticCorpus(fileCount = 300): Corpus {
  const { next, statement } = generator(42);
  const files: Array<[string, string]> = [];
  let statements = 0;
  for (let file = 0; file < fileCount; file++) {
    const lines: string[] = [`-- Migration ${file}`];
    if (next() < 0.5) lines.push("SET lock_timeout = '2s';", "SET statement_timeout = '60s';");
    const body = 1 + Math.floor(next() * 8);
    for (let index = 0; index < body; index++) lines.push(`${statement(file * 10 + index)};`);
    statements += lines.length - 1;
    files.push([`${String(20230000000000 + file * 100)}_change_${file}.up.sql`, `${lines.join("\n")}\n`]);
  }
  return write("realistic", files, statements);
}
