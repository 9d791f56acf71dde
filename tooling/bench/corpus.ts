import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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

const TABLES = [
  "users",
  "accounts",
  "orders",
  "invoices",
  "payments",
  "events",
  "sessions",
  "products",
  "audit_log",
  "billing.subscriptions",
];
const COLUMNS = ["email", "status", "amount", "created_at", "updated_at", "owner_id", "note", "score", "region", "external_id"];
const TYPES = ["int", "bigint", "text", "varchar(255)", "timestamptz", "numeric(12,2)", "boolean", "jsonb", "uuid"];

/** Statement templates, weighted roughly like real migration files (DDL heavy, some DML and session settings). */
const TEMPLATES: Array<[weight: number, make: (pick: <T>(items: T[]) => T, index: number) => string]> = [
  [8, (pick, index) => `ALTER TABLE ${pick(TABLES)} ADD COLUMN ${pick(COLUMNS)}_${index} ${pick(TYPES)}`],
  [4, (pick, index) => `ALTER TABLE ${pick(TABLES)} ADD COLUMN flag_${index} boolean NOT NULL DEFAULT false`],
  [2, (pick, index) => `ALTER TABLE ${pick(TABLES)} ADD COLUMN token_${index} uuid DEFAULT gen_random_uuid()`],
  [
    6,
    (pick, index) =>
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_${index} ON ${pick(TABLES)} (${pick(COLUMNS)}, ${pick(COLUMNS)})`,
  ],
  [3, (pick, index) => `CREATE UNIQUE INDEX idx_unique_${index} ON ${pick(TABLES)} (${pick(COLUMNS)}) WHERE deleted_at IS NULL`],
  [4, (pick) => `ALTER TABLE ${pick(TABLES)} ALTER COLUMN ${pick(COLUMNS)} TYPE ${pick(TYPES)}`],
  [3, (pick) => `ALTER TABLE ${pick(TABLES)} ALTER COLUMN ${pick(COLUMNS)} SET NOT NULL`],
  [3, (pick) => `ALTER TABLE ${pick(TABLES)} ALTER COLUMN ${pick(COLUMNS)} SET DEFAULT 'unknown'`],
  [
    4,
    (pick, index) =>
      `ALTER TABLE ${pick(TABLES)} ADD CONSTRAINT fk_${index} FOREIGN KEY (owner_id) REFERENCES ${pick(TABLES)} (id) NOT VALID`,
  ],
  [3, (pick, index) => `ALTER TABLE ${pick(TABLES)} VALIDATE CONSTRAINT fk_${index}`],
  [3, (pick, index) => `ALTER TABLE ${pick(TABLES)} ADD CONSTRAINT check_${index} CHECK (amount >= 0)`],
  [2, (pick) => `ALTER TABLE ${pick(TABLES)} DROP COLUMN IF EXISTS ${pick(COLUMNS)}`],
  [2, (pick, index) => `ALTER TABLE ${pick(TABLES)} RENAME COLUMN ${pick(COLUMNS)} TO renamed_${index}`],
  [
    5,
    (pick, index) =>
      `CREATE TABLE IF NOT EXISTS table_${index} (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  owner_id bigint REFERENCES ${pick(TABLES)} (id),\n  ${pick(COLUMNS)} ${pick(TYPES)} NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n)`,
  ],
  [2, (pick) => `COMMENT ON COLUMN ${pick(TABLES)}.${pick(COLUMNS)} IS 'Personal data: erase on request'`],
  [2, (pick) => `GRANT SELECT, INSERT ON ${pick(TABLES)} TO app_user`],
  [2, (pick) => `ALTER TABLE ${pick(TABLES)} ENABLE ROW LEVEL SECURITY`],
  [
    2,
    (pick, index) => `CREATE POLICY tenant_${index} ON ${pick(TABLES)} USING (tenant_id = current_setting('app.tenant')::bigint)`,
  ],
  [4, (pick) => `UPDATE ${pick(TABLES)} SET ${pick(COLUMNS)} = NULL WHERE id BETWEEN 1 AND 10000`],
  [
    3,
    (pick, index) =>
      `INSERT INTO ${pick(TABLES)} (id, ${pick(COLUMNS)}) VALUES (${index}, 'value ${index}') ON CONFLICT DO NOTHING`,
  ],
  [2, (pick) => `DELETE FROM ${pick(TABLES)} WHERE created_at < now() - interval '90 days'`],
  [3, () => "SET lock_timeout = '2s'"],
  [1, () => "SET statement_timeout = '30s'"],
  [1, (pick) => `DROP INDEX CONCURRENTLY IF EXISTS idx_${pick(COLUMNS)}`],
  [1, (pick) => `VACUUM ANALYZE ${pick(TABLES)}`],
  [1, (pick) => `TRUNCATE ${pick(TABLES)}`],
  [1, (_, index) => `CREATE TYPE status_${index} AS ENUM ('new', 'active', 'closed')`],
  [
    1,
    (_, index) =>
      `CREATE OR REPLACE FUNCTION touch_${index}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$$`,
  ],
  [
    1,
    (pick, index) =>
      `CREATE TRIGGER touch_${index} BEFORE UPDATE ON ${pick(TABLES)} FOR EACH ROW EXECUTE FUNCTION touch_${index}()`,
  ],
  [1, (pick) => `REFRESH MATERIALIZED VIEW CONCURRENTLY ${pick(TABLES)}_summary`],
];

/** A generated corpus on disk. */
export interface Corpus {
  directory: string;
  files: string[];
  statements: number;
  bytes: number;
}

/** Write `statements` statements, `perFile` per migration file, into a new temporary directory. */
export function writeCorpus(statements = 30_000, perFile = 100, seed = 20_250_101): Corpus {
  const next = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T;
  const totalWeight = TEMPLATES.reduce((sum, [weight]) => sum + weight, 0);
  const template = () => {
    let roll = next() * totalWeight;
    for (const [weight, make] of TEMPLATES) {
      roll -= weight;
      if (roll < 0) return make;
    }
    return TEMPLATES[0]![1];
  };
  const directory = mkdtempSync(join(tmpdir(), "confiture-bench-"));
  mkdirSync(join(directory, "migrations"));
  const files: string[] = [];
  let bytes = 0;
  for (let written = 0, fileIndex = 0; written < statements; fileIndex++) {
    const count = Math.min(perFile, statements - written);
    const lines = [`-- Migration ${fileIndex}: generated for the parse benchmark`, "BEGIN;"];
    // BEGIN and COMMIT count as statements too: the body has two fewer.
    for (let index = 0; index < count - 2; index++) lines.push(`${template()(pick, written + index)};`);
    lines.push("COMMIT;", "");
    const file = join(directory, "migrations", `${String(fileIndex).padStart(5, "0")}_generated.sql`);
    const text = lines.join("\n");
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
    written += count;
  }
  return { directory, files, statements, bytes };
}
