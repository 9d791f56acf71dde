import { spawnSync } from "node:child_process";
import { chmod, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The CLI as a process (its source through tsx, as `pnpm confiture:dev` runs it): exit codes and
// streams as a shell or CI sees them.
const root = join(import.meta.dirname, "..", "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const bin = join(root, "apps", "cli", "src", "bin.ts");
const isRoot = process.getuid?.() === 0;
const setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].find((path) => spawnSync(path, ["--version"]).status === 0);

/** Runs confiture; `unprivileged` runs it as nobody when the tests run as root, so file permissions apply. */
function confiture(args: string[], cwd: string, unprivileged = false) {
  const command = [tsx, "--conditions=@confiture/source", bin, ...args];
  const asNobody = unprivileged && isRoot ? [setpriv as string, "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
  const [program, ...rest] = [...asNobody, ...command];
  return spawnSync(program as string, rest, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CONFITURE_METRICS: "off", HOME: cwd, CONFITURE_CACHE_DIR: join(cwd, ".cache") },
    timeout: 120_000,
  });
}

async function project(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confiture-process-"));
  await chmod(directory, 0o777);
  return directory;
}

describe("the confiture process", () => {
  it.skipIf(isRoot && setpriv === undefined)(
    "exits 2 on an unreadable migration, naming the file and the reason, with the error as JSON on stdout",
    { timeout: 180_000 },
    async () => {
      const cwd = await project();
      const file = join(cwd, "20240101000000_secret.up.sql");
      await writeFile(file, "SELECT 1;\n");
      await chmod(file, 0o000);
      for (const command of ["lint", "risk"]) {
        const result = confiture([command, file, "--format", "json"], cwd, true);
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toContain(`cannot read ${file}: permission denied (EACCES)`);
        expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
        expect(JSON.parse(result.stdout).error).toMatchObject({
          code: "CONFITURE_USAGE",
          message: expect.stringContaining(file),
        });
      }
    },
  );

  it("answers a usage mistake with exit 2 and one JSON document on stdout", { timeout: 120_000 }, async () => {
    const cwd = await project();
    const result = confiture(["lint", "--format", "json", "--no-such-flag"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--no-such-flag'/);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: "CONFITURE_USAGE", message: expect.stringMatching(/unknown option/) },
      config: null,
    });
  });
});
