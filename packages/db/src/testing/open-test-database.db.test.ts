import { describe, expect, it } from "vitest";
import { openDatabase } from "../open-database.js";
import { databaseTargets, openTestDatabase } from "./open-test-database.js";

describe("databaseTargets", () => {
  it("adds the server only when DATABASE_URL is set", () => {
    expect(databaseTargets({})).toEqual([{ name: "pglite" }]);
    expect(databaseTargets({ DATABASE_URL: "postgres://u@h/d" })).toEqual([
      { name: "pglite" },
      { name: "postgres", url: "postgres://u@h/d" },
    ]);
  });
});

const server = databaseTargets().find((target) => target.name === "postgres");

describe.runIf(server !== undefined)("openTestDatabase on a server", () => {
  it("creates an isolated database per call and drops it on dispose", async () => {
    const target = server!;
    const names: string[] = [];
    {
      await using first = await openTestDatabase(target);
      await using second = await openTestDatabase(target);
      names.push(first.name, second.name);
      expect(first.name).not.toBe(second.name);
      expect(first.name).toMatch(/^confiture_test_[0-9a-f]{12}$/);
      await first.exec("CREATE TABLE only_here (id int)");
      const visible = await second.query("SELECT 1 FROM pg_class WHERE relname = 'only_here'");
      expect(visible.rows).toHaveLength(0);
    }
    const admin = await openDatabase(target.url);
    try {
      const left = await admin.query("SELECT datname FROM pg_database WHERE datname = ANY($1::text[])", [names]);
      expect(left.rows).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});
