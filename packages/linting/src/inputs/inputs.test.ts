import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../engine/lint.js";
import { formatFindings } from "../reporters/index.js";
import { inputFinding } from "./input-finding.js";
import { readSqlFile } from "./read-sql-file.js";
import { followLinkWithin, walkSqlDirectory } from "./walk-sql-directory.js";

async function scratch(): Promise<string> {
  return mkdtemp(join(tmpdir(), "confiture-inputs-"));
}

describe("walkSqlDirectory", () => {
  it("does not follow a link that leaves the directory, and says so", async () => {
    const root = await scratch();
    const outside = await scratch();
    await writeFile(join(outside, "secret.sql"), "SELECT 'password';\n");
    await writeFile(join(root, "1_a.up.sql"), "SELECT 1;\n");
    await symlink(join(outside, "secret.sql"), join(root, "2_b.up.sql"));
    await symlink(outside, join(root, "elsewhere"));
    const walk = await walkSqlDirectory(root);
    expect(walk.files).toEqual([join(root, "1_a.up.sql")]);
    expect(walk.problems.map((problem) => [problem.path, problem.kind])).toEqual([
      [join(root, "2_b.up.sql"), "symlinkOutside"],
      [join(root, "elsewhere"), "symlinkOutside"],
    ]);
  });

  it("follows a link that stays inside the directory", async () => {
    const root = await scratch();
    await mkdir(join(root, "real"));
    await writeFile(join(root, "real", "1_a.up.sql"), "SELECT 1;\n");
    await symlink(join(root, "real", "1_a.up.sql"), join(root, "2_b.up.sql"));
    const walk = await walkSqlDirectory(root);
    expect(walk.files).toEqual([join(root, "2_b.up.sql"), join(root, "real", "1_a.up.sql")]);
    expect(walk.problems).toEqual([]);
  });

  it("reports link loops and ends (ln -s . sub, a link to itself)", async () => {
    const root = await scratch();
    await writeFile(join(root, "1_a.up.sql"), "SELECT 1;\n");
    await mkdir(join(root, "d"));
    await writeFile(join(root, "d", "2_b.up.sql"), "SELECT 2;\n");
    await symlink(".", join(root, "d", "sub"));
    await symlink("..", join(root, "d", "up"));
    await symlink("self.sql", join(root, "self.sql"));
    const walk = await walkSqlDirectory(root);
    expect(walk.files).toEqual([join(root, "1_a.up.sql"), join(root, "d", "2_b.up.sql")]);
    expect(walk.problems.map((problem) => [problem.path, problem.kind]).sort()).toEqual([
      [join(root, "d", "sub"), "symlinkLoop"],
      [join(root, "d", "up"), "symlinkLoop"],
      [join(root, "self.sql"), "symlinkLoop"],
    ]);
  });
});

describe("followLinkWithin (glob matches)", () => {
  it("refuses a matched link whose target leaves the glob's base", async () => {
    const root = await scratch();
    await symlink("/proc/self/environ", join(root, "1_x.up.sql"));
    expect(await followLinkWithin(join(root, "1_x.up.sql"), root)).toEqual({
      problem: { path: join(root, "1_x.up.sql"), kind: "symlinkOutside", detail: expect.stringMatching(/^\/proc\//) },
    });
  });
});

describe("readSqlFile", () => {
  it("reads UTF-8 SQL text", async () => {
    const root = await scratch();
    await writeFile(join(root, "a.sql"), "SELECT 'é';\n");
    expect(await readSqlFile(join(root, "a.sql"))).toEqual({ source: "SELECT 'é';\n" });
  });

  it("refuses a file with a NUL byte or bytes that are not UTF-8, without returning its content", async () => {
    const root = await scratch();
    await writeFile(join(root, "nul.sql"), Buffer.from("PGPASSWORD=hunter2\0HOME=/root\0"));
    await writeFile(join(root, "latin1.sql"), Buffer.from([0x53, 0x45, 0x4c, 0xe9, 0x0a]));
    expect(await readSqlFile(join(root, "nul.sql"))).toEqual({
      problem: { path: join(root, "nul.sql"), kind: "notSqlText", detail: "a NUL byte at offset 18" },
    });
    expect(await readSqlFile(join(root, "latin1.sql"))).toMatchObject({ problem: { kind: "notSqlText" } });
  });

  it("does not wait on a FIFO", { timeout: 10_000 }, async () => {
    const root = await scratch();
    execFileSync("mkfifo", [join(root, "pipe.sql")]);
    expect(await readSqlFile(join(root, "pipe.sql"))).toMatchObject({ problem: { kind: "notRegularFile", detail: "a FIFO" } });
  });
});

describe("input findings in a lint run", () => {
  it("are errors in every report, and never carry the file's content", async () => {
    const root = await scratch();
    await writeFile(join(root, "nul.sql"), Buffer.from("PGPASSWORD=hunter2\0"));
    const read = await readSqlFile(join(root, "nul.sql"));
    if (!("problem" in read)) throw new Error("expected a problem");
    const result = await lint({ files: [], inputFindings: [inputFinding(read.problem, "nul.sql")] });
    expect(result.summary.errors).toBe(1);
    expect(result.findings[0]).toMatchObject({ ruleId: "input-error", library: "core", file: "nul.sql" });
    for (const format of ["text", "json", "sarif", "junit", "github"] as const) {
      expect(formatFindings(result, format, { color: false, cwd: root, toolVersion: "0" })).not.toContain("hunter2");
    }
  });
});
