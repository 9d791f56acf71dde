import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { plugin } from "../commands/lint-fixtures.js";
import { run } from "../main.js";
import { findConfigFile, loadConfig } from "./load-config.js";

async function tree(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confiture-search-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(directory, name, ".."), { recursive: true });
    if (!name.endsWith("/")) await writeFile(join(directory, name), content);
  }
  return directory;
}

describe("finding the config from the working directory upwards", () => {
  it("finds the repository's config from a subdirectory, as ESLint and squawk do", async () => {
    const root = await tree({
      ".git/HEAD": "ref: refs/heads/main\n",
      "confiture.config.yaml": "lint:\n  libraries:\n    - '@confiture/rules-hipaa'\n",
      "migrations/nested/": "",
    });
    const loaded = await loadConfig({ cwd: join(root, "migrations", "nested") });
    expect(loaded.path).toBe(join(root, "confiture.config.yaml"));
    expect(loaded.directory).toBe(root);
  });

  it("stops at the repository root: a config above the directory holding .git is not used", async () => {
    const outer = await tree({ "confiture.config.json": "{}", "project/.git/HEAD": "x\n", "project/migrations/": "" });
    expect(findConfigFile(join(outer, "project", "migrations"))).toBeUndefined();
    expect(findConfigFile(join(outer, "project"))).toBeUndefined();
    // Without a .git in between, the search goes on up and finds it.
    const plain = await tree({ "confiture.config.json": "{}", "a/b/": "" });
    expect(findConfigFile(join(plain, "a", "b"))).toBe(join(plain, "confiture.config.json"));
  });

  it("keeps the configured libraries when run from migrations/, and names the config in JSON and with --verbose", async () => {
    const root = await tree({
      ".git/HEAD": "x\n",
      "node_modules/confiture-plugin-acme/package.json": JSON.stringify({
        name: "confiture-plugin-acme",
        type: "module",
        exports: "./index.js",
      }),
      "node_modules/confiture-plugin-acme/index.js": plugin,
      "confiture.config.yaml": "lint:\n  libraries:\n    - confiture-plugin-acme\n",
      "migrations/001_a.up.sql": "SELECT 1;\n",
    });
    const io = memoryIo({ cwd: join(root, "migrations") });
    expect(await run(["rules", "--format", "json", "--verbose"], io)).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.config).toBe(join(root, "confiture.config.yaml"));
    expect(new Set(report.rules.map((rule: { library: string }) => rule.library))).toEqual(new Set(["general", "acme"]));
    expect(io.err()).toContain(`confiture: config ${join(root, "confiture.config.yaml")}`);
  });

  it("says when no config is in force: config null in JSON, and a --verbose line", async () => {
    const root = await tree({ ".git/HEAD": "x\n" });
    const io = memoryIo({ cwd: root });
    expect(await run(["rules", "--format", "json", "--verbose"], io)).toBe(0);
    expect(JSON.parse(io.out()).config).toBeNull();
    expect(io.err()).toMatch(/no confiture\.config\.\* in .* or above it/);
  });
});

describe("misspelt keys", () => {
  const cases: Array<[string, string, string]> = [
    ["risk:\n  maxlevel: HIGH\n", "risk.maxlevel", "maxLevel"],
    ["slo:\n  enviroment: production\n", "slo.enviroment", "environment"],
    [
      "hooks:\n  hook:\n    - name: backup\n      phase: before_execute\n      kind: shell\n      command: 'true'\n",
      "hooks.hook",
      "hooks",
    ],
    ["hooks:\n  - name: backup\n    phase: before_execute\n    kind: shell\n    comand: 'true'\n", "hooks.0.comand", "command"],
    ["migrations:\n  lockRetry:\n    retry: 3\n", "migrations.lockRetry.retry", "retries"],
    ["profile:\n  regression:\n    relativeTreshold: 0.1\n", "profile.regression.relativeTreshold", "relativeThreshold"],
    ["risk:\n  weights:\n    lockTim: 0.35\n", "risk.weights.lockTim", "lockTime"],
    ["lint:\n  rule:\n    ban-drop-table: off\n", "lint.rule", "rules"],
    ["database:\n  uri: 'pglite:'\n", "database.uri", "url"],
    ["lnit: {}\n", "lnit", "lint"],
    [
      "lint:\n  settings:\n    shared:\n      classification:\n        notSensitve: [audit.note]\n",
      "lint.settings.shared.classification.notSensitve",
      "notSensitive",
    ],
    [
      "lint:\n  settings:\n    runnerWrapsInTransacton: false\n",
      "lint.settings.runnerWrapsInTransacton",
      "runnerWrapsInTransaction",
    ],
  ];
  for (const [yaml, path, suggestion] of cases) {
    it(`rejects ${path} with exit 2, the key path and "did you mean ${suggestion}"`, async () => {
      const root = await tree({ ".git/HEAD": "x\n", "confiture.config.yaml": yaml });
      const io = memoryIo({ cwd: root });
      expect(await run(["rules"], io)).toBe(2);
      expect(io.err()).toContain(`${path}: unknown key (did you mean "${suggestion}"?)`);
      expect(io.err()).toContain(join(root, "confiture.config.yaml"));
    });
  }

  it("names an unknown key without a suggestion when nothing is close", async () => {
    const root = await tree({ ".git/HEAD": "x\n", "confiture.config.yaml": "slo:\n  zzzzzzzz: 1\n" });
    const io = memoryIo({ cwd: root });
    expect(await run(["rules", "--format", "json"], io)).toBe(2);
    const document = JSON.parse(io.out());
    expect(document.error.code).toBe("CONFITURE_USAGE");
    expect(document.error.message).toMatch(/slo\.zzzzzzzz: unknown key$/m);
  });
});
