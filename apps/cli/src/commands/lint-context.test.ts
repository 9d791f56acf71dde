import { describe, expect, it } from "vitest";
import { lintIn, project } from "./lint-fixtures.js";

type Finding = { ruleId: string; file: string };

async function lintJson(directory: string, args: string[]) {
  const { out, code } = await lintIn(directory, [...args, "--format", "json"]);
  return { code, ...(JSON.parse(out) as { findings: Finding[]; summary: { files: number } }) };
}

const migrations = {
  "migrations/001_users.up.sql": "SET lock_timeout = '2s';\nCREATE TABLE users (id bigint PRIMARY KEY, name varchar(100));\n",
  "migrations/001_users.down.sql": "DROP TABLE users;\n",
  "migrations/002_widen.up.sql": "SET lock_timeout = '2s';\nALTER TABLE users ALTER COLUMN name TYPE varchar(200);\n",
  "migrations/002_widen.down.sql": "SET lock_timeout = '2s';\nALTER TABLE users ALTER COLUMN name TYPE varchar(100);\n",
};

/** Issue 14 item 9: lint replays the whole migrations directory and reports only on the files asked for. */
describe("confiture lint <files> with the migrations directory as context", () => {
  it("knows the schema the earlier migrations built: widening a varchar is no rewrite", async () => {
    const directory = await project(migrations);
    const alone = await lintJson(directory, ["migrations/002_widen.up.sql", "--no-context"]);
    expect(alone.findings.map((finding) => finding.ruleId)).toContain("changing-column-type");
    const inContext = await lintJson(directory, ["migrations/002_widen.up.sql"]);
    expect(inContext.findings.map((finding) => finding.ruleId)).not.toContain("changing-column-type");
    expect(inContext.summary.files).toBe(1);
    expect(inContext.findings.every((finding) => finding.file === "migrations/002_widen.up.sql")).toBe(true);
  });

  it("sees the down file beside the up file it was given", async () => {
    const directory = await project(migrations);
    const alone = await lintJson(directory, ["migrations/001_users.up.sql", "--no-context"]);
    expect(alone.findings.map((finding) => finding.ruleId)).toContain("require-down-migration");
    const inContext = await lintJson(directory, ["migrations/001_users.up.sql"]);
    expect(inContext.findings.map((finding) => finding.ruleId)).not.toContain("require-down-migration");
  });

  it("takes the context directory from --context", async () => {
    const moved = Object.fromEntries(Object.entries(migrations).map(([path, sql]) => [path.replace("migrations/", "db/"), sql]));
    const directory = await project(moved);
    const result = await lintJson(directory, ["db/002_widen.up.sql", "--context", "db"]);
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain("changing-column-type");
    expect((await lintIn(directory, ["db/002_widen.up.sql", "--context", "nowhere"])).code).toBe(2);
  });
});

/** Issue 14 item 10: what `confiture migrate` does for a migration satisfies the rules that ask for it. */
describe("lint judges migrations as confiture migrate runs them", () => {
  const files = {
    "migrations/001_users.up.sql": "CREATE TABLE users (id bigint PRIMARY KEY, name text);\n",
    "migrations/001_users.down.sql": "DROP TABLE users;\n",
    "migrations/002_name.up.sql": "ALTER TABLE users ADD COLUMN nickname text;\n",
    "migrations/002_name.down.sql": "ALTER TABLE users DROP COLUMN nickname;\n",
    "migrations/003_index.up.sql": "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);\n",
    "migrations/003_index.down.sql": "DROP INDEX CONCURRENTLY users_name_idx;\n",
  };
  const rules = (result: { findings: Finding[] }) => result.findings.map((finding) => `${finding.file} ${finding.ruleId}`);

  it("migrations.lockTimeoutMs satisfies require-lock-timeout", async () => {
    const without = await lintJson(await project(files), ["--rule", "require-lock-timeout=error"]);
    expect(rules(without)).toContain("migrations/002_name.up.sql require-lock-timeout");
    const configured = await project({ ...files, "confiture.config.yaml": "migrations:\n  lockTimeoutMs: 2000\n" });
    const result = await lintJson(configured, ["--rule", "require-lock-timeout=error"]);
    expect(rules(result).filter((rule) => rule.endsWith("require-lock-timeout"))).toEqual([]);
  });

  it("a DROP INDEX CONCURRENTLY down file runs outside a transaction, as migrate runs it", async () => {
    const configured = await project({ ...files, "confiture.config.yaml": "migrations:\n  dir: migrations\n" });
    const result = await lintJson(configured, []);
    expect(rules(result).filter((rule) => rule.startsWith("migrations/003_index.down.sql") && /transaction/.test(rule))).toEqual(
      [],
    );
    const unknownRunner = await lintJson(await project(files), []);
    expect(
      rules(unknownRunner).filter((rule) => rule.startsWith("migrations/003_index.down.sql") && /transaction/.test(rule)),
    ).not.toEqual([]);
  });
});
