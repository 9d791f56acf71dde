import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryIo } from "../io.js";
import { run } from "../main.js";

/** Test fixtures shared by the lint command's tests: a project with a plugin library installed by name. */
export const plugin = `
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

export async function project(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confiture-lint-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(directory, name, ".."), { recursive: true });
    await writeFile(join(directory, name), content);
  }
  return directory;
}

export const base = {
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

export async function lintIn(directory: string, args: string[], stdin?: string) {
  const io = memoryIo({ cwd: directory, ...(stdin === undefined ? {} : { stdin }) });
  const code = await run(["lint", ...args], io);
  return { code, out: io.out(), err: io.err() };
}
