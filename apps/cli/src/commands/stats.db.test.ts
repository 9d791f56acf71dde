import { mkdtemp, readFile } from "node:fs/promises";
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

  it("calibrates the embedded database and stores the result beside the config", async () => {
    const io = await project();
    expect(await run(["calibrate", "--rows", "2000", "--format", "json"], io)).toBe(0);
    const { location, calibration } = JSON.parse(io.out());
    expect(location).toBe(join(io.cwd, ".confiture", "calibration.json"));
    expect(JSON.parse(await readFile(location, "utf8"))).toEqual(calibration);
    expect(io.err()).toContain("calibrating");
    // Before any measurement, it says that it measures the embedded WebAssembly database, not a server.
    const lines = io.err().split("\n");
    const notice = lines.findIndex((line) => line.includes("measures the embedded WebAssembly database"));
    const firstProgress = lines.findIndex((line) => line.startsWith("calibrating on"));
    expect(notice).toBeGreaterThanOrEqual(0);
    expect(notice).toBeLessThan(firstProgress);
    expect(JSON.parse(io.out()).target).toMatchObject({ driver: "pglite", directory: null });
  });
});
