import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

async function project(config: unknown, files: Record<string, string> = {}): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confiture-hooks-cli-"));
  await writeFile(join(directory, "confiture.config.json"), JSON.stringify(config));
  for (const [name, content] of Object.entries(files)) await writeFile(join(directory, name), content);
  return directory;
}

const config = {
  hooks: {
    phases: { after_execute: { strategy: "dag", concurrency: 2 } },
    hooks: [
      { name: "grant-readers", phase: "after_execute", kind: "sql", file: "grant.sql", dependsOn: ["refresh-views"] },
      { name: "refresh-views", phase: "after_execute", kind: "sql", file: "refresh.sql" },
      {
        name: "notify",
        phase: "after_execute",
        kind: "webhook",
        url: "https://hooks.example.com/T000/B000",
        errorStrategy: "alert-only",
      },
      { name: "backup", phase: "before_execute", kind: "shell", command: "pg_dump --schema-only > /dev/null", priority: -1 },
      { name: "check-replicas", phase: "before_execute", kind: "shell", command: "true", priority: 5 },
    ],
  },
};
const files = {
  "grant.sql": "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;",
  "refresh.sql": "REFRESH MATERIALIZED VIEW stats;",
};

describe("confiture hooks", () => {
  it("lists the hooks of each phase in start order, with strategy, priority and dependencies", async () => {
    const io = memoryIo({ cwd: await project(config, files) });
    expect(await run(["hooks", "list"], io)).toBe(0);
    const text = io.out();
    expect(text).toContain("before_execute  (sequential, fail-fast)");
    expect(text).toContain("after_execute  (dag, fail-fast, 2 at once)");
    expect(text).toMatch(/1\. backup\s+shell · priority -1 · in the migration's transaction/);
    // A webhook runs after the COMMIT on its own connection: the network never holds the migration's locks.
    expect(text).toMatch(/notify\s+webhook · priority 0 · after COMMIT, own connection · alert-only/);
    expect(text).toMatch(/2\. check-replicas\s+shell · priority 5/);
    expect(text).toMatch(/1\. refresh-views\s+sql · priority 0 · in the migration's transaction/);
    expect(text).toMatch(/grant-readers\s+sql · priority 0 · in the migration's transaction · after refresh-views/);
    expect(text.indexOf("before_execute")).toBeLessThan(text.indexOf("after_execute"));
  });

  it("prints the list as JSON", async () => {
    const io = memoryIo({ cwd: await project(config, files) });
    expect(await run(["hooks", "list", "--format", "json", "--phase", "after_execute"], io)).toBe(0);
    const output = JSON.parse(io.out());
    expect(output.phases).toHaveLength(1);
    expect(output.phases[0]).toMatchObject({
      phase: "after_execute",
      strategy: "dag",
      concurrency: 2,
      errorStrategy: "fail-fast",
    });
    expect(output.phases[0].hooks.map((hook: { name: string }) => hook.name)).toEqual([
      "refresh-views",
      "grant-readers",
      "notify",
    ]);
    expect(output.phases[0].hooks[1]).toMatchObject({ kind: "sql", dependsOn: ["refresh-views"], transaction: "inside" });
    expect(output.phases[0].hooks[2]).toMatchObject({ kind: "webhook", errorStrategy: "alert-only", transaction: "outside" });
  });

  it("draws the graph as Mermaid and DOT", async () => {
    const cwd = await project(config, files);
    const mermaid = memoryIo({ cwd });
    expect(await run(["hooks", "graph", "--format", "mermaid"], mermaid)).toBe(0);
    expect(mermaid.out()).toContain('subgraph p1["after_execute (dag)"]');
    expect(mermaid.out()).toContain('p1_0["refresh-views"]');
    expect(mermaid.out()).toContain("p1_0 --> p1_1");
    expect(mermaid.out()).toContain("p0_0 --> p0_1");

    const dot = memoryIo({ cwd });
    expect(await run(["hooks", "graph", "--format", "dot"], dot)).toBe(0);
    expect(dot.out()).toContain('"after_execute/refresh-views" -> "after_execute/grant-readers";');
    expect(dot.out()).toContain('"before_execute/backup" -> "before_execute/check-replicas";');
  });

  it("reports a dependency cycle as a configuration error naming it (exit 2)", async () => {
    const cyclic = {
      hooks: {
        phases: { after_execute: { strategy: "dag" } },
        hooks: [
          { name: "a", phase: "after_execute", kind: "shell", command: "true", dependsOn: ["b"] },
          { name: "b", phase: "after_execute", kind: "shell", command: "true", dependsOn: ["a"] },
        ],
      },
    };
    const io = memoryIo({ cwd: await project(cyclic) });
    expect(await run(["hooks", "graph", "--format", "mermaid"], io)).toBe(2);
    expect(io.err()).toMatch(/dependency cycle in phase "after_execute": (a -> b -> a|b -> a -> b)/);
  });

  it("loads hook modules written in TypeScript", async () => {
    const typed = {
      // Name and phase come from the module's declaration; the entry tunes the priority.
      hooks: { hooks: [{ module: "./hooks.ts", export: "check", priority: 3 }] },
    };
    const source =
      "export const check = { name: 'typed', phase: 'before_validate', description: 'typed module', run: (context: { migrations: unknown[] }) => ({ success: context.migrations.length >= 0 }) };\n";
    const io = memoryIo({ cwd: await project(typed, { "hooks.ts": source }) });
    expect(await run(["hooks", "list", "--format", "json"], io)).toBe(0);
    expect(JSON.parse(io.out()).phases[0].hooks[0]).toMatchObject({
      name: "typed",
      kind: "module",
      priority: 3,
      description: "typed module",
    });
  });

  it("refuses a module entry whose phase contradicts the module's own declaration (exit 2)", async () => {
    const moved = { hooks: { hooks: [{ name: "typed", phase: "after_execute", module: "./hooks.ts", export: "check" }] } };
    const source = "export const check = { name: 'typed', phase: 'before_validate', run: () => ({ success: true }) };\n";
    const io = memoryIo({ cwd: await project(moved, { "hooks.ts": source }) });
    expect(await run(["hooks", "list"], io)).toBe(2);
    expect(io.err()).toContain('config says phase "after_execute" but module "./hooks.ts" declares phase "before_validate"');
  });

  it("says so when there are no hooks, and rejects an unknown phase", async () => {
    const empty = memoryIo({ cwd: await project({}) });
    expect(await run(["hooks", "list"], empty)).toBe(0);
    expect(empty.out()).toContain("No hooks configured");
    const wrong = memoryIo({ cwd: await project({}) });
    expect(await run(["hooks", "list", "--phase", "before_lunch"], wrong)).toBe(2);
    expect(wrong.err()).toContain("--phase must be one of");
  });
});
