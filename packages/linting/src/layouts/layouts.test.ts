import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../engine/lint.js";
import type { SourceFile } from "../engine/file-order.js";
import { general } from "../library/index.js";
import { describeMigrations } from "./describe.js";
import type { RunnerName } from "./types.js";

const fixtures = new URL("./__fixtures__/", import.meta.url).pathname;

/** Every file of one fixture project, with its path as a user would pass it. */
function project(name: string): SourceFile[] {
  const root = join(fixtures, name);
  const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return files.map((entry) => {
    const path = join(entry.parentPath, entry.name);
    return { path: `${name}/${relative(root, path).split("\\").join("/")}`, source: readFileSync(path, "utf8") };
  });
}

function roles(files: SourceFile[]) {
  return describeMigrations(files)
    .map((file) => [file.path, file.migration?.role, file.migration?.pair ?? null, file.migration?.transaction ?? null])
    .sort((left, right) => String(left[0]).localeCompare(String(right[0])) || String(left[1]).localeCompare(String(right[1])));
}

async function findings(name: string, runner?: RunnerName) {
  const result = await lint({
    files: project(name),
    libraries: [general],
    ...(runner === undefined ? {} : { config: { runner } }),
  });
  return result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`);
}

describe("migration layouts", () => {
  it.each<[string, RunnerName]>([
    ["golang-migrate", "up-down-files"],
    ["diesel", "diesel"],
    ["flyway", "flyway"],
    ["sqitch", "sqitch"],
    ["dbmate", "dbmate"],
    ["goose", "goose"],
    ["node-pg-migrate", "node-pg-migrate"],
    ["prisma", "prisma"],
    ["drizzle", "drizzle"],
  ])("detects %s from the layout and the files", (name, runner) => {
    for (const file of describeMigrations(project(name))) expect(file.migration?.runner).toBe(runner);
  });

  it("pairs up files with their down, revert and verify files, whatever the naming", () => {
    expect(roles(project("diesel"))).toEqual([
      ["diesel/2024-01-01-000000_create_users/down.sql", "down", "diesel/2024-01-01-000000_create_users/up.sql", "wrapped"],
      ["diesel/2024-01-01-000000_create_users/up.sql", "up", "diesel/2024-01-01-000000_create_users/down.sql", "wrapped"],
    ]);
    expect(roles(project("sqitch"))).toEqual([
      ["sqitch/deploy/users.sql", "up", "sqitch/revert/users.sql", "none"],
      ["sqitch/revert/users.sql", "down", "sqitch/deploy/users.sql", "none"],
      ["sqitch/verify/users.sql", "verify", "sqitch/deploy/users.sql", "none"],
    ]);
    expect(roles(project("flyway"))).toEqual([
      ["flyway/R__user_emails.sql", "repeatable", null, "detect"],
      ["flyway/U1__create_users.sql", "down", "flyway/V1__create_users.sql", "detect"],
      ["flyway/V1__create_users.sql", "up", "flyway/U1__create_users.sql", "detect"],
      ["flyway/V2__index_email.sql", "up", null, "none"],
    ]);
    expect(roles(project("dbmate"))).toEqual([
      ["dbmate/20240101000000_create_users.sql", "down", "dbmate/20240101000000_create_users.sql", "wrapped"],
      ["dbmate/20240101000000_create_users.sql", "up", "dbmate/20240101000000_create_users.sql", "wrapped"],
      ["dbmate/20240102000000_index_email.sql", "down", "dbmate/20240102000000_index_email.sql", "none"],
      ["dbmate/20240102000000_index_email.sql", "up", "dbmate/20240102000000_index_email.sql", "none"],
    ]);
  });

  it("lints a down or revert file as what it is: dropping the table its own up created is not ban-drop-table", async () => {
    for (const name of ["golang-migrate", "diesel", "flyway", "sqitch", "dbmate", "goose", "node-pg-migrate"]) {
      const found = await findings(name);
      expect(
        found.filter((finding) => /ban-drop-table|no-data-loss-without-warning/.test(finding)),
        name,
      ).toEqual([]);
      expect(
        found.filter((finding) => finding.includes("require-down-migration")),
        name,
      ).toEqual([]);
    }
  });

  it("runs a file outside a transaction where its runner's directive or convention says so", async () => {
    const banned = (list: string[]) => list.filter((finding) => finding.includes("ban-concurrent-index-creation-in-transaction"));
    expect(banned(await findings("flyway"))).toEqual([]);
    expect(banned(await findings("dbmate"))).toEqual([]);
    expect(banned(await findings("goose"))).toEqual([]);
    // Prisma sends the file as one query: a single statement runs outside any transaction.
    expect(banned(await findings("prisma"))).toEqual([]);
    // morph and atlas markers lift the transaction; the same statement without a marker is reported.
    expect(banned(await findings("markers"))).toEqual([
      "markers/000004_plain.up.sql:2 ban-concurrent-index-creation-in-transaction",
    ]);
  });

  it("keeps the lines of a one-file layout: a finding in the down section points at its real line", async () => {
    const files = project("dbmate").map((file) => ({
      ...file,
      source: file.source.replace("DROP TABLE users;", "DROP TABLE accounts;"),
    }));
    const result = await lint({ files, libraries: [general] });
    expect(result.findings.filter((finding) => finding.ruleId === "ban-drop-table")).toEqual([
      expect.objectContaining({ file: "dbmate/20240101000000_create_users.sql", line: 5 }),
    ]);
    expect(result.summary.files).toBe(2);
  });

  it("asks for a down migration only where the runner has them", async () => {
    const ups = (name: string) => project(name).filter((file) => !/down|revert|U1__/.test(file.path));
    const missing = async (files: SourceFile[]) =>
      (await lint({ files, libraries: [general] })).findings.filter((finding) => finding.ruleId === "require-down-migration")
        .length;
    expect(await missing(ups("diesel"))).toBe(1);
    expect(await missing(ups("sqitch"))).toBe(1);
    expect(await missing(ups("prisma"))).toBe(0);
    expect(await missing(ups("flyway"))).toBe(0);
  });

  it("does not ask a project that writes no down files for one on every migration", async () => {
    const ups = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        path: `db/00${index + 1}_t${index}.up.sql`,
        source: `CREATE TABLE t${index} (id bigint PRIMARY KEY);`,
      }));
    const missing = async (files: SourceFile[]) =>
      (await lint({ files, libraries: [general] })).findings.filter((finding) => finding.ruleId === "require-down-migration")
        .length;
    expect(await missing(ups(5))).toBe(0);
    expect(await missing([...ups(5), { path: "db/001_t0.down.sql", source: "DROP TABLE t0;" }])).toBe(4);
  });

  it("lets a down file put back what its up file renamed or made nullable", async () => {
    const files = [
      { path: "db/001_users.up.sql", source: "CREATE TABLE users (id bigint PRIMARY KEY, name text);" },
      {
        path: "db/002_rename.up.sql",
        source: "ALTER TABLE users RENAME COLUMN name TO full_name;\nALTER TABLE users ALTER COLUMN full_name SET NOT NULL;",
      },
      {
        path: "db/002_rename.down.sql",
        source: "ALTER TABLE users ALTER COLUMN full_name DROP NOT NULL;\nALTER TABLE users RENAME COLUMN full_name TO name;",
      },
    ];
    const found = (await lint({ files, libraries: [general] })).findings.map((finding) => `${finding.file} ${finding.ruleId}`);
    expect(found).toContain("db/002_rename.up.sql renaming-column");
    expect(
      found.filter(
        (finding) => finding.startsWith("db/002_rename.down.sql") && /renaming-column|ban-drop-not-null/.test(finding),
      ),
    ).toEqual([]);
  });

  it("pairs a pop .postgres. up file with its dialect-less down file", () => {
    const files = [
      { path: "sql/20220210000001000066_nid.postgres.up.sql", source: "ALTER TABLE t ADD COLUMN nid uuid;" },
      { path: "sql/20220210000001000066_nid.down.sql", source: "ALTER TABLE t DROP COLUMN nid;" },
    ];
    expect(roles(files)).toEqual([
      ["sql/20220210000001000066_nid.down.sql", "down", "sql/20220210000001000066_nid.postgres.up.sql", "wrapped"],
      ["sql/20220210000001000066_nid.postgres.up.sql", "up", "sql/20220210000001000066_nid.down.sql", "wrapped"],
    ]);
  });

  it("does not ask a one-statement Prisma migration to be rerunnable: the statement is its own transaction", async () => {
    const file = (name: string, source: string) => ({ path: `prisma/migrations/${name}/migration.sql`, source });
    const robust = async (files: SourceFile[]) =>
      (await lint({ files, libraries: [general] })).findings.filter((finding) => finding.ruleId === "prefer-robust-stmts").length;
    const create = file("20240101000000_init", 'CREATE TABLE "T" ("id" TEXT NOT NULL);');
    expect(await robust([create, file("20240102000000_add", 'ALTER TABLE "T" ADD COLUMN "a" TEXT;')])).toBe(0);
    expect(await robust([create, file("20240102000000_index", 'CREATE INDEX CONCURRENTLY "T_a_idx" ON "T" ("id");')])).toBe(1);
  });
});
