import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseQueryError, DatabaseUsageError } from "./errors.js";
import { openDatabase } from "./open-database.js";
import { describeEachDatabase } from "./testing/describe-each-database.js";
import { databaseTargets } from "./testing/open-test-database.js";

describeEachDatabase("Database", (getDatabase, target) => {
  it("runs parameterised queries and scripts", async () => {
    const database = getDatabase();
    await database.exec("CREATE TABLE items (id bigint PRIMARY KEY, label text); INSERT INTO items VALUES (1, 'one');");
    const inserted = await database.query("INSERT INTO items VALUES ($1, $2), ($3, $4)", [2, "two", 9007199254740993n, "huge"]);
    expect(inserted.rowCount).toBe(2);
    const { rows } = await database.query<{ id: unknown; label: string }>(
      "SELECT id, label FROM items WHERE id >= $1 ORDER BY id",
      [2],
    );
    // bigint columns: numbers when they fit, BigInt beyond 2^53, the same on both drivers.
    expect(rows).toEqual([
      { id: 2, label: "two" },
      { id: 9007199254740993n, label: "huge" },
    ]);
  });

  it("reports the server's major version", async () => {
    const major = await getDatabase().serverMajorVersion();
    if (target.name === "pglite") expect(major).toBe(18);
    else expect(major).toBeGreaterThanOrEqual(11);
  });

  it("commits a transaction and rolls it back when the work throws", async () => {
    const database = getDatabase();
    await database.exec("CREATE TABLE ledger (amount int)");
    await database.transaction(async (tx) => {
      await tx.query("INSERT INTO ledger VALUES ($1)", [10]);
    });
    const failure = await database
      .transaction(async (tx) => {
        await tx.query("INSERT INTO ledger VALUES ($1)", [20]);
        throw new Error("changed my mind");
      })
      .catch((error: unknown) => error);
    expect((failure as Error).message).toBe("changed my mind");
    const { rows } = await database.query<{ total: number }>("SELECT sum(amount)::int AS total FROM ledger");
    expect(rows[0]?.total).toBe(10);
  });

  it("keeps concurrent transactions apart", async () => {
    const database = getDatabase();
    await database.exec("CREATE TABLE counter (value int); INSERT INTO counter VALUES (0);");
    // Each transaction reads then writes; interleaving on one connection would lose increments.
    await Promise.all(
      Array.from({ length: 8 }, () =>
        database.transaction(async (tx) => {
          const { rows } = await tx.query<{ value: number }>("SELECT value FROM counter FOR UPDATE");
          await new Promise((resolve) => setTimeout(resolve, 2));
          await tx.query("UPDATE counter SET value = $1", [(rows[0]?.value ?? 0) + 1]);
        }),
      ),
    );
    const { rows } = await database.query<{ value: number }>("SELECT value FROM counter");
    expect(rows[0]?.value).toBe(8);
  });

  it("keeps session state inside withConnection", async () => {
    const value = await getDatabase().withConnection(async (connection) => {
      await connection.exec("SET application_name = 'confiture-test'");
      const { rows } = await connection.query<{ name: string }>("SELECT current_setting('application_name') AS name");
      return rows[0]?.name;
    });
    expect(value).toBe("confiture-test");
  });

  it("does not leak an open transaction out of withConnection", async () => {
    const database = getDatabase();
    await database.exec("CREATE TABLE abandoned (id int)");
    await database
      .withConnection(async (connection) => {
        await connection.exec("BEGIN; INSERT INTO abandoned VALUES (1);");
        throw new Error("forgot to commit");
      })
      .catch(() => undefined);
    const { rows } = await database.query("SELECT count(*)::int AS count FROM abandoned");
    expect(rows).toEqual([{ count: 0 }]);
  });

  it("normalises query errors with SQLSTATE and position", async () => {
    const database = getDatabase();
    const missing = await database.query("SELECT * FROM no_such_table").catch((error: unknown) => error);
    expect(DatabaseQueryError.isInstance(missing)).toBe(true);
    expect((missing as DatabaseQueryError).sqlState).toBe("42P01");
    expect((missing as DatabaseQueryError).position).toBe(15);
    const syntax = await database.exec("SELECT 1;\nSELEC 2").catch((error: unknown) => error);
    expect((syntax as DatabaseQueryError).sqlState).toBe("42601");
    expect((syntax as DatabaseQueryError).position).toBe(11);
    // query() takes one statement on both drivers (extended protocol); exec() takes scripts.
    const twoStatements = await database.query("SELECT 1; SELECT 2").catch((error: unknown) => error);
    expect((twoStatements as DatabaseQueryError).sqlState).toBe("42601");
    await database.exec("CREATE TABLE unique_names (name text UNIQUE); INSERT INTO unique_names VALUES ('a')");
    const duplicate = await database.query("INSERT INTO unique_names VALUES ($1)", ["a"]).catch((error: unknown) => error);
    expect((duplicate as DatabaseQueryError).sqlState).toBe("23505");
    expect((duplicate as DatabaseQueryError).detail).toContain("(name)=(a)");
    expect((duplicate as DatabaseQueryError).constraint).toBe("unique_names_name_key");
  });
});

describe("PGlite specifics", () => {
  it("persists pglite:<dir> across instances and refuses queries after close", async () => {
    const directory = await mkdtemp(join(tmpdir(), "confiture-db-"));
    try {
      const first = await openDatabase(`pglite:${join(directory, "data")}`);
      expect(first.displayUrl).toBe(`pglite:${join(directory, "data")}`);
      await first.exec("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
      await first.close();
      const closed = await first.query("SELECT 1").catch((error: unknown) => error);
      expect(DatabaseUsageError.isInstance(closed)).toBe(true);
      const second = await openDatabase(`pglite:${join(directory, "data")}`);
      const { rows } = await second.query<{ value: string }>("SELECT value FROM kept");
      expect(rows).toEqual([{ value: "still here" }]);
      // Re-entering the single connection from inside a transaction fails fast instead of deadlocking.
      const reentry = await second.transaction(() => second.query("SELECT 1")).catch((error: unknown) => error);
      expect(DatabaseUsageError.isInstance(reentry)).toBe(true);
      await second.close();
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

const server = databaseTargets().find((target) => target.name === "postgres");

describe.runIf(server !== undefined)("server URLs with a password", () => {
  it("never show the password in displayUrl or logs", async () => {
    // The test server trusts local connections, so it accepts (and ignores) any password.
    const url = new URL(server!.url!);
    url.password = "do-not-leak";
    const lines: string[] = [];
    const logger = {
      debug: (object: object, message?: string) => lines.push(JSON.stringify(object) + (message ?? "")),
      warn: () => {},
    };
    const database = await openDatabase(url.toString(), { logger });
    try {
      expect(database.displayUrl).not.toContain("do-not-leak");
      expect(database.displayUrl).toContain(":***@");
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join("\n")).not.toContain("do-not-leak");
    } finally {
      await database.close();
    }
  });
});
