import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// What a command loads, counted in a real process: the CLI imports a command's module only when it
// runs, so `--version` and `lint` never load a database driver, PGlite, or the risk, migrate,
// performance and monitoring packages (issue 16: start-up you do not notice, a light install).
const root = join(import.meta.dirname, "..", "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const bin = join(root, "apps", "cli", "src", "bin.ts");
const recorder = join(import.meta.dirname, "__fixtures__", "record-modules.mjs");

/** Runs confiture and returns the URLs of the modules it loaded. */
async function loadedModules(args: string[], cwd: string, env: Record<string, string> = {}) {
  const record = join(cwd, "modules.txt");
  await writeFile(record, "");
  const result = spawnSync(tsx, ["--conditions=@confiture/source", "--import", recorder, bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CONFITURE_RECORD_MODULES: record, HOME: cwd, ...env },
    timeout: 120_000,
  });
  const modules = (await readFile(record, "utf8")).split("\n").filter(Boolean);
  return { result, modules };
}

const drivers = [
  /\/@electric-sql\/pglite\//,
  /\/node_modules\/pg\//,
  /\/packages\/(db|risk|migrate|performance|hooks)\/src\/index\.ts/,
  /\/@confiture\/(db|risk|migrate|performance|hooks)\/dist\/index\.js/,
];
const statistics = [/\/simple-statistics\//, /\/@stdlib\//, /\/monitoring\/(src\/index\.ts|dist\/index\.js)/];

const matching = (modules: string[], patterns: RegExp[]) =>
  modules.filter((url) => patterns.some((pattern) => pattern.test(url)));

async function project(config?: string): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), "confiture-start-up-"));
  await writeFile(join(cwd, "20240101000000_add.up.sql"), "ALTER TABLE users ADD COLUMN age integer;\n");
  if (config !== undefined) await writeFile(join(cwd, "confiture.config.json"), config);
  return cwd;
}

describe("start-up", () => {
  it("prints --version without loading any command", { timeout: 120_000 }, async () => {
    const { result, modules } = await loadedModules(["--version"], await project());
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(modules.filter((url) => /\/commands\/(?!index\.)|@confiture\/|\/packages\//.test(url))).toEqual([]);
  });

  it("lints without loading a database driver, PGlite, statistics or the heavy packages", { timeout: 120_000 }, async () => {
    // A full config: every section is still checked, from the packages' light ./config subpaths.
    const config = JSON.stringify({
      migrations: { directory: "." },
      risk: { maxLevel: "HIGH" },
      slo: { environment: "staging" },
      hooks: [],
      lint: { rules: { "ban-drop-table": "error" } },
    });
    const cwd = await project(config);
    const { result, modules } = await loadedModules(["lint", "--format", "json"], cwd, { CONFITURE_METRICS: "off" });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).summary.files).toBe(1);
    expect(modules.some((url) => url.includes("/packages/linting/"))).toBe(true);
    expect(matching(modules, drivers)).toEqual([]);
    expect(matching(modules, statistics)).toEqual([]);
  });

  it("stores lint metrics (unless CONFITURE_METRICS=off) without loading a database driver", { timeout: 120_000 }, async () => {
    const cwd = await project();
    const { result, modules } = await loadedModules(["lint", "."], cwd);
    expect(result.status, result.stderr).toBe(0);
    expect(await readFile(join(cwd, ".confiture", "metrics.jsonl"), "utf8")).toContain('"lint"');
    // Storing them loads @confiture/monitoring (and its statistics), never a driver.
    expect(matching(modules, drivers)).toEqual([]);
  });

  it("still checks a section of a full config when lint loads it", { timeout: 120_000 }, async () => {
    const cwd = await project(JSON.stringify({ risk: { maxLevl: "HIGH" } }));
    const { result } = await loadedModules(["lint", "."], cwd, { CONFITURE_METRICS: "off" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('risk.maxLevl: unknown key (did you mean "maxLevel"?)');
  });
});

describe("a lint-only install (the optional packages missing)", () => {
  const hidden = {
    CONFITURE_METRICS: "off",
    CONFITURE_HIDE_PACKAGES:
      "@confiture/db,@confiture/risk,@confiture/migrate,@confiture/hooks,@confiture/performance,@confiture/monitoring",
  };

  it("lints, and says what to install for a command that needs more", { timeout: 180_000 }, async () => {
    const cwd = await project(JSON.stringify({ risk: { maxLevel: "HIGH" }, lint: {} }));
    const lint = await loadedModules(["lint", ".", "--format", "json"], cwd, hidden);
    expect(lint.result.status, lint.result.stderr).toBe(0);
    expect(JSON.parse(lint.result.stdout).summary.statements).toBe(1);
    const preflight = await loadedModules(["preflight", ".", "--format", "json"], cwd, hidden);
    expect(preflight.result.status).toBe(2);
    expect(preflight.result.stderr).toContain(
      "confiture preflight needs @confiture/risk, which is not installed (a lint-only install leaves it out): npm install --save-dev @confiture/risk @confiture/migrate @confiture/db",
    );
    expect(JSON.parse(preflight.result.stdout).error.code).toBe("CONFITURE_USAGE");
    const withDatabase = await loadedModules(["lint", ".", "--db", "pglite:"], cwd, hidden);
    expect(withDatabase.result.status).toBe(2);
    expect(withDatabase.result.stderr).toContain("confiture lint --db needs @confiture/db");
  });

  it("still lists every command in --help", { timeout: 120_000 }, async () => {
    const { result } = await loadedModules(["--help"], await project(), hidden);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/lint \[options\] \[paths\.\.\.\]\s+lint migration files/);
    expect(result.stdout).toMatch(/migrate\s+\(not installed: npm install --save-dev\s+@confiture\/(db|migrate)\s/);
  });
});
