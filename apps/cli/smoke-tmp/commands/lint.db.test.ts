import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

const plugin = `
const kindRule = (id, kind, severity, squawk) => ({
  id,
  version: "1.0.0",
  meta: {
    description: "Disallow " + kind + ".",
    severity,
    messages: { found: "Found {{kind}}." },
    ...(squawk ? { equivalents: { squawk } } : {}),
  },
  create: (context) => ({
    statement: ({ statement }) => {
      if (statement.kind === kind) context.report({ messageId: "found", data: { kind } });
    },
  }),
});
export default {
  name: "acme",
  version: "2.1.0",
  engine: "^1",
  rules: [kindRule("no-drop", "drop_table", "error", "ban-drop-table"), kindRule("no-truncate", "truncate", "warning")],
};
`;

async function project(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confiture-lint-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(directory, name, ".."), { recursive: true });
    await writeFile(join(directory, name), content);
  }
  return directory;
}

const base = {
  "node_modules/confiture-plugin-acme/package.json": JSON.stringify({
    name: "confiture-plugin-acme",
    type: "module",
    exports: "./index.js",
  }),
  "node_modules/confiture-plugin-acme/index.js": plugin,
  "confiture.config.json": JSON.stringify({ lint: { useGeneral: false, libraries: ["confiture-plugin-acme"] } }),
  "migrations/001_a.up.sql": "CREATE TABLE a (id int);\n",
  "migrations/002_b.up.sql": "TRUNCATE a;\n",
};

async function lintIn(directory: string, args: string[], stdin?: string) {
  const io = memoryIo({ cwd: directory, ...(stdin === undefined ? {} : { stdin }) });
  const code = await run(["lint", ...args], io);
  return { code, out: io.out(), err: io.err() };
}

const liveLibrary = `export default { name: "live", version: "1.0.0", rules: [{
      id: "server-version", version: "1.0.0",
      meta: { description: "Report the server.", severity: "info", messages: { version: "server {{version}}" } },
      create: (context) => ({ live: async (database) => {
        const { rows } = await database.query("SELECT current_setting('server_version_num') AS version");
        context.report({ messageId: "version", data: { version: String(rows[0].version).slice(0, 2) }, location: { line: 1, column: 1 } });
      } }),
    }] };`;

describe("confiture lint --db", () => {
  it("runs live rules against --db", async () => {
    const directory = await project({
      ...base,
      "live.mjs": liveLibrary,
      "confiture.config.json": JSON.stringify({ lint: { useGeneral: false } }),
    });
    const withoutDatabase = await lintIn(directory, ["migrations/001_a.up.sql", "--library", "./live.mjs", "--format", "json"]);
    expect(JSON.parse(withoutDatabase.out).findings).toEqual([]);
    const withDatabase = await lintIn(directory, [
      "migrations/001_a.up.sql",
      "--library",
      "./live.mjs",
      "--db",
      "pglite:",
      "--format",
      "json",
    ]);
    expect(withDatabase.code).toBe(0);
    expect(JSON.parse(withDatabase.out).findings.map((finding: { message: string }) => finding.message)).toEqual([
      expect.stringMatching(/^server 1\d$/),
    ]);
  });

  it.runIf(process.env.DATABASE_URL !== undefined)("runs live rules against the PostgreSQL server of DATABASE_URL", async () => {
    const directory = await project({
      ...base,
      "live.mjs": liveLibrary,
      "confiture.config.json": JSON.stringify({ lint: { useGeneral: false } }),
    });
    const result = await lintIn(directory, [
      "migrations/001_a.up.sql",
      "--library",
      "./live.mjs",
      "--db",
      process.env.DATABASE_URL!,
      "--format",
      "json",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).findings.map((finding: { message: string }) => finding.message)).toEqual([
      expect.stringMatching(/^server 1\d$/),
    ]);
    expect(result.out + result.err).not.toContain("password");
  });
});
