import { mkdtemp } from "node:fs/promises";
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
    expect(code).toBe(report.summary.disagreed > 0 ? 1 : 0);
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
});
