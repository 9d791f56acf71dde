// @ts-check
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { userRepository } from "./user-repository.js";

// pre-commit itself comes from PyPI, which this machine cannot reach: the test checks the manifest's
// shape as pre-commit reads it and runs each hook's entry the way pre-commit does for
// `language: system` with `pass_filenames: false` (the entry split on spaces, run in the repository).
const run = promisify(execFile);
const root = resolve(import.meta.dirname, "..", "..");
/** @type {Array<Record<string, unknown>>} */
const hooks = parse(readFileSync(join(root, ".pre-commit-hooks.yaml"), "utf8"));

async function runEntry(entry, cwd) {
  const [command, ...args] = String(entry).split(" ");
  return run(/** @type {string} */ (command), args, { cwd, env: { ...process.env, NO_COLOR: "1" } }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error) => ({ code: error.code, stdout: error.stdout }),
  );
}

describe(".pre-commit-hooks.yaml", () => {
  it("declares hooks with the keys pre-commit requires", () => {
    expect(hooks.map((hook) => hook.id)).toEqual(["confiture-lint", "confiture-lint-fix"]);
    for (const hook of hooks) {
      expect(hook).toMatchObject({
        name: expect.any(String),
        entry: expect.stringMatching(/confiture lint/),
        language: "system",
      });
      expect(() => new RegExp(String(hook.files))).not.toThrow();
      expect(new RegExp(String(hook.files)).test("migrations/0001_init.up.sql")).toBe(true);
    }
  });

  it("the lint hook's entry fails the commit on an error and passes a safe migration", async () => {
    const entry = hooks[0]?.entry;
    const bad = userRepository({
      "migrations/0001_index.up.sql": "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n",
    });
    const failed = await runEntry(entry, bad);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/ban-concurrent-index-creation-in-transaction/);
    const good = userRepository({
      "migrations/0001_init.up.sql": "CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);\n",
    });
    expect((await runEntry(entry, good)).code).toBe(0);
  });

  it("the fix hook's entry rewrites the migration with the safe fix", async () => {
    const directory = userRepository({
      "confiture.config.json": JSON.stringify({ lint: { settings: { runnerWrapsInTransaction: false } } }),
      "migrations/0001_index.up.sql": "SET lock_timeout = '2s';\nCREATE INDEX users_email_idx ON users (email);\n",
    });
    await runEntry(hooks[1]?.entry, directory);
    expect(readFileSync(join(directory, "migrations", "0001_index.up.sql"), "utf8")).toContain("CREATE INDEX CONCURRENTLY");
  });
});
