import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

async function project() {
  const cwd = await mkdtemp(join(tmpdir(), "confiture-cli-stats-"));
  return memoryIo({ cwd, env: { CONFITURE_METRICS: "off" } });
}

describe("confiture stats export and calibrate on an embedded database", () => {
  it("exports a snapshot file that risk then reads", async () => {
    const io = await project();
    expect(await run(["stats", "export", "--db", "pglite:", "-o", "stats.json", "--format", "json"], io)).toBe(0);
    const written = JSON.parse(await readFile(join(io.cwd, "stats.json"), "utf8"));
    expect(written).toMatchObject({ version: 1, tables: [], activity: { maxConnections: expect.any(Number) } });
    const risk = memoryIo({ cwd: io.cwd, env: { CONFITURE_METRICS: "off" } });
    await run(
      [
        "risk",
        new URL("../../../../examples/migrations/", import.meta.url).pathname,
        "--snapshot",
        "stats.json",
        "--format",
        "json",
      ],
      risk,
    );
    expect(JSON.parse(risk.out()).inputs.source).toBe("snapshot");
  });

  it("needs a database", async () => {
    expect(await run(["stats", "export"], await project())).toBe(2);
  });

  // Slow: a real calibration of PGlite (two small generated shapes), about a minute on a loaded machine.
  it("calibrates the embedded database, stores the result beside the config, and labels it as WebAssembly", async () => {
    const io = await project();
    expect(await run(["calibrate", "--rows", "2000", "--shapes", "2", "--format", "json"], io)).toBe(0);
    const { location, calibration } = JSON.parse(io.out());
    expect(location).toBe(join(io.cwd, ".confiture", "calibration.json"));
    expect(JSON.parse(await readFile(location, "utf8"))).toEqual(calibration);
    expect(calibration.server).toMatchObject({ driver: "pglite", fingerprint: "pglite" });
    expect(io.err()).toContain("calibrating");
    // Before any measurement, it says that it measures the embedded WebAssembly database, not a server.
    const lines = io.err().split("\n");
    const notice = lines.findIndex((line) => line.includes("measures the embedded WebAssembly database"));
    const firstProgress = lines.findIndex((line) => line.startsWith("calibrating:"));
    expect(notice).toBeGreaterThanOrEqual(0);
    expect(notice).toBeLessThan(firstProgress);
    expect(JSON.parse(io.out()).target).toMatchObject({ driver: "pglite", directory: null });
    // Used for a server, it is labelled a WebAssembly measurement and its confidence drops.
    const risk = memoryIo({ cwd: io.cwd, env: { CONFITURE_METRICS: "off" } });
    const snapshot = join(io.cwd, "prod.json");
    await writeFile(
      snapshot,
      JSON.stringify({
        version: 1,
        takenAt: "2025-01-01T00:00:00.000Z",
        server: { majorVersion: 15, version: "PostgreSQL 15.8", driver: "pg", fingerprint: "system:42" },
        activity: { connections: 10, maxConnections: 100 },
        tables: [],
      }),
    );
    const file = new URL("../../../../examples/migrations/20240510140000_tighten_projects.up.sql", import.meta.url).pathname;
    await run(["risk", file, "--snapshot", snapshot, "--format", "json", "--max-level", "CRITICAL"], risk);
    const report = JSON.parse(risk.out());
    expect(report.downtime.method).toBe("calibrated");
    expect(report.downtime.caveats.join(" ")).toMatch(/WebAssembly/);
    expect(report.downtime.confidence).toBeLessThan(0.5);
  }, 240_000);
});
