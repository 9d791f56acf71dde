import { openDatabase } from "@confiture/db";
import { describe, expect, it } from "vitest";
import { migrationDirectory } from "./__fixtures__/migrations.js";
import { migrationStatus } from "./status.js";
import { migrateUp } from "./up.js";

// Issue 19: a truncated or damaged tracking table on PGlite made `status` report everything pending, ok.
describe("status on a damaged tracking table (PGlite)", () => {
  it.each([
    ["truncated", "TRUNCATE confiture.migrations CASCADE"],
    ["dropped", "DROP SCHEMA confiture CASCADE"],
  ])("says the tracking is inconsistent when it was %s, and is not ok", { timeout: 120_000 }, async (_how, damage) => {
    const directory = await migrationDirectory({
      "1_accounts.up.sql": "CREATE TABLE accounts (id int PRIMARY KEY);\nCREATE INDEX accounts_id ON accounts (id);\n",
      "2_orders.up.sql": "CREATE TABLE IF NOT EXISTS orders (id int);\nCREATE VIEW account_ids AS SELECT id FROM accounts;\n",
      "3_later.up.sql": "CREATE TABLE later (id int);\n",
    });
    const database = await openDatabase("pglite:");
    try {
      const applied = await migrateUp({ database, directory, to: "2" });
      expect(applied.completed).toHaveLength(2);
      expect((await migrationStatus({ database, directory })).ok).toBe(true);

      await database.exec(damage);
      const report = await migrationStatus({ database, directory });
      expect(report.ok).toBe(false);
      expect(report.inconsistencies).toEqual([
        { version: "1", name: "accounts", existing: ["public.accounts", "public.accounts_id"] },
        { version: "2", name: "orders", existing: ["public.account_ids"] },
      ]);
      expect(report.migrations.find((entry) => entry.version === "1")?.problem).toMatch(/inconsistent tracking/);
      // The migration that really is pending is not called inconsistent.
      expect(report.migrations.find((entry) => entry.version === "3")).toMatchObject({ state: "pending" });
      expect(report.migrations.find((entry) => entry.version === "3")?.problem).toBeUndefined();
    } finally {
      await database.close();
    }
  });
});
