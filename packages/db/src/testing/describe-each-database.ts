import { afterAll, beforeAll, describe } from "vitest";
import type { Database } from "../types.js";
import { type DatabaseTarget, databaseTargets, openTestDatabase, type TestDatabase } from "./open-test-database.js";

/**
 * Declare a vitest `describe` block once per database target (`<title> on pglite`, `<title> on postgres`),
 * with one fresh test database opened before its tests and dropped after them. Call `getDatabase()`
 * inside tests or hooks, not while declaring them.
 */
export function describeEachDatabase(
  title: string,
  body: (getDatabase: () => Database, target: DatabaseTarget) => void,
  targets: DatabaseTarget[] = databaseTargets(),
): void {
  for (const target of targets) {
    describe(`${title} on ${target.name}`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await openTestDatabase(target);
      });
      afterAll(async () => {
        await database?.close();
      });
      body(() => {
        if (database === undefined)
          throw new Error("The test database is opened in beforeAll: call getDatabase() inside a test or hook.");
        return database;
      }, target);
    });
  }
}
