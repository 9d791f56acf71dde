import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.js";
import { loadConfig } from "./load-config.js";
import { loadLibrary } from "./resolve-libraries.js";

async function project(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confiture-config-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(directory, name, ".."), { recursive: true });
    await writeFile(join(directory, name), content);
  }
  return directory;
}

const pluginSource = `
export default {
  name: "acme",
  version: "1.2.0",
  engine: "^1",
  rules: {
    "no-select": {
      id: "no-select",
      version: "1.0.0",
      meta: { description: "Disallow SELECT.", severity: "warning", messages: { found: "A select." } },
      create: (context) => ({ statement: ({ statement }) => { if (statement.kind === "select") context.report({ messageId: "found" }); } }),
    },
  },
};
`;

describe("loadConfig", () => {
  it("returns defaults when there is no config file", async () => {
    const directory = await project({});
    const loaded = await loadConfig({ cwd: directory });
    expect(loaded.path).toBeUndefined();
    expect(loaded.config).toEqual({});
  });

  it("reads JSON, YAML and TypeScript configs, in that search order's priority", async () => {
    const json = await project({ "confiture.config.json": JSON.stringify({ lint: { rules: { "ban-drop-table": "warn" } } }) });
    expect((await loadConfig({ cwd: json })).config.lint?.rules).toEqual({ "ban-drop-table": "warn" });
    const yaml = await project({ "confiture.config.yaml": 'lint:\n  pgVersion: 14\ndatabase:\n  url: "pglite:"\n' });
    const loadedYaml = await loadConfig({ cwd: yaml });
    expect(loadedYaml.config.lint?.pgVersion).toBe(14);
    expect(loadedYaml.config.database?.url).toBe("pglite:");
    const ts = await project({
      "confiture.config.ts": "const pgVersion: number = 15;\nexport default { lint: { pgVersion }, hooks: [] };\n",
      "confiture.config.json": "{}",
    });
    const loadedTs = await loadConfig({ cwd: ts });
    expect(loadedTs.path).toMatch(/confiture\.config\.ts$/);
    expect(loadedTs.config.lint?.pgVersion).toBe(15);
    expect(loadedTs.config.hooks).toEqual([]);
  });

  it("names the file and the key path of every problem, as a usage error", async () => {
    const directory = await project({
      "confiture.config.json": JSON.stringify({ lint: { rules: { x: "loud" }, overrides: [{ files: [] }] }, lnit: {} }),
    });
    const attempt = loadConfig({ cwd: directory });
    await expect(attempt).rejects.toThrow(UsageError);
    const message = await loadConfig({ cwd: directory }).catch((error: Error) => error.message);
    expect(message).toContain(join(directory, "confiture.config.json"));
    expect(message).toMatch(/lint\.rules\.x: /);
    expect(message).toMatch(/lint\.overrides\.0\.files: /);
    expect(message).toMatch(/lnit/);
  });

  it("reports unreadable files and a missing --config path", async () => {
    const directory = await project({ "confiture.config.json": "{ not json" });
    await expect(loadConfig({ cwd: directory })).rejects.toThrow(/cannot read the configuration/);
    await expect(loadConfig({ cwd: directory, path: "missing.json" })).rejects.toThrow(/does not exist/);
  });
});

describe("loadLibrary", () => {
  it("resolves an npm package from the project's node_modules, like ESLint plugins", async () => {
    const directory = await project({
      "node_modules/confiture-plugin-acme/package.json": JSON.stringify({
        name: "confiture-plugin-acme",
        type: "module",
        exports: { ".": { import: "./index.js" } },
      }),
      "node_modules/confiture-plugin-acme/index.js": pluginSource,
    });
    const library = await loadLibrary("confiture-plugin-acme", directory);
    expect(library.name).toBe("acme");
    expect(Object.keys(library.rules)).toEqual(["no-select"]);
    expect(library.recommended).toEqual(["no-select"]);
  });

  it("loads a library by relative path and explains a missing package", async () => {
    const directory = await project({ "rules/acme.mjs": pluginSource });
    expect((await loadLibrary("./rules/acme.mjs", directory)).name).toBe("acme");
    await expect(loadLibrary("confiture-plugin-missing", directory)).rejects.toThrow(
      /cannot find the rule library "confiture-plugin-missing"/,
    );
  });

  it("refuses a module that exports no library", async () => {
    const directory = await project({ "not-a-library.mjs": "export default { hello: 1 };" });
    await expect(loadLibrary("./not-a-library.mjs", directory)).rejects.toThrow(/does not export a rule library/);
  });
});
