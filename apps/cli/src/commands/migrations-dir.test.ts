import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";
import { project } from "./lint-fixtures.js";

/** Issue 12: `lint` and `preflight` read the config's `migrations.dir`, relative to the config file, not the cwd. */
describe("the config's migrations.dir", () => {
  const files = {
    "confiture.config.yaml": "migrations:\n  dir: db/migrations\n",
    "db/migrations/001_users.up.sql": "CREATE TABLE users (id bigint PRIMARY KEY);\n",
    "db/migrations/001_users.down.sql": "DROP TABLE users;\n",
    "db/migrations/002_drop.up.sql": "SET lock_timeout = '1s';\nDROP TABLE users;\n",
  };

  it("is where lint looks by default, from the project root and from a subdirectory", async () => {
    const root = await project(files);
    await mkdir(join(root, "src", "deep"), { recursive: true });
    for (const cwd of [root, join(root, "src", "deep")]) {
      const io = memoryIo({ cwd });
      const code = await run(["lint", "--format", "json"], io);
      const parsed = JSON.parse(io.out());
      expect(parsed.summary.files).toBe(3);
      expect(parsed.findings).toContainEqual(
        expect.objectContaining({ ruleId: "ban-drop-table", file: expect.stringMatching(/002_drop\.up\.sql$/) }),
      );
      expect(code).toBe(parsed.summary.errors > 0 ? 1 : 0);
    }
  });

  it("is where preflight looks by default, from a subdirectory", async () => {
    const root = await project(files);
    await mkdir(join(root, "src"), { recursive: true });
    const io = memoryIo({ cwd: join(root, "src"), env: { CONFITURE_METRICS: "off" } });
    await run(["preflight", "--no-trace", "--format", "json"], io);
    const report = JSON.parse(io.out());
    expect(report.pending.map((entry: { file: string }) => entry.file.replace(/.*db\/migrations\//, ""))).toEqual([
      "001_users.up.sql",
      "002_drop.up.sql",
    ]);
  });
});
