import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { loadConfig } from "./load-config.js";

// Issue 19: a YAML syntax error printed the offending lines, password included.
describe("config syntax errors", () => {
  it.each([
    ["confiture.config.yaml", "database:\n  url: postgres://app:hunter2@db/app: x\n"],
    ["confiture.config.yml", "database:\n  password: hunter2: extra\n"],
    ["confiture.config.yaml", 'hooks:\n  headers:\n    X-Api-Key: "hunter2\n'],
    ["confiture.config.json", '{"database": {"password": hunter2}}'],
  ])("%s: say where, and mask secret values in the excerpt", async (name, text) => {
    const directory = await mkdtemp(join(tmpdir(), "confiture-config-secret-"));
    await writeFile(join(directory, name), text);
    const error = await loadConfig({ cwd: directory }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(UsageError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`cannot read the configuration ${join(directory, name)}`);
    expect((error as Error).message).not.toContain("hunter2");
  });
});
