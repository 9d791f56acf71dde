import { databaseTargets, openTestDatabase } from "@confiture/db/testing";
import { describe, expect, it } from "vitest";
import { DatabaseMetricsStore } from "./database-store.js";

describe.each(databaseTargets())("DatabaseMetricsStore on $name", (target) => {
  it("keeps the newest samples in confiture.metrics", async () => {
    const database = await openTestDatabase(target);
    try {
      const store = new DatabaseMetricsStore(database, 3);
      await store.append([1, 2].map((value) => ({ operation: "op", value, timestamp: Date.UTC(2026, 0, 1) + value })));
      await store.append(
        [3, 4].map((value) => ({ operation: "op", value, timestamp: Date.UTC(2026, 0, 1) + value, environment: "ci" })),
      );
      const samples = await new DatabaseMetricsStore(database, 3).readAll();
      expect(samples.map((sample) => sample.value)).toEqual([2, 3, 4]);
      expect(samples[2]).toEqual({ operation: "op", value: 4, timestamp: Date.UTC(2026, 0, 1) + 4, environment: "ci" });
    } finally {
      await database.close();
    }
  });
});
