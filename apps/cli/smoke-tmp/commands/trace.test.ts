import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const examples = new URL("../../../../examples/migrations/", import.meta.url).pathname;

async function project() {
  const cwd = await mkdtemp(join(tmpdir(), "confiture-cli-trace-"));
  return memoryIo({ cwd, env: { CONFITURE_METRICS: "off" } });
}

describe("confiture trace", () => {
  it("traces one file on embedded PGlite after replaying the earlier migrations of its directory", async () => {
    const io = await project();
    const code = await run(["trace", join(examples, "20240510140000_tighten_projects.up.sql"), "--format", "json"], io);
    const report = JSON.parse(io.out());
    expect(report.statements).toHaveLength(3);
    for (const statement of report.statements) {
      expect(statement.error).toBeUndefined();
      expect(statement.traced).toBe(true);
      expect(statement.measured.locks.length).toBeGreaterThan(0);
      expect(statement).toEqual(
        expect.objectContaining({ file: expect.any(String), line: expect.any(Number), model: expect.any(Object) }),
      );
    }
    expect(report.statements[0].rewrite).toBe(true);
    expect(code).toBe(0);
  });

  it("shows statements that cannot run in a transaction with the model's lock", async () => {
    const io = await project();
    await run(["trace", examples, "--format", "json"], io);
    const report = JSON.parse(io.out());
    const concurrent = report.statements.find((statement: { transactional: boolean }) => !statement.transactional);
    expect(concurrent).toMatchObject({ traced: false, locks: [{ relation: "projects", mode: "ShareUpdateExclusiveLock" }] });
    expect(report.summary.failed).toBe(0);
  });

  it("marks disagreements in the text report", async () => {
    const io = await project();
    await run(["trace", examples], io);
    expect(io.out()).toMatch(/^Traced on /);
    expect(io.out()).toMatch(/\d+ statements: \d+ agree/);
  });

  it("exits 1 when a statement fails", async () => {
    const io = await project();
    const file = join(io.cwd, "20250101000000_broken.up.sql");
    await writeFile(file, "ALTER TABLE nowhere ADD COLUMN x integer;\n");
    expect(await run(["trace", file, "--format", "json"], io)).toBe(1);
    expect(JSON.parse(io.out()).statements[0].error).toMatch(/nowhere/);
  });
});
