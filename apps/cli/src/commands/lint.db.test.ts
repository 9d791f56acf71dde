import { describe, expect, it } from "vitest";
import { base, lintIn, project } from "./lint-fixtures.js";
const liveLibrary = `export default { name: "live", version: "1.0.0", rules: [{
      id: "server-version", version: "1.0.0",
      meta: { description: "Report the server.", severity: "info", messages: { version: "server {{version}}" } },
      create: (context) => ({ live: async (database) => {
        const { rows } = await database.query("SELECT current_setting('server_version_num') AS version");
        context.report({ messageId: "version", data: { version: String(rows[0].version).slice(0, 2) }, location: { line: 1, column: 1 } });
      } }),
    }] };`;

describe("confiture lint --db", () => {
  it("runs live rules against --db", async () => {
    const directory = await project({
      ...base,
      "live.mjs": liveLibrary,
      "confiture.config.json": JSON.stringify({ lint: { useGeneral: false } }),
    });
    const withoutDatabase = await lintIn(directory, ["migrations/001_a.up.sql", "--library", "./live.mjs", "--format", "json"]);
    expect(JSON.parse(withoutDatabase.out).findings).toEqual([]);
    const withDatabase = await lintIn(directory, [
      "migrations/001_a.up.sql",
      "--library",
      "./live.mjs",
      "--db",
      "pglite:",
      "--format",
      "json",
    ]);
    expect(withDatabase.code).toBe(0);
    expect(JSON.parse(withDatabase.out).findings.map((finding: { message: string }) => finding.message)).toEqual([
      expect.stringMatching(/^server 1\d$/),
    ]);
  });

  it.runIf(process.env.DATABASE_URL !== undefined)("runs live rules against the PostgreSQL server of DATABASE_URL", async () => {
    const directory = await project({
      ...base,
      "live.mjs": liveLibrary,
      "confiture.config.json": JSON.stringify({ lint: { useGeneral: false } }),
    });
    const result = await lintIn(directory, [
      "migrations/001_a.up.sql",
      "--library",
      "./live.mjs",
      "--db",
      process.env.DATABASE_URL!,
      "--format",
      "json",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).findings.map((finding: { message: string }) => finding.message)).toEqual([
      expect.stringMatching(/^server 1\d$/),
    ]);
    expect(result.out + result.err).not.toContain("password");
  });
});
