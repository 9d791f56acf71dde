import { calibrationFixture } from "./__fixtures__/calibration.js";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Calibration } from "./calibration-schema.js";
import { calibrationFilePath, loadCalibration, saveCalibration } from "./calibration-store.js";
import { parseRiskConfig } from "./config.js";
import { CalibrationError, SnapshotError } from "./errors.js";
import { gatherRiskContext } from "./inputs.js";
import { parseSnapshot, readSnapshot, type StatisticsSnapshot, snapshotInputs, writeSnapshot } from "./snapshot.js";
import { statisticsFor } from "./table-statistics.js";

const snapshot: StatisticsSnapshot = {
  version: 1,
  takenAt: "2025-01-01T00:00:00.000Z",
  server: { majorVersion: 15, version: "PostgreSQL 15.8" },
  activity: { connections: 40, maxConnections: 100 },
  tables: [
    {
      schema: "public",
      name: "users",
      totalBytes: 3_000_000_000,
      tableBytes: 2_000_000_000,
      indexBytes: 900_000_000,
      toastBytes: 100_000_000,
      rowEstimate: 20_000_000,
      dependencies: { foreignKeysOut: 1, foreignKeysIn: 3, views: 1, triggers: 0 },
    },
    {
      schema: "billing",
      name: "invoices",
      totalBytes: 1000,
      tableBytes: 1000,
      indexBytes: 0,
      toastBytes: 0,
      rowEstimate: 10,
      dependencies: { foreignKeysOut: 0, foreignKeysIn: 0, views: 0, triggers: 2 },
    },
  ],
};

const temporaryDirectory = () => mkdtemp(join(tmpdir(), "confiture-risk-"));

describe("statistics snapshots", () => {
  it("round-trip through a file", async () => {
    const path = join(await temporaryDirectory(), "stats.json");
    await writeSnapshot(path, snapshot);
    expect(await readSnapshot(path)).toEqual(snapshot);
  });

  it("become risk inputs named as the lock model names relations", () => {
    const inputs = snapshotInputs(snapshot);
    expect(inputs.source).toBe("snapshot");
    expect(inputs.tables.map((table) => [table.relation, table.dependencies, table.source])).toEqual([
      ["users", 5, "snapshot"],
      ["billing.invoices", 2, "snapshot"],
    ]);
    expect(inputs.activity).toEqual({ connections: 40, maxConnections: 100 });
    // TOAST bytes are carried apart: a rewrite copies them too.
    expect(inputs.tables[0]?.toastBytes).toBe(100_000_000);
    expect(inputs.server).toEqual({ majorVersion: 15, version: "PostgreSQL 15.8" });
  });

  it("are validated when read, naming the bad key", async () => {
    const path = join(await temporaryDirectory(), "bad.json");
    await writeFile(path, JSON.stringify({ ...snapshot, tables: [{ ...snapshot.tables[0], rowEstimate: -1 }] }));
    await expect(readSnapshot(path)).rejects.toThrow(/tables\.0\.rowEstimate/);
    await writeFile(path, "{ not json");
    await expect(readSnapshot(path)).rejects.toSatisfy((error: unknown) => SnapshotError.isInstance(error));
    expect(() => parseSnapshot({ version: 2 })).toThrow(SnapshotError);
  });
});

describe("statisticsFor: where each table's figures come from", () => {
  const config = parseRiskConfig({ assumptions: { tables: { orders: { tableBytes: 5000, rowEstimate: 50 } } } });
  const inputs = snapshotInputs(snapshot);

  it("prefers the snapshot or database", () => {
    expect(statisticsFor("users", inputs, config, new Set()).source).toBe("snapshot");
  });
  it("treats tables created earlier in the migration set as empty", () => {
    expect(statisticsFor("fresh", inputs, config, new Set(["fresh"]))).toMatchObject({ source: "migration", rowEstimate: 0 });
  });
  it("falls back to a per-table assumption, then the default one", () => {
    expect(statisticsFor("orders", inputs, config, new Set())).toMatchObject({
      source: "assumptions",
      tableBytes: 5000,
      rowEstimate: 50,
    });
    expect(statisticsFor("other", inputs, config, new Set())).toMatchObject({
      source: "assumptions",
      tableBytes: config.assumptions.tableBytes,
      rowEstimate: config.assumptions.rowEstimate,
    });
  });
});

describe("gatherRiskContext without a database", () => {
  it("uses the snapshot when given, else assumptions", async () => {
    const directory = await temporaryDirectory();
    expect((await gatherRiskContext([], { snapshot, directory })).inputs.source).toBe("snapshot");
    expect((await gatherRiskContext([], { directory })).inputs.source).toBe("assumptions");
  });
});

const calibration: Calibration = calibrationFixture();

describe("calibration files", () => {
  it("round-trip, written atomically (no temporary file left behind)", async () => {
    const directory = await temporaryDirectory();
    expect(await loadCalibration({ directory })).toBeUndefined();
    const where = await saveCalibration(calibration, { directory });
    expect(where).toBe(calibrationFilePath(directory));
    expect(await loadCalibration({ directory })).toEqual(calibration);
    expect(await readdir(join(directory, ".confiture"))).toEqual(["calibration.json"]);
    expect(JSON.parse(await readFile(where, "utf8")).version).toBe(2);
  });

  it("treat a calibration of the old format 1 as absent: it priced every operation by one throughput", async () => {
    const directory = await temporaryDirectory();
    await saveCalibration(calibration, { directory });
    await writeFile(calibrationFilePath(directory), JSON.stringify({ version: 1, takenAt: "2024-01-01", throughput: {} }));
    expect(await loadCalibration({ directory })).toBeUndefined();
  });

  it("are validated when read", async () => {
    const directory = await temporaryDirectory();
    await saveCalibration(calibration, { directory });
    await writeFile(calibrationFilePath(directory), JSON.stringify({ ...calibration, seed: "many" }));
    await expect(loadCalibration({ directory })).rejects.toSatisfy((error: unknown) => CalibrationError.isInstance(error));
  });
});
