import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lint } from "../engine/lint.js";
import { general } from "./index.js";

/** Statements that exercise every rule, to be shuffled, combined and mutated. */
const STATEMENTS = [
  "BEGIN",
  "COMMIT",
  "ROLLBACK",
  "SET lock_timeout = '2s'",
  "SET statement_timeout = 0",
  "CREATE TABLE users (id serial PRIMARY KEY, email varchar(100), at timestamp, code char(2), doc json, n numeric)",
  'CREATE TABLE "user" (id bigint, "order" bigint)',
  "CREATE TABLE orders (id bigint PRIMARY KEY, user_id integer REFERENCES users (id))",
  "ALTER TABLE users ADD COLUMN plan text NOT NULL",
  "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()",
  "ALTER TABLE users ADD COLUMN total bigint GENERATED ALWAYS AS (id * 2) STORED",
  "ALTER TABLE users ALTER COLUMN email SET NOT NULL, ALTER COLUMN email TYPE text",
  "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email)",
  "ALTER TABLE users ADD CONSTRAINT c CHECK (id > 0) NOT VALID",
  "ALTER TABLE users VALIDATE CONSTRAINT c",
  "ALTER TABLE orders ADD CONSTRAINT f FOREIGN KEY (user_id) REFERENCES users (id)",
  "ALTER TABLE users RENAME COLUMN email TO mail",
  "ALTER TABLE users RENAME TO accounts",
  "ALTER TABLE users DROP COLUMN plan",
  "ALTER TABLE events DETACH PARTITION events_2020",
  "ALTER TABLE users SET TABLESPACE fast",
  "CREATE INDEX users_email_idx ON users (email)",
  "CREATE INDEX CONCURRENTLY IF NOT EXISTS users_at_idx ON users (at)",
  "DROP INDEX users_email_idx",
  "REINDEX TABLE users",
  "VACUUM FULL users",
  "CLUSTER users USING users_pkey",
  "REFRESH MATERIALIZED VIEW totals",
  "TRUNCATE users CASCADE",
  "DELETE FROM users",
  "UPDATE users SET plan = 'x'",
  "SELECT count(*) FROM users",
  "UPDATE users SET plan = 'a', plan = 'b'",
  "DROP TABLE users",
  "DROP DATABASE app",
  "CREATE DATABASE app",
  "CREATE TYPE mood AS ENUM ('sad', 'ok')",
  "ALTER TYPE mood ADD VALUE 'happy'",
  "UPDATE users SET mood = 'happy' WHERE id = 1",
  "CREATE DOMAIN positive AS bigint CHECK (VALUE > 0)",
  "ALTER DOMAIN positive ADD CONSTRAINT p CHECK (VALUE > 1)",
  "CREATE TABLE totals AS SELECT 1 AS one",
  "LOCK TABLE users IN ACCESS EXCLUSIVE MODE",
  `CREATE TABLE ${"x".repeat(70)} (id bigint)`,
];

const sqlFile = fc
  .array(fc.constantFrom(...STATEMENTS), { maxLength: 12 })
  .map((statements) => statements.map((statement) => `${statement};`).join("\n"));

/** A file with random characters deleted or inserted: broken SQL must be findings, never crashes. */
const mutatedFile = fc
  .tuple(
    sqlFile,
    fc.array(fc.tuple(fc.nat(), fc.constantFrom("", "(", ")", ";", "'", '"', " NOT ", "--", "/*", "é")), { maxLength: 4 }),
  )
  .map(([text, edits]) =>
    edits.reduce((current, [position, insert]) => {
      const at = current.length === 0 ? 0 : position % current.length;
      return current.slice(0, at) + insert + current.slice(at + 1);
    }, text),
  );

const rules = Object.fromEntries(Object.keys(general.rules).map((id) => [id, "warn" as const]));

describe("the general library on random and mutated migrations", () => {
  it("never crashes a rule (no rule-error findings) and never throws", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(sqlFile, mutatedFile), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(11, 12, 14, 18),
        async (sources, withDown, wraps, pgVersion) => {
          const files = sources.flatMap((source, index) => {
            const version = String(index + 1).padStart(4, "0");
            const up = { path: `${version}_step.up.sql`, source };
            return withDown
              ? [up, { path: `${version}_step.down.sql`, source: sources[sources.length - 1 - index] ?? "" }]
              : [up];
          });
          const result = await lint({
            files,
            libraries: [general],
            config: { rules },
            pgVersion: pgVersion as 11,
            settings: { runnerWrapsInTransaction: wraps },
          });
          const crashes = result.findings.filter((finding) => finding.ruleId === "rule-error");
          expect(crashes.map((finding) => finding.message)).toEqual([]);
        },
      ),
      { numRuns: 60, seed: 20_251_126 },
    );
  }, 120_000);
});
