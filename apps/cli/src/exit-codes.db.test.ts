import { mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { openDatabase } from "@confiture/db";
import { databaseTargets, openTestDatabase } from "@confiture/db/testing";
import { describe, expect, it } from "vitest";
import { EXIT_CODES, ExitCode } from "./errors.js";
import { memoryIo } from "./io.js";
import { createProgram, run } from "./main.js";
import { CommandMetrics } from "./metrics.js";

// Walks the exit-code table (0 ok, 1 findings or failures, 2 usage or configuration, 3 locked, 4 post-commit) through
// every command, with --format json wherever a command has it: stdout must then hold exactly one JSON
// document naming the config, with `error: { code, message }` when the command could not do its job.
// Database cases run on embedded PGlite (slow: marked in the file name); the lock (3) needs a server.

const clean =
  "SET lock_timeout = '1s';\nCREATE TABLE widgets (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);\n";
const files = {
  ".git/HEAD": "ref: refs/heads/main\n",
  "migrations/20240101000000_widgets.up.sql": clean,
  "migrations/20240101000000_widgets.down.sql": "DROP TABLE widgets;\n",
  "cascading/20240102000000_truncate.up.sql": "SET lock_timeout = '1s';\nTRUNCATE widgets CASCADE;\n",
  "unparsable/20240103000000_bad.up.sql": "SELECT 1;\nSELEC oops;\n",
  "rewrite.sql": "ALTER TABLE widgets ALTER COLUMN name TYPE varchar(10);\n",
  "queries.sql": "-- name: one\nSELECT 1\n",
  // A check after the COMMIT that fails: the migration stays applied (exit 4).
  "postcommit.yaml":
    "hooks:\n  hooks:\n    - name: check\n      phase: after_validate\n      kind: shell\n      command: exit 1\n",
  "empty/": "",
  "fake.up.sql/": "",
};

async function project(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confiture-exit-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(directory, name.endsWith("/") ? name : join(name, "..")), { recursive: true });
    if (!name.endsWith("/")) await writeFile(join(directory, name), content);
  }
  // A migration that points nowhere: an input that cannot be read.
  await mkdir(join(directory, "dangling"));
  await symlink(join(directory, "missing.sql"), join(directory, "dangling", "20240104000000_gone.up.sql"));
  return directory;
}

interface Case {
  /** The command path, e.g. "migrate up". */
  command: string;
  /** Arguments after the command path. */
  args: string[];
  code: number;
  /** Commands without a JSON format (hooks graph --format mermaid...) set this to false. */
  json?: boolean;
  /** False where stdout is data rather than a report (the snapshot of `stats export`): no `config` field. */
  report?: boolean;
  /** What stderr must say. */
  says?: RegExp;
}

const usage = ExitCode.usage;
const cases: Case[] = [
  { command: "preflight", args: ["migrations", "--no-trace"], code: 0 },
  { command: "preflight", args: ["cascading", "--no-trace"], code: 1 },
  { command: "preflight", args: ["nowhere", "--no-trace"], code: usage, says: /cannot read .*nowhere/ },
  { command: "preflight", args: ["empty", "--no-trace"], code: usage, says: /no SQL files found in empty/ },
  { command: "preflight", args: ["--max-level", "extreme"], code: usage },
  { command: "lint", args: ["migrations"], code: 0 },
  { command: "lint", args: ["cascading"], code: 1 },
  { command: "lint", args: ["unparsable"], code: 1 },
  { command: "lint", args: ["nowhere.sql"], code: usage, says: /no such file or directory: nowhere\.sql/ },
  { command: "lint", args: ["empty"], code: usage, says: /no SQL files found in empty/ },
  { command: "lint", args: ["empty", "--no-error-on-unmatched-pattern"], code: 0 },
  { command: "lint", args: ["empty/*.sql"], code: usage, says: /no files match/ },
  { command: "lint", args: ["dangling/20240104000000_gone.up.sql"], code: usage },
  { command: "lint", args: ["--max-warnings", "many"], code: usage },
  { command: "rules", args: [], code: 0 },
  { command: "rules", args: ["--rule", "ban-drop-table=loud"], code: usage },
  { command: "rules", args: ["--config", "missing.yaml"], code: usage, says: /does not exist/ },
  { command: "rules", args: ["--config", "empty"], code: usage, says: /cannot read the configuration/ },
  { command: "explain", args: ["ban-drop-table"], code: 0 },
  { command: "explain", args: ["ban-drop-tabel"], code: usage, says: /did you mean "ban-drop-table"/ },
  { command: "lsp", args: ["--no-such-option"], code: usage, json: false },
  { command: "risk", args: ["migrations"], code: 0 },
  { command: "risk", args: ["rewrite.sql", "--max-level", "LOW"], code: 1 },
  { command: "risk", args: ["nowhere"], code: usage },
  { command: "risk", args: ["empty"], code: usage, says: /no SQL files found/ },
  { command: "risk", args: ["fake.up.sql"], code: usage, says: /no SQL files found/ },
  { command: "risk", args: ["dangling/20240104000000_gone.up.sql"], code: usage, says: /cannot read/ },
  { command: "risk", args: ["migrations", "--snapshot", "empty"], code: usage, says: /cannot read/ },
  { command: "preflight", args: ["migrations", "--snapshot", "missing.json"], code: usage },
  { command: "trace", args: ["migrations"], code: 0 },
  { command: "trace", args: ["unparsable"], code: 1 },
  { command: "trace", args: ["nowhere"], code: usage },
  { command: "trace", args: ["empty"], code: usage },
  { command: "calibrate", args: ["--rows", "5"], code: usage },
  { command: "stats export", args: ["--db", "pglite:"], code: 0, report: false },
  { command: "stats export", args: [], code: usage, says: /needs a database/ },
  { command: "profile baseline", args: ["--db", "pglite:", "--queries", "queries.sql", "--runs", "2", "--warmup", "0"], code: 0 },
  { command: "profile check", args: ["--db", "pglite:", "--queries", "queries.sql", "--runs", "2", "--warmup", "0"], code: 0 },
  { command: "profile check", args: ["--queries", "queries.sql", "--runs", "0"], code: usage },
  { command: "profile history", args: [], code: 0 },
  { command: "profile history", args: ["--store", "nowhere"], code: usage },
  { command: "profile baseline", args: ["--queries", "empty"], code: usage },
  { command: "slo report", args: [], code: 0 },
  { command: "slo report", args: ["--env", "mars"], code: usage },
  { command: "slo check", args: [], code: 0 },
  { command: "slo check", args: ["--serve", "1"], code: usage },
  { command: "hooks list", args: [], code: 0 },
  { command: "hooks list", args: ["--phase", "whenever"], code: usage },
  { command: "hooks graph", args: ["--format", "mermaid"], code: 0, json: false },
  { command: "hooks graph", args: ["--phase", "whenever"], code: usage },
  { command: "migrate new", args: ["add_gadgets"], code: 0 },
  { command: "migrate new", args: ["---"], code: usage },
  // The in-memory embedded database starts in a moment; the default one beside the config is tested below.
  { command: "migrate status", args: ["--db", "pglite:"], code: 0 },
  { command: "migrate status", args: ["--db", "pglite:", "--dir", "nowhere"], code: usage, says: /does not exist/ },
  { command: "migrate up", args: ["--db", "pglite:"], code: 0 },
  { command: "migrate up", args: ["--db", "pglite:", "--dir", "cascading"], code: 1, says: /lint/ },
  { command: "migrate up", args: ["--db", "pglite:", "--dir", "nowhere"], code: usage, says: /does not exist/ },
  { command: "migrate up", args: ["--db", "pglite:", "--to", "19990101000000"], code: usage },
  {
    command: "migrate up",
    args: ["--db", "pglite:", "--config", "postcommit.yaml", "--dir", "migrations"],
    code: ExitCode.postCommit,
  },
  { command: "migrate down", args: ["--db", "pglite:"], code: 0 },
  { command: "migrate down", args: ["--steps", "0"], code: usage },
];

/** Every runnable command path of the program (leaves of the command tree). */
function commandPaths(command: Command, prefix = ""): string[] {
  return command.commands.flatMap((sub) => {
    const path = `${prefix}${sub.name()}`;
    return sub.commands.length === 0 ? [path] : commandPaths(sub, `${path} `);
  });
}

describe("the exit-code table", () => {
  it("is what --help prints and what the README says", async () => {
    const io = memoryIo();
    expect(await run(["--help"], io)).toBe(0);
    const readme = await readFile(join(import.meta.dirname, "..", "..", "..", "README.md"), "utf8");
    for (const { code, meaning } of EXIT_CODES) {
      expect(io.out()).toContain(`  ${code}  ${meaning}`);
      expect(readme).toContain(`| \`${code}\` | ${meaning} |`);
    }
  });

  it("covers every command with at least an ok case and a usage case", async () => {
    const program = await createProgram({
      io: memoryIo(),
      exitCode: 0,
      metrics: new CommandMetrics(),
      verbose: false,
      json: false,
      wroteJson: false,
    });
    for (const path of commandPaths(program)) {
      const codes = new Set(cases.filter((entry) => entry.command === path).map((entry) => entry.code));
      // calibrate's ok case measures a database for a minute: stats.db.test.ts runs it. lsp serves
      // stdio until its client shuts it down: lsp.test.ts drives it with a real client to exit 0.
      if (path !== "calibrate" && path !== "lsp") expect(codes.has(ExitCode.ok), `${path} has an ok case`).toBe(true);
      expect(codes.has(ExitCode.usage), `${path} has a usage case`).toBe(true);
    }
  });

  for (const entry of cases) {
    const json = entry.json ?? true;
    const args = [...entry.command.split(" "), ...entry.args, ...(json ? ["--format", "json"] : [])];
    it(`confiture ${args.join(" ")} exits ${entry.code}`, { timeout: 180_000 }, async () => {
      const cwd = await project();
      const io = memoryIo({ cwd });
      const code = await run(args, io);
      expect(code, io.err()).toBe(entry.code);
      if (entry.says !== undefined) expect(io.err()).toMatch(entry.says);
      if (!json) return;
      // Exactly one JSON document, whatever happened.
      const document = JSON.parse(io.out()) as { config?: unknown; error?: { code: string; message: string } };
      if (entry.report ?? true) expect(document).toHaveProperty("config");
      // A post-commit failure is a run's result (the migrations stay applied), not an error document.
      if (entry.code === ExitCode.postCommit)
        expect(document).toMatchObject({ status: "post_commit_failed", postCommitFailure: { phase: "after_validate" } });
      else if (entry.code >= ExitCode.usage) {
        expect(document.error?.code).toMatch(/^CONFITURE_/);
        expect(document.error?.message.length).toBeGreaterThan(0);
      }
    });
  }

  it("reports a gate's refusal in JSON on stdout, naming the embedded database it left alone", { timeout: 300_000 }, async () => {
    const cwd = await project();
    const text = memoryIo({ cwd });
    expect(await run(["migrate", "up", "--dir", "cascading"], text)).toBe(ExitCode.failure);
    // The first thing said, before anything could change: which database.
    expect(text.err().split("\n")[0]).toBe(`confiture: migrating embedded PGlite at ${join(cwd, ".confiture", "db")}`);
    const io = memoryIo({ cwd });
    expect(await run(["migrate", "up", "--dir", "cascading", "--format", "json"], io)).toBe(ExitCode.failure);
    const document = JSON.parse(io.out());
    expect(document.error).toMatchObject({ code: "CONFITURE_MIGRATE_GATE", message: expect.stringMatching(/lint/) });
    expect(document.target).toMatchObject({ driver: "pglite", directory: join(cwd, ".confiture", "db") });
    // Nothing was applied: the database says so.
    const status = memoryIo({ cwd });
    expect(await run(["migrate", "status", "--dir", "cascading", "--format", "json"], status)).toBe(ExitCode.ok);
    expect(JSON.parse(status.out()).summary).toMatchObject({ applied: 0, pending: 1 });
  });
});

const server = databaseTargets().find((target) => target.name === "postgres");

describe.skipIf(server === undefined)("the exit-code table against the server", () => {
  it("exits 3 when another run holds the lock, with the error in the JSON document", async () => {
    const database = await openTestDatabase(server as { name: "postgres"; url: string });
    const url = new URL((server as { url: string }).url);
    url.pathname = `/${database.name}`;
    const cwd = await project();
    const holder = await openDatabase(url.toString());
    try {
      await holder.withConnection(async (connection) => {
        await connection.query("SELECT pg_advisory_lock(7311225096718263141)");
        const io = memoryIo({ cwd });
        const args = ["migrate", "up", "--db", url.toString(), "--lock-wait", "200", "--format", "json"];
        expect(await run(args, io)).toBe(ExitCode.locked);
        const document = JSON.parse(io.out());
        expect(document.error.code).toBe("CONFITURE_MIGRATE_LOCKED");
        expect(document.target).toMatchObject({ driver: "pg", url: expect.stringContaining(database.name) });
        await connection.query("SELECT pg_advisory_unlock(7311225096718263141)");
      });
    } finally {
      await holder.close();
      await database.close();
    }
  });
});
