import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadHooksFromConfig, parseHooksConfig } from "./config.js";
import { HookConfigError } from "./errors.js";
import { HookPhase } from "./events.js";
import { HookExecutor } from "./executor.js";

let baseDir = "";
beforeAll(async () => {
  baseDir = await mkdtemp(join(tmpdir(), "confiture-hooks-config-"));
  await writeFile(join(baseDir, "grant.sql"), "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;\n");
  await writeFile(
    join(baseDir, "hooks.mjs"),
    [
      "export function announce(context) { return { success: true, message: 'announced ' + context.migration.version }; }",
      "export const audit = { name: 'audit', phase: 'after_execute', priority: 7, run: () => ({ success: false, message: 'audit says no' }) };",
      "export const backup = { name: 'backup', phase: 'before_execute', timeoutMs: 60000, run: () => ({ success: true }) };",
      "export default () => ({ success: true, message: 'default export' });",
    ].join("\n"),
  );
});
afterAll(async () => {
  await rm(baseDir, { recursive: true, force: true });
});

const context = { migration: { version: "20240101", name: "init" } };

describe("hooksConfigSchema", () => {
  it("names the key path of each mistake", () => {
    const attempt = () =>
      parseHooksConfig({
        phases: { before_execute: { strategy: "random" } },
        hooks: [
          { name: "ok", phase: "before_execute", kind: "shell", command: "true" },
          { name: "bad-url", phase: "after_execute", kind: "webhook", url: "not a url" },
          { name: "bad-phase", phase: "before_lunch", kind: "sql", file: "x.sql" },
        ],
      });
    expect(attempt).toThrowError(HookConfigError);
    expect(attempt).toThrowError(/phases\.before_execute\.strategy/);
    expect(attempt).toThrowError(/hooks\.1\.url/);
    expect(attempt).toThrowError(/hooks\.2\.phase/);
  });

  it("accepts a bare list of hooks and infers the kind of functions and modules", () => {
    const parsed = parseHooksConfig([
      { name: "inline", phase: "before_execute", run: () => undefined },
      { name: "from-module", phase: "before_execute", module: "./hooks.mjs" },
    ]);
    expect(parsed.hooks.map((entry) => entry.kind)).toEqual(["function", "module"]);
    expect(parsed.hooks[1]).toMatchObject({ export: "default" });
  });
});

describe("loadHooksFromConfig", () => {
  it("builds inline, module, sql, shell and webhook hooks, with the phase settings", async () => {
    const loaded = await loadHooksFromConfig(
      {
        defaults: { errorStrategy: "fail-safe" },
        phases: { after_execute: { strategy: "dag" } },
        circuitBreaker: { failureThreshold: 2 },
        hooks: [
          { name: "inline", phase: "after_execute", run: () => ({ success: true, message: "inline ran" }) },
          { name: "announce", phase: "after_execute", module: "./hooks.mjs", export: "announce", dependsOn: ["inline"] },
          { name: "audit", phase: "after_execute", module: "./hooks.mjs", export: "audit", priority: 1 },
          { name: "default", phase: "after_execute", module: "./hooks.mjs" },
          { name: "grant", phase: "after_execute", kind: "sql", file: "grant.sql" },
          { name: "echo", phase: "after_execute", kind: "shell", command: "echo done", timeoutMs: 5000 },
          { name: "notify", phase: "after_execute", kind: "webhook", url: "http://127.0.0.1:9/hook", retries: 1 },
          { name: "off", phase: "after_execute", kind: "shell", command: "false", enabled: false },
          { name: "seeds", phase: "after_execute", kind: "shell", command: "false", environments: ["local"] },
        ],
      },
      { baseDir, environment: "production" },
    );
    expect(loaded.options).toEqual({
      defaults: { errorStrategy: "fail-safe" },
      phases: { after_execute: { strategy: "dag" } },
      circuitBreaker: { failureThreshold: 2 },
    });
    expect(loaded.hooks.map((hook) => [hook.name, hook.kind])).toEqual([
      ["inline", "function"],
      ["announce", "module"],
      ["audit", "module"],
      ["default", "module"],
      ["grant", "sql"],
      ["echo", "shell"],
      ["notify", "webhook"],
    ]);
    // The config may tune what the module declares (priority) but restates its name and phase.
    expect(loaded.hooks[2]).toMatchObject({ name: "audit", phase: "after_execute", priority: 1 });
    expect(loaded.hooks.find((hook) => hook.name === "grant")?.transaction).toBe("inside");

    const executed: string[] = [];
    const executor = new HookExecutor(loaded.options).registerAll(loaded.hooks.filter((hook) => hook.kind !== "webhook"));
    const result = await executor.runPhase(HookPhase.AFTER_EXECUTE, {
      ...context,
      sql: { exec: async (sql) => void executed.push(sql) },
    });
    const byName = Object.fromEntries(result.results.map((entry) => [entry.hook, entry]));
    expect(byName.inline?.message).toBe("inline ran");
    expect(byName.announce?.message).toBe("announced 20240101");
    expect(byName.audit).toMatchObject({ status: "failed" });
    expect(byName.default?.message).toBe("default export");
    expect(byName.grant?.status).toBe("completed");
    expect(byName.echo?.message).toBe("done");
    expect(executed).toEqual(["GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;\n"]);
  });

  it("fails a sql hook where the phase has no SQL executor, and skips it in a dry run", async () => {
    const loaded = await loadHooksFromConfig([{ name: "grant", phase: "after_validate", kind: "sql", file: "grant.sql" }], {
      baseDir,
    });
    const executor = new HookExecutor({ defaults: { errorStrategy: "fail-safe" } }).registerAll(loaded.hooks);
    const plain = await executor.runPhase(HookPhase.AFTER_VALIDATE, { migrations: [] });
    expect(plain.results[0]?.error?.message).toMatch(/no SQL executor in the after_validate context/);
    const dry = await executor.runPhase(HookPhase.AFTER_VALIDATE, { migrations: [], dryRun: true });
    expect(dry.results[0]).toMatchObject({ status: "completed", message: "dry run: SQL not executed" });
  });

  it("takes a module hook's name and phase from its declaration when the entry leaves them out", async () => {
    const loaded = await loadHooksFromConfig([{ module: "./hooks.mjs", export: "backup" }], { baseDir });
    expect(loaded.hooks).toHaveLength(1);
    expect(loaded.hooks[0]).toMatchObject({ name: "backup", phase: "before_execute", timeoutMs: 60000, kind: "module" });
  });

  it("refuses a config entry that contradicts the module's declared phase or name", async () => {
    // The config used to win silently: a backup hook moved to another phase would never run where its author meant.
    await expect(
      loadHooksFromConfig([{ name: "backup", phase: "after_execute", module: "./hooks.mjs", export: "backup" }], { baseDir }),
    ).rejects.toThrowError(/config says phase "after_execute" but module ".\/hooks.mjs" declares phase "before_execute"/);
    await expect(
      loadHooksFromConfig([{ name: "nightly-backup", module: "./hooks.mjs", export: "backup" }], { baseDir }),
    ).rejects.toThrowError(/config says name "nightly-backup" but module ".\/hooks.mjs" declares name "backup"/);
  });

  it("asks for the name and phase of a plain function export, which declares neither", async () => {
    await expect(loadHooksFromConfig([{ module: "./hooks.mjs", export: "announce" }], { baseDir })).rejects.toThrowError(
      /exports a plain function "announce", which declares no name or phase: give `name` and `phase`/,
    );
    await expect(
      loadHooksFromConfig([{ name: "announce", module: "./hooks.mjs", export: "announce" }], { baseDir }),
    ).rejects.toThrowError(/declares no phase: give `phase`/);
  });

  it("reports a missing file, module or export as a config error", async () => {
    await expect(
      loadHooksFromConfig([{ name: "x", phase: "after_execute", kind: "sql", file: "missing.sql" }], { baseDir }),
    ).rejects.toThrowError(/hook "x": cannot read SQL file missing.sql/);
    await expect(
      loadHooksFromConfig([{ name: "y", phase: "after_execute", module: "./nope.mjs" }], { baseDir }),
    ).rejects.toThrowError(/hook "y": cannot load module ".\/nope.mjs"/);
    await expect(
      loadHooksFromConfig([{ name: "z", phase: "after_execute", module: "./hooks.mjs", export: "absent" }], { baseDir }),
    ).rejects.toThrowError(/has no function or hook export named "absent"/);
  });
});
