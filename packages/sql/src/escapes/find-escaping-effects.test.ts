import { beforeAll, describe, expect, it } from "vitest";
import { parseSql } from "../parse.js";
import { loadParser } from "../parser.js";
import { findEscapingEffects } from "./find-escaping-effects.js";

async function effectsOf(sql: string): Promise<string[]> {
  const parsed = await parseSql(sql);
  return parsed.statements.flatMap((statement) => findEscapingEffects(statement).map((item) => `${item.kind}:${item.name}`));
}

beforeAll(loadParser);

describe("findEscapingEffects", () => {
  it.each([
    ["SELECT setval('s', 1, false)", ["sequence:setval"]],
    ["SELECT nextval('s')", ["sequence:nextval"]],
    ["INSERT INTO t (id) VALUES (nextval('public.s'))", ["sequence:nextval"]],
    ["UPDATE t SET id = (SELECT pg_catalog.setval('s', 5))", ["sequence:setval"]],
    ["WITH x AS (SELECT nextval('s') AS n) SELECT * FROM x", ["sequence:nextval"]],
    ["ALTER TABLE t ALTER COLUMN id SET DEFAULT nextval('s')", ["sequence:nextval"]],
    ["SELECT dblink_exec('dbname=x', 'DELETE FROM t')", ["dblink:dblink_exec"]],
    ["SELECT * FROM dblink('dbname=x', 'SELECT 1') AS r(a int)", ["dblink:dblink"]],
    ["SELECT pg_advisory_lock(42)", ["advisory_lock:pg_advisory_lock"]],
    ["SELECT pg_try_advisory_lock_shared(1, 2)", ["advisory_lock:pg_try_advisory_lock_shared"]],
    ["SELECT lo_export(16400, '/tmp/out')", ["server_file:lo_export"]],
    ["COPY t TO '/tmp/t.csv'", ["server_file:COPY ... TO a server file"]],
    ["COPY t FROM '/tmp/t.csv'", ["server_file:COPY ... FROM a server file"]],
    ["COPY t TO PROGRAM 'gzip > /tmp/t.gz'", ["program:COPY ... TO PROGRAM"]],
    ["COPY t FROM PROGRAM 'cat /tmp/t'", ["program:COPY ... FROM PROGRAM"]],
    ["PREPARE p AS SELECT 1", ["session_state:PREPARE"]],
    ["LOAD 'auto_explain'", ["session_state:LOAD"]],
    ["DISCARD SEQUENCES", ["session_state:DISCARD"]],
    ["SELECT pg_terminate_backend(123)", ["server_control:pg_terminate_backend"]],
    ["DO $$ BEGIN PERFORM setval('s', 1); END $$", ["sequence:setval"]],
    ["DO $$ DECLARE n bigint; BEGIN n := nextval('s'); END $$", ["sequence:nextval"]],
    ["DO $$ BEGIN IF pg_try_advisory_lock(1) THEN UPDATE t SET a = 1; END IF; END $$", ["advisory_lock:pg_try_advisory_lock"]],
    [
      "DO $body$ BEGIN INSERT INTO t SELECT nextval('s') FROM dblink('x', 'y') AS r(a int); END $body$",
      ["sequence:nextval", "dblink:dblink"],
    ],
  ])("%s", async (sql, expected) => {
    expect((await effectsOf(sql)).sort()).toEqual([...expected].sort());
  });

  it.each([
    "SELECT currval('s')",
    "SET statement_timeout = '5s'",
    "SET work_mem = '64MB'",
    "SELECT set_config('lock_timeout', '2s', false)",
    "SELECT pg_notify('channel', 'payload')",
    "NOTIFY channel",
    "LISTEN channel",
    "SELECT pg_advisory_xact_lock(42)",
    "SELECT lo_create(0)",
    "ALTER SEQUENCE s RESTART WITH 100",
    "COPY t FROM STDIN",
    "COPY t TO STDOUT",
    "CREATE TABLE t (id serial PRIMARY KEY)",
    "DO $$ BEGIN EXECUTE 'SELECT 1'; END $$",
    "DO LANGUAGE plperl $$ nextval $$",
    "SELECT 'setval(1)'",
  ])("rolled back: %s", async (sql) => {
    expect(await effectsOf(sql)).toEqual([]);
  });
});
