import { describe, expect, it } from "vitest";
import { MigrationFilesError } from "./errors.js";
import { checksumOf, type MigrationFile } from "./files.js";
import { prepareMigration } from "./prepare.js";

function file(upSql: string, downSql?: string): MigrationFile {
  return {
    version: "1",
    name: "test",
    upPath: "/m/1_test.up.sql",
    upSql,
    checksum: checksumOf(upSql),
    ...(downSql === undefined ? {} : { downPath: "/m/1_test.down.sql", downSql }),
  };
}

describe("prepareMigration", () => {
  it("splits with the parser and records what the lock model says per statement", async () => {
    const prepared = await prepareMigration(
      file("CREATE TABLE items (id int);\nALTER TABLE items ADD COLUMN code text NOT NULL DEFAULT 'x';\n"),
      "up",
      15,
    );
    expect(prepared.transactional).toBe(true);
    expect(
      prepared.statements.map((statement) => [statement.index, statement.kind, statement.line, statement.targetTable]),
    ).toEqual([
      [0, "create_table", 1, "public.items"],
      [1, "add_column", 2, "public.items"],
    ]);
    expect(prepared.statements[1]?.lockMode).toBe("AccessExclusiveLock");
  });

  it("runs a file with CREATE INDEX CONCURRENTLY outside a transaction and knows the index it builds", async () => {
    const prepared = await prepareMigration(
      file("CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY t_a ON app.t (a);\n"),
      "up",
      15,
    );
    expect(prepared.transactional).toBe(false);
    expect(prepared.statements.map((statement) => statement.transactional)).toEqual([true, false]);
    expect(prepared.statements[1]?.createsIndex).toEqual({ schema: "app", name: "t_a" });
  });

  it("honours the -- confiture: no-transaction and transaction directives, only outside statements", async () => {
    expect(
      (await prepareMigration(file("-- confiture: no-transaction\nCREATE TABLE t (a int);\n"), "up", 15)).transactional,
    ).toBe(false);
    expect((await prepareMigration(file("--  Confiture: transaction\nVACUUM t;\n"), "up", 15)).transactional).toBe(true);
    const inBody = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n-- confiture: no-transaction\nSELECT 1\n$$;\n";
    expect((await prepareMigration(file(inBody), "up", 15)).transactional).toBe(true);
  });

  it("refuses syntax errors and transaction control before anything runs", async () => {
    await expect(prepareMigration(file("CREATE TABLE ok (a int);\nCREATE TABEL bad (a int);\n"), "up", 15)).rejects.toThrow(
      /\/m\/1_test\.up\.sql:2:\d+: syntax error/,
    );
    await expect(prepareMigration(file("BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;\n"), "up", 15)).rejects.toSatisfy(
      (error) => MigrationFilesError.isInstance(error) && /transaction control/.test(error.message),
    );
  });

  it("needs a down file to revert", async () => {
    await expect(prepareMigration(file("CREATE TABLE t (a int);"), "down", 15)).rejects.toThrow(/has no down file/);
    const down = await prepareMigration(file("CREATE TABLE t (a int);", "DROP TABLE t;"), "down", 15);
    expect(down.statements.map((statement) => statement.kind)).toEqual(["drop_table"]);
    expect(down.path).toBe("/m/1_test.down.sql");
  });
});
