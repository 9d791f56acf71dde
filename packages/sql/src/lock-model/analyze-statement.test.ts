import { beforeAll, describe, expect, it } from "vitest";
import { analyzeSql } from "../analyze.js";
import { LOCK_MODEL_CASES } from "../lock-model-cases.js";
import { parseSqlSync } from "../parse.js";
import { loadParser } from "../parser.js";
import type { PgVersion } from "../types.js";
import { analyzeStatement } from "./analyze-statement.js";

beforeAll(async () => {
  await loadParser();
});

const SETUP = "CREATE TABLE t (id int, a int, v varchar(20), ts timestamp, n numeric(10,2));";

async function verdict(sql: string, pgVersion: PgVersion, timeZone?: string) {
  const analyses = await analyzeSql(`${SETUP}\n${sql}`, { pgVersion, ...(timeZone === undefined ? {} : { timeZone }) });
  const last = analyses[analyses.length - 1];
  if (last === undefined) throw new Error("no analysis");
  const locks = Object.fromEntries(last.locks.map((lock) => [lock.relation, lock.mode.replace(/Lock$/, "")]));
  return { kind: last.kind, locks, rewrite: last.rewrite, scan: last.scan, transactional: last.transactional };
}

describe("lock model", () => {
  it.each<[string, PgVersion, { locks: Record<string, string>; rewrite?: boolean; scan?: boolean; transactional?: boolean }]>([
    ["ALTER TABLE t ADD COLUMN b int", 18, { locks: { t: "AccessExclusive" }, rewrite: false, scan: false }],
    ["ALTER TABLE t ADD COLUMN b int DEFAULT 0", 11, { locks: { t: "AccessExclusive" }, rewrite: false }],
    ["ALTER TABLE t ADD COLUMN b timestamptz DEFAULT now()", 18, { locks: { t: "AccessExclusive" }, rewrite: false }],
    [
      "ALTER TABLE t ADD COLUMN b uuid DEFAULT gen_random_uuid()",
      18,
      { locks: { t: "AccessExclusive" }, rewrite: true, scan: true },
    ],
    ["ALTER TABLE t ADD COLUMN b timestamptz DEFAULT clock_timestamp()", 15, { locks: { t: "AccessExclusive" }, rewrite: true }],
    ["ALTER TABLE t ADD COLUMN b int GENERATED ALWAYS AS (a * 2) STORED", 15, { locks: { t: "AccessExclusive" }, rewrite: true }],
    [
      "ALTER TABLE t ADD COLUMN b int GENERATED ALWAYS AS (a * 2) VIRTUAL",
      18,
      { locks: { t: "AccessExclusive" }, rewrite: false },
    ],
    ["ALTER TABLE t ADD COLUMN b int GENERATED ALWAYS AS IDENTITY", 18, { locks: { t: "AccessExclusive" }, rewrite: true }],
    ["ALTER TABLE t ADD COLUMN b bigserial", 18, { locks: { t: "AccessExclusive" }, rewrite: true }],
    ["ALTER TABLE t ALTER COLUMN a TYPE bigint", 18, { locks: { t: "AccessExclusive" }, rewrite: true }],
    ["ALTER TABLE t ALTER COLUMN v TYPE varchar(40)", 18, { locks: { t: "AccessExclusive" }, rewrite: false, scan: false }],
    ["ALTER TABLE t ALTER COLUMN v TYPE varchar(10)", 18, { locks: { t: "AccessExclusive" }, rewrite: true }],
    ["ALTER TABLE t ALTER COLUMN v TYPE text", 18, { locks: { t: "AccessExclusive" }, rewrite: false }],
    ["ALTER TABLE t ALTER COLUMN n TYPE numeric(14,2)", 18, { locks: { t: "AccessExclusive" }, rewrite: false }],
    ["ALTER TABLE t ALTER COLUMN n TYPE numeric(14,4)", 18, { locks: { t: "AccessExclusive" }, rewrite: true }],
    ["ALTER TABLE t ALTER COLUMN unknown_column TYPE text", 18, { locks: { t: "AccessExclusive" }, rewrite: true }],
    ["ALTER TABLE t ALTER COLUMN a SET NOT NULL", 18, { locks: { t: "AccessExclusive" }, rewrite: false, scan: true }],
    ["ALTER TABLE t ALTER COLUMN a DROP NOT NULL", 18, { locks: { t: "AccessExclusive" }, scan: false }],
    ["ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)", 18, { locks: { t: "AccessExclusive" }, scan: true }],
    ["ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID", 18, { locks: { t: "AccessExclusive" }, scan: false }],
    [
      "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)",
      18,
      { locks: { t: "ShareRowExclusive", u: "ShareRowExclusive" }, scan: true },
    ],
    [
      "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id) NOT VALID",
      18,
      { locks: { t: "ShareRowExclusive", u: "ShareRowExclusive" }, scan: false },
    ],
    ["ALTER TABLE t VALIDATE CONSTRAINT f", 18, { locks: { t: "ShareUpdateExclusive" }, scan: true }],
    [
      "ALTER TABLE t ADD CONSTRAINT k UNIQUE USING INDEX i",
      18,
      { locks: { t: "AccessExclusive", i: "ShareUpdateExclusive" }, scan: false },
    ],
    ["ALTER TABLE t SET (fillfactor = 70, autovacuum_enabled = false)", 18, { locks: { t: "ShareUpdateExclusive" } }],
    ["ALTER TABLE t SET (user_catalog_table = true)", 18, { locks: { t: "AccessExclusive" } }],
    ["ALTER TABLE t ENABLE TRIGGER ALL", 18, { locks: { t: "ShareRowExclusive" } }],
    [
      "ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1)",
      11,
      { locks: { p: "AccessExclusive", p1: "AccessExclusive" }, scan: true },
    ],
    [
      "ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1)",
      12,
      { locks: { p: "ShareUpdateExclusive", p1: "AccessExclusive" }, scan: true },
    ],
    ["ALTER TABLE p DETACH PARTITION p1", 14, { locks: { p: "AccessExclusive", p1: "AccessExclusive" } }],
    [
      "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
      14,
      { locks: { p: "ShareUpdateExclusive", p1: "ShareUpdateExclusive" }, transactional: false },
    ],
    ["ALTER INDEX i RENAME TO j", 11, { locks: { i: "AccessExclusive" } }],
    ["ALTER INDEX i RENAME TO j", 12, { locks: { i: "ShareUpdateExclusive" } }],
    ["ALTER TYPE e ADD VALUE 'x'", 11, { locks: {}, transactional: false }],
    ["ALTER TYPE e ADD VALUE 'x'", 12, { locks: {}, transactional: true }],
    ["GRANT SELECT ON t TO r", 15, { locks: {} }],
    ["GRANT SELECT ON t TO r", 18, { locks: { t: "AccessShare" } }],
    ["CREATE INDEX i ON t (a)", 18, { locks: { t: "Share" }, scan: true, transactional: true }],
    ["CREATE INDEX CONCURRENTLY i ON t (a)", 18, { locks: { t: "ShareUpdateExclusive" }, scan: true, transactional: false }],
    ["DROP INDEX CONCURRENTLY i", 18, { locks: { i: "ShareUpdateExclusive" }, transactional: false }],
    ["REINDEX INDEX i", 18, { locks: { i: "AccessExclusive" }, rewrite: true }],
    ["REINDEX TABLE CONCURRENTLY t", 18, { locks: { t: "ShareUpdateExclusive" }, transactional: false }],
    ["REFRESH MATERIALIZED VIEW m", 18, { locks: { m: "AccessExclusive" }, rewrite: true }],
    ["REFRESH MATERIALIZED VIEW CONCURRENTLY m", 18, { locks: { m: "Exclusive" }, rewrite: false }],
    ["TRUNCATE t, u", 18, { locks: { t: "AccessExclusive", u: "AccessExclusive" }, rewrite: true }],
    ["VACUUM t", 18, { locks: { t: "ShareUpdateExclusive" }, transactional: false }],
    ["VACUUM FULL t", 18, { locks: { t: "AccessExclusive" }, rewrite: true, transactional: false }],
    ["ANALYZE t", 18, { locks: { t: "ShareUpdateExclusive" }, transactional: true }],
    ["CLUSTER", 18, { locks: {}, transactional: false }],
    ["UPDATE t SET a = 1 FROM u WHERE u.id = t.id", 18, { locks: { t: "RowExclusive", u: "AccessShare" } }],
    ["SELECT * FROM t JOIN u USING (id) FOR UPDATE OF t", 18, { locks: { t: "RowShare", u: "AccessShare" } }],
    [
      "WITH gone AS (DELETE FROM t RETURNING *) INSERT INTO u SELECT * FROM gone",
      18,
      { locks: { u: "RowExclusive", t: "RowExclusive" } },
    ],
    ["LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE", 18, { locks: { t: "ShareRowExclusive" } }],
    [
      "CREATE TABLE c (id int REFERENCES t (id)) INHERITS (base)",
      18,
      { locks: { t: "ShareRowExclusive", base: "ShareUpdateExclusive" } },
    ],
    ["CREATE TABLE c PARTITION OF p FOR VALUES IN (3)", 18, { locks: { p: "AccessExclusive" } }],
    ["CREATE DATABASE d", 18, { locks: {}, transactional: false }],
    ["ALTER TABLE t SET TABLESPACE fast_disks", 18, { locks: { t: "AccessExclusive" }, rewrite: true }],
    ["ALTER TABLE t SET TABLESPACE pg_default", 18, { locks: { t: "AccessExclusive" }, rewrite: false }],
    ["ALTER TABLE c NO INHERIT base", 18, { locks: { c: "AccessExclusive", base: "AccessShare" } }],
    ["ALTER TABLE c INHERIT base", 18, { locks: { c: "AccessExclusive", base: "ShareUpdateExclusive" } }],
    ["ALTER TABLE t SET UNLOGGED", 18, { locks: { t: "AccessExclusive" }, rewrite: true }],
  ])("%s on PostgreSQL %i", async (sql, pgVersion, expected) => {
    expect(await verdict(sql, pgVersion)).toMatchObject(expected);
  });

  it.each<[PgVersion, string | undefined, boolean]>([
    [11, "UTC", true],
    [12, "UTC", false],
    [18, "Etc/UTC", false],
    [18, "Europe/Paris", true],
    [18, undefined, true],
  ])("timestamp -> timestamptz on PostgreSQL %i with TimeZone %s rewrites: %s", async (pgVersion, timeZone, rewrite) => {
    expect((await verdict("ALTER TABLE t ALTER COLUMN ts TYPE timestamptz", pgVersion, timeZone)).rewrite).toBe(rewrite);
  });

  it("explains itself in notes", async () => {
    const [analysis] = await analyzeSql("ALTER TABLE t ADD COLUMN b float8 DEFAULT random()");
    expect(analysis?.notes.join(" ")).toMatch(/volatile/i);
    expect(analysis).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 51, kind: "add_column" });
  });

  it("never locks a relation the statement creates", async () => {
    const [analysis] = await analyzeSql("CREATE TABLE fresh (id int PRIMARY KEY)");
    expect(analysis?.locks).toEqual([]);
  });

  it("gives a syntax error an analysis without locks", async () => {
    const [, analysis] = await analyzeSql("SELECT 1; ALTER TABLE;");
    expect(analysis).toMatchObject({ kind: "syntax_error", locks: [], rewrite: false });
  });

  it("clamps unsupported versions to the nearest supported one", () => {
    const statement = parseSqlSync("ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1)").statements[0];
    if (statement === undefined) throw new Error("no statement");
    expect(analyzeStatement(statement, { pgVersion: 9 as PgVersion }).locks[0]?.mode).toBe("AccessExclusiveLock");
    expect(analyzeStatement(statement, { pgVersion: 99 as PgVersion }).locks[0]?.mode).toBe("ShareUpdateExclusiveLock");
  });
});

describe("coverage", () => {
  it("models at least 60 distinct statement forms, each classified", async () => {
    const names = new Set(LOCK_MODEL_CASES.map((testCase) => testCase.name));
    expect(names.size).toBe(LOCK_MODEL_CASES.length);
    expect(names.size).toBeGreaterThanOrEqual(60);
    const kinds = new Set<string>();
    for (const testCase of LOCK_MODEL_CASES) {
      const analyses = await analyzeSql(testCase.sql);
      expect(analyses).toHaveLength(1);
      expect(analyses[0]?.kind, testCase.name).not.toMatch(/^(other|syntax_error)$/);
      kinds.add(analyses[0]?.kind ?? "");
    }
    expect(kinds.size).toBeGreaterThanOrEqual(60);
  });
});
