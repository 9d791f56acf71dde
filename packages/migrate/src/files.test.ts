import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MigrationFilesError } from "./errors.js";
import {
  checksumOf,
  createMigrationFiles,
  migrationSlug,
  parseMigrationFileName,
  readMigrationDirectory,
  timestampVersion,
} from "./files.js";

async function directoryWith(files: Record<string, string>): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), "confiture-migrate-files-"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(directory, name), text);
  return directory;
}

describe("parseMigrationFileName", () => {
  it.each([
    ["20240101090000_create_accounts.up.sql", { version: "20240101090000", name: "create_accounts", direction: "up" }],
    ["001_init.down.sql", { version: "001", name: "init", direction: "down" }],
    ["2.1_add-index.up.sql", { version: "2.1", name: "add-index", direction: "up" }],
  ])("reads %s", (fileName, expected) => {
    expect(parseMigrationFileName(fileName)).toEqual(expected);
  });

  it.each([
    "create_accounts.up.sql",
    "20240101_create.sql",
    "20240101_create.UP.sql",
    "20240101_.up.sql",
    "README.md",
  ])("refuses %s", (fileName) => {
    expect(parseMigrationFileName(fileName)).toBeUndefined();
  });
});

describe("readMigrationDirectory", () => {
  it("sorts versions as strings, pairs down files and reports what it does not recognise", async () => {
    const directory = await directoryWith({
      "20240201_b.up.sql": "SELECT 2;",
      "20240101_a.up.sql": "SELECT 1;",
      "20240101_a.down.sql": "SELECT -1;",
      "9_late.up.sql": "SELECT 9;",
      "20240301_orphan.down.sql": "SELECT 3;",
      "20240401_typo.sql": "SELECT 4;",
      ".gitkeep": "",
    });
    const found = await readMigrationDirectory(directory);
    expect(found.migrations.map((migration) => migration.version)).toEqual(["20240101", "20240201", "9"]);
    expect(found.migrations[0]?.downSql).toBe("SELECT -1;");
    expect(found.migrations[1]?.downPath).toBeUndefined();
    expect(found.unrecognized).toEqual([
      { file: "20240401_typo.sql", reason: expect.stringContaining("<version>_<name>.up.sql") },
      { file: "20240301_orphan.down.sql", reason: "down file without an up file" },
    ]);
  });

  it("refuses two up files with one version", async () => {
    const directory = await directoryWith({ "1_a.up.sql": "SELECT 1;", "1_b.up.sql": "SELECT 2;" });
    await expect(readMigrationDirectory(directory)).rejects.toSatisfy((error) => MigrationFilesError.isInstance(error));
  });

  it("says when the directory does not exist", async () => {
    await expect(readMigrationDirectory(join(tmpdir(), "confiture-no-such-directory"))).rejects.toThrow(/does not exist/);
  });
});

describe("checksumOf", () => {
  it("ignores CRLF line endings but not content", () => {
    expect(checksumOf("SELECT 1;\r\nSELECT 2;\r\n")).toBe(checksumOf("SELECT 1;\nSELECT 2;\n"));
    expect(checksumOf("SELECT 1;")).not.toBe(checksumOf("SELECT 2;"));
  });
});

describe("createMigrationFiles", () => {
  it("writes an up and a down file with a UTC timestamp version", async () => {
    const directory = await directoryWith({});
    const created = await createMigrationFiles(directory, "Add user e-mail", { now: new Date("2025-03-04T05:06:07.890Z") });
    expect(created.version).toBe("20250304050607");
    expect((await readdir(directory)).sort()).toEqual([
      "20250304050607_add_user_e_mail.down.sql",
      "20250304050607_add_user_e_mail.up.sql",
    ]);
    expect(await readFile(created.upPath, "utf8")).toContain("-- up: Add user e-mail");
  });

  it("always sorts the new migration last, even when the clock is behind the newest version", async () => {
    const directory = await directoryWith({ "20300101000000_future.up.sql": "SELECT 1;" });
    const created = await createMigrationFiles(directory, "next", { now: new Date("2025-01-01T00:00:00Z") });
    expect(created.version > "20300101000000").toBe(true);
    const found = await readMigrationDirectory(directory);
    expect(found.migrations.at(-1)?.name).toBe("next");
  });

  it("refuses a name with no letters or digits", () => {
    expect(() => migrationSlug("!!!")).toThrow(MigrationFilesError);
  });

  it("formats timestamps as YYYYMMDDHHMMSS", () => {
    expect(timestampVersion(new Date("1999-12-31T23:59:58Z"))).toBe("19991231235958");
  });
});
