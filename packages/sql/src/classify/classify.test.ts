import { beforeAll, describe, expect, it } from "vitest";
import { parseSqlSync } from "../parse.js";
import { loadParser } from "../parser.js";
import { relationKey } from "../relations.js";
import { STATEMENT_KINDS, subcommandKinds } from "./index.js";

beforeAll(async () => {
  await loadParser();
});

function only(sql: string) {
  const statement = parseSqlSync(sql).statements[0];
  if (statement === undefined) throw new Error(`no statement in ${sql}`);
  return statement;
}

describe("statement kinds", () => {
  it.each([
    ["CREATE TABLE t (id int)", "create_table"],
    ["CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)", "create_table"],
    ["CREATE TABLE t AS SELECT 1", "create_table_as"],
    ["ALTER TABLE t ADD COLUMN a int", "add_column"],
    ["ALTER TABLE t DROP COLUMN a", "drop_column"],
    ["ALTER TABLE t ALTER COLUMN a TYPE bigint", "alter_column_type"],
    ["ALTER TABLE t ALTER COLUMN a SET NOT NULL", "set_not_null"],
    ["ALTER TABLE t ALTER COLUMN a DROP NOT NULL", "drop_not_null"],
    ["ALTER TABLE t ALTER COLUMN a SET DEFAULT 1", "set_default"],
    ["ALTER TABLE t ALTER COLUMN a DROP DEFAULT", "drop_default"],
    ["ALTER TABLE t ADD CONSTRAINT c FOREIGN KEY (a) REFERENCES u (id)", "add_foreign_key"],
    ["ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)", "add_check_constraint"],
    ["ALTER TABLE t ADD CONSTRAINT c UNIQUE (a)", "add_unique_constraint"],
    ["ALTER TABLE t ADD PRIMARY KEY (a)", "add_primary_key"],
    ["ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX i", "add_constraint_using_index"],
    ["ALTER TABLE t VALIDATE CONSTRAINT c", "validate_constraint"],
    ["ALTER TABLE t DROP CONSTRAINT c", "drop_constraint"],
    ["ALTER TABLE t RENAME COLUMN a TO b", "rename_column"],
    ["ALTER TABLE t RENAME TO u", "rename_table"],
    ["ALTER TABLE t RENAME CONSTRAINT c TO d", "rename_constraint"],
    ["CREATE INDEX i ON t (a)", "create_index"],
    ["CREATE INDEX CONCURRENTLY i ON t (a)", "create_index_concurrently"],
    ["DROP INDEX i", "drop_index"],
    ["DROP INDEX CONCURRENTLY i", "drop_index_concurrently"],
    ["REINDEX TABLE t", "reindex"],
    ["REINDEX INDEX CONCURRENTLY i", "reindex_concurrently"],
    ["DROP TABLE t", "drop_table"],
    ["TRUNCATE t", "truncate"],
    ["CREATE VIEW v AS SELECT 1", "create_view"],
    ["CREATE MATERIALIZED VIEW m AS SELECT 1", "create_materialized_view"],
    ["REFRESH MATERIALIZED VIEW m", "refresh_materialized_view"],
    ["REFRESH MATERIALIZED VIEW CONCURRENTLY m", "refresh_materialized_view_concurrently"],
    ["ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1)", "attach_partition"],
    ["ALTER TABLE p DETACH PARTITION p1", "detach_partition"],
    ["ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY", "detach_partition_concurrently"],
    ["ALTER TABLE t ENABLE ROW LEVEL SECURITY", "enable_rls"],
    ["ALTER TABLE t DISABLE ROW LEVEL SECURITY", "disable_rls"],
    ["ALTER TABLE t FORCE ROW LEVEL SECURITY", "force_rls"],
    ["CREATE POLICY p ON t USING (true)", "create_policy"],
    ["ALTER POLICY p ON t USING (false)", "alter_policy"],
    ["DROP POLICY p ON t", "drop_policy"],
    ["CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()", "create_trigger"],
    ["DROP TRIGGER tr ON t", "drop_trigger"],
    ["ALTER TABLE t ENABLE TRIGGER tr", "enable_trigger"],
    ["ALTER TABLE t DISABLE TRIGGER ALL", "disable_trigger"],
    ["COMMENT ON TABLE t IS 'x'", "comment"],
    ["GRANT SELECT ON t TO r", "grant"],
    ["REVOKE SELECT ON t FROM r", "revoke"],
    ["CREATE TYPE c AS (a int)", "create_type"],
    ["CREATE TYPE e AS ENUM ('a')", "create_enum"],
    ["ALTER TYPE e ADD VALUE 'b'", "add_enum_value"],
    ["CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'", "create_function"],
    ["CREATE EXTENSION pgcrypto", "create_extension"],
    ["CREATE SEQUENCE s", "create_sequence"],
    ["ALTER SEQUENCE s RESTART", "alter_sequence"],
    ["VACUUM t", "vacuum"],
    ["VACUUM (FULL) t", "vacuum_full"],
    ["VACUUM (FULL false) t", "vacuum"],
    ["VACUUM (FULL off, ANALYZE) t", "vacuum"],
    ["VACUUM (FULL 0) t", "vacuum"],
    ["VACUUM (FULL true) t", "vacuum_full"],
    ["REINDEX (CONCURRENTLY false) TABLE t", "reindex"],
    ["ANALYZE t", "analyze"],
    ["CLUSTER t USING i", "cluster"],
    ["INSERT INTO t VALUES (1)", "insert"],
    ["UPDATE t SET a = 1", "update"],
    ["DELETE FROM t", "delete"],
    ["SELECT 1", "select"],
    ["COPY t FROM STDIN", "copy"],
    ["SET statement_timeout = 0", "set"],
    ["SET LOCAL lock_timeout = '1s'", "set"],
    ["RESET ALL", "set"],
    ["BEGIN", "begin"],
    ["COMMIT", "commit"],
    ["ROLLBACK", "rollback"],
    ["SAVEPOINT s", "savepoint"],
    ["CREATE SCHEMA s", "create_schema"],
    ["DROP SCHEMA s", "drop_schema"],
    ["CREATE ROLE r", "create_role"],
    ["ALTER ROLE r LOGIN", "alter_role"],
    ["SECURITY LABEL ON TABLE t IS 'x'", "security_label"],
    ["LOCK TABLE t", "lock_table"],
    ["DO $$ BEGIN END $$", "do_block"],
    ["DROP DATABASE d", "drop_database"],
    ["CREATE DATABASE d", "create_database"],
    ["LISTEN channel", "other"],
  ])("%s -> %s", (sql, kind) => {
    expect(only(sql).kind).toBe(kind);
    expect(STATEMENT_KINDS).toContain(kind);
  });

  it("names an ALTER TABLE by its most significant subcommand and lists each", () => {
    const statement = only(
      "ALTER TABLE t ADD COLUMN a int, ALTER COLUMN b TYPE bigint, ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)",
    );
    expect(statement.kind).toBe("alter_column_type");
    expect(subcommandKinds(statement)).toEqual(["add_column", "alter_column_type", "add_foreign_key"]);
    expect(subcommandKinds(only("SELECT 1"))).toEqual(["select"]);
  });

  it("lists STATEMENT_KINDS sorted, without duplicates, in snake_case", () => {
    expect([...STATEMENT_KINDS].sort()).toEqual(STATEMENT_KINDS);
    expect(new Set(STATEMENT_KINDS).size).toBe(STATEMENT_KINDS.length);
    for (const kind of STATEMENT_KINDS) expect(kind).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});

describe("relations", () => {
  it.each([
    [
      "ALTER TABLE public.users ADD CONSTRAINT f FOREIGN KEY (o) REFERENCES billing.orgs (id)",
      ["users:target", "billing.orgs:referenced"],
    ],
    ["CREATE TABLE t (id int REFERENCES u (id), LIKE v)", ["t:target:created", "u:referenced", "v:referenced"]],
    ["CREATE INDEX i ON s.t (a)", ["s.t:target", "s.i:target:created"]],
    ["DROP TABLE a, s.b", ["a:target", "s.b:target"]],
    ["DROP TRIGGER tr ON s.t", ["s.t:target"]],
    ["COMMENT ON COLUMN s.t.c IS 'x'", ["s.t:target"]],
    ["INSERT INTO t SELECT * FROM u JOIN v USING (id)", ["t:target", "u:referenced", "v:referenced"]],
    ["WITH x AS (SELECT * FROM u) SELECT * FROM x", ["u:referenced"]],
    ["ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1)", ["p:target", "p1:target"]],
    ["GRANT SELECT ON ALL TABLES IN SCHEMA s TO r", []],
    ["VACUUM a, b", ["a:target", "b:target"]],
  ])("%s", (sql, expected) => {
    const described = only(sql).relations.map(
      (relation) => `${relationKey(relation)}:${relation.role}${relation.created ? ":created" : ""}`,
    );
    expect(described).toEqual(expected);
  });
});
