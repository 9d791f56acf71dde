import { mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lintIn, project } from "./lint-fixtures.js";

// Issue 19: `ln -s /proc/self/environ m/1_x.up.sql; confiture lint m` printed the environment, and
// `ln -s . d/sub` made lint run out of memory.
describe("confiture lint on hostile inputs", () => {
  it("does not follow a link out of the directory nor print a file that is not SQL text (exit 1)", async () => {
    const outside = await mkdtemp(join(tmpdir(), "confiture-outside-"));
    await writeFile(join(outside, "env.sql"), "SELECT 'DATABASE_URL=postgres://app:hunter2@db/app';\n");
    const directory = await project({ "migrations/1_a.up.sql": "CREATE TABLE a (id int);\n" });
    await symlink(join(outside, "env.sql"), join(directory, "migrations", "2_x.up.sql"));
    await writeFile(join(directory, "migrations", "3_bin.up.sql"), Buffer.from("PGPASSWORD=hunter2\0HOME=/root\0"));
    for (const format of ["text", "json"]) {
      const { code, out, err } = await lintIn(directory, ["migrations", "--format", format]);
      expect(code).toBe(1);
      expect(out + err).not.toContain("hunter2");
      if (format === "json") {
        const findings = JSON.parse(out).findings.filter((finding: { ruleId: string }) => finding.ruleId === "input-error");
        expect(findings.map((finding: { file: string; messageId: string }) => [finding.file, finding.messageId])).toEqual([
          ["migrations/2_x.up.sql", "symlinkOutside"],
          ["migrations/3_bin.up.sql", "notSqlText"],
        ]);
      } else expect(out).toMatch(/outside the linted directory: not followed/);
    }
  });

  it("reports a link loop and finishes", { timeout: 60_000 }, async () => {
    const directory = await project({ "d/1_a.up.sql": "CREATE TABLE a (id int);\n" });
    await symlink(".", join(directory, "d", "sub"));
    for (const target of ["d", "d/**/*.sql"]) {
      const { code, out } = await lintIn(directory, [target, "--format", "json"]);
      const parsed = JSON.parse(out);
      expect(parsed.summary.files).toBe(1);
      if (target === "d") {
        expect(code).toBe(1);
        expect(parsed.findings).toContainEqual(
          expect.objectContaining({ ruleId: "input-error", messageId: "symlinkLoop", file: "d/sub" }),
        );
      }
    }
  });
});
