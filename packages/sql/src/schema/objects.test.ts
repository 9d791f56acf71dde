import { beforeAll, describe, expect, it } from "vitest";
import { loadTestParser, parseFile } from "./__fixtures__/parse.js";
import { buildSchemaModel } from "./apply.js";
import { findTable } from "./names.js";
import type { SchemaModel } from "./types.js";

beforeAll(loadTestParser);

function build(sql: string): SchemaModel {
  return buildSchemaModel([parseFile(sql)]);
}

describe("indexes", () => {
  it.each([
    ["CREATE INDEX ON t (a)", "public.t_a_idx", { columns: ["a"], expressions: [], unique: false, method: "btree" }],
    ["CREATE UNIQUE INDEX ON t (a, b)", "public.t_a_b_idx", { columns: ["a", "b"], unique: true }],
    ["CREATE INDEX ON t (lower(b))", "public.t_lower_idx", { columns: [], expressions: ["lower(b)"] }],
    ["CREATE INDEX ON t (a, (b || 'x'))", "public.t_a_expr_idx", { columns: ["a"], expressions: ["b || 'x'"] }],
    ["CREATE INDEX named ON t USING gin (b) WHERE a > 0", "public.named", { method: "gin", where: "a > 0" }],
    ["CREATE INDEX CONCURRENTLY c ON t (a) INCLUDE (b)", "public.c", { concurrently: true, include: ["b"] }],
  ])("%s", (sql, key, expected) => {
    const model = build(`CREATE TABLE t (a int, b text); ${sql}`);
    expect(model.indexes.get(key)).toMatchObject({ ...expected, table: "public.t" });
    expect(findTable(model, "t")!.indexes).toContain(key);
  });

  it("drops and renames indexes, and skips IF NOT EXISTS duplicates", () => {
    const model = build(`
      CREATE TABLE t (a int);
      CREATE INDEX i ON t (a);
      CREATE INDEX IF NOT EXISTS i ON t (a, a);
      CREATE INDEX j ON t (a);
      ALTER INDEX i RENAME TO k;
      DROP INDEX CONCURRENTLY IF EXISTS j;
    `);
    expect([...model.indexes.keys()]).toEqual(["public.k"]);
    expect(model.indexes.get("public.k")?.columns).toEqual(["a"]);
    expect(findTable(model, "t")!.indexes).toEqual(["public.k"]);
  });

  it("creates an index on a partitioned table on its partitions too, except ON ONLY", () => {
    const model = build(`
      CREATE TABLE m (a text, n int) PARTITION BY LIST (n);
      CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);
      CREATE INDEX ON m (lower(a), lower(a));
      CREATE INDEX ON ONLY m (n);
      CREATE TABLE m2 PARTITION OF m FOR VALUES IN (2);
    `);
    expect(findTable(model, "m1")!.indexes).toEqual(["public.m1_lower_lower1_idx"]);
    expect(findTable(model, "m2")!.indexes).toEqual(["public.m2_lower_lower1_idx", "public.m2_n_idx"]);
    expect(findTable(model, "m")!.indexes).toEqual(["public.m_lower_lower1_idx", "public.m_n_idx"]);
  });

  it("renames the constraint when its index is renamed", () => {
    const model = build("CREATE TABLE t (a int PRIMARY KEY); ALTER INDEX t_pkey RENAME TO t_primary");
    expect(findTable(model, "t")!.constraints[0]).toMatchObject({ name: "t_primary", index: "t_primary" });
  });
});

describe("DROP", () => {
  it("drops tables with their indexes, partitions and the foreign keys that point at them", () => {
    const model = build(`
      CREATE TABLE users (id int PRIMARY KEY);
      CREATE TABLE orders (id int, user_id int REFERENCES users);
      CREATE TABLE log (at date) PARTITION BY RANGE (at);
      CREATE TABLE log_2024 PARTITION OF log FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
      DROP TABLE users CASCADE;
      DROP TABLE IF EXISTS log, missing;
    `);
    expect([...model.tables.keys()]).toEqual(["public.orders"]);
    expect(model.indexes.size).toBe(0);
    expect(findTable(model, "orders")!.constraints).toEqual([]);
  });

  it.each([
    ["DROP VIEW v", "public.v"],
    ["DROP MATERIALIZED VIEW m", "public.m"],
  ])("%s", (sql, key) => {
    const model = build(
      `CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t; CREATE MATERIALIZED VIEW m AS SELECT a FROM t; ${sql}`,
    );
    expect(model.tables.has(key)).toBe(false);
    expect(model.tables.has("public.t")).toBe(true);
  });

  it("drops schemas with what is in them", () => {
    const model = build(`
      CREATE SCHEMA app;
      CREATE TABLE app.t (a int PRIMARY KEY);
      CREATE TYPE app.mood AS ENUM ('a');
      CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'select 1';
      CREATE TABLE kept (a int);
      DROP SCHEMA app CASCADE;
    `);
    expect([...model.tables.keys()]).toEqual(["public.kept"]);
    expect(model.schemas.has("app")).toBe(false);
    expect(model.enums.size + model.functions.size + model.indexes.size).toBe(0);
  });
});

describe("comments and security labels", () => {
  it("records and clears comments on tables and columns", () => {
    const model = build(`
      CREATE TABLE patients (id int, diagnosis text, note text);
      COMMENT ON TABLE patients IS '@phi';
      COMMENT ON COLUMN public.patients.diagnosis IS '@phi diagnosis code';
      COMMENT ON COLUMN patients.note IS 'temporary';
      COMMENT ON COLUMN patients.note IS NULL;
    `);
    const patients = findTable(model, "patients")!;
    expect(patients.comment).toBe("@phi");
    expect(patients.columns.get("diagnosis")?.comment).toBe("@phi diagnosis code");
    expect(patients.columns.get("note")?.comment).toBeUndefined();
  });

  it("records security labels per provider", () => {
    const model = build(`
      CREATE TABLE cards (pan text);
      SECURITY LABEL FOR anon ON COLUMN cards.pan IS 'MASKED WITH VALUE ''x''';
      SECURITY LABEL ON TABLE cards IS 'confidential';
      SECURITY LABEL FOR sepgsql ON TABLE cards IS 'system_u';
      SECURITY LABEL FOR sepgsql ON TABLE cards IS NULL;
    `);
    const cards = findTable(model, "cards")!;
    expect(cards.columns.get("pan")?.securityLabels).toEqual({ anon: "MASKED WITH VALUE 'x'" });
    expect(cards.securityLabels).toEqual({ default: "confidential" });
  });

  it("records a comment on a column of a table created before the migrations", () => {
    const model = build("COMMENT ON COLUMN legacy.ssn IS '@pii'");
    expect(findTable(model, "legacy")!.columns.get("ssn")).toMatchObject({ comment: "@pii", typeUnknown: true });
  });
});

describe("schemas and search_path", () => {
  it("creates tables in the schema of CREATE SCHEMA's elements and of SET search_path", () => {
    const model = build(`
      CREATE SCHEMA billing CREATE TABLE invoices (id int);
      SET search_path TO audit, public;
      CREATE TABLE events (id int);
      RESET search_path;
      CREATE TABLE plain (id int);
    `);
    expect([...model.tables.keys()]).toEqual(["billing.invoices", "audit.events", "public.plain"]);
    expect(model.schemas.has("billing")).toBe(true);
  });

  it("resets the search path at the end of each file", () => {
    const model = buildSchemaModel([
      parseFile("SET search_path = app; CREATE TABLE a (id int)"),
      parseFile("CREATE TABLE b (id int)"),
    ]);
    expect([...model.tables.keys()]).toEqual(["app.a", "public.b"]);
  });

  it("renames a schema with its objects", () => {
    const model = build(
      "CREATE SCHEMA old; CREATE TABLE old.t (a int); CREATE TYPE old.e AS ENUM ('x'); ALTER SCHEMA old RENAME TO new",
    );
    expect([...model.tables.keys()]).toEqual(["new.t"]);
    expect([...model.enums.keys()]).toEqual(["new.e"]);
  });
});
