import { describe, expect, it } from "vitest";
import { libraryOf } from "../__fixtures__/libraries.js";
import { defineRule } from "../define-rule.js";
import type { LiveDatabase } from "../types.js";
import { lint } from "./lint.js";

/** A catalog stand-in answering one query, as a live rule would see a real database. */
const catalog: LiveDatabase = {
  async query<T extends Record<string, unknown>>(sql: string) {
    return { rows: (sql.includes("pg_tables") ? [{ tablename: "patients" }] : []) as unknown as T[] };
  },
};

const liveRule = defineRule({
  id: "live-tables",
  version: "1.0.0",
  meta: {
    description: "Require every live table to be known to the migrations.",
    severity: "warning",
    messages: { unknown: "Table {{table}} exists only in the database." },
  },
  create: (context) => {
    const known = new Set<string>();
    return {
      schemaEnd: (schema) => {
        for (const table of schema.tables.values()) known.add(table.name);
      },
      live: async (database) => {
        const { rows } = await database.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = $1", [
          "public",
        ]);
        for (const row of rows) {
          if (!known.has(row.tablename))
            context.report({
              messageId: "unknown",
              data: { table: row.tablename },
              location: { line: 1, column: 1, file: "001.sql" },
            });
        }
      },
    };
  },
});

describe("lint live rules", () => {
  it("runs live visitors after schemaEnd only when a database is given", async () => {
    const files = [{ path: "001.sql", source: "CREATE TABLE visits (id int);" }];
    const without = await lint({ files, libraries: [libraryOf("test", [liveRule])] });
    expect(without.findings).toEqual([]);
    const withDatabase = await lint({ files, libraries: [libraryOf("test", [liveRule])], database: catalog });
    expect(withDatabase.findings.map((finding) => finding.message)).toEqual(["Table patients exists only in the database."]);
  });

  it("turns a failing live visitor or create into rule-error findings", async () => {
    const failing = defineRule({
      id: "failing",
      version: "1.0.0",
      meta: { description: "Fail.", severity: "info", messages: { never: "never" } },
      create: () => ({
        live: async () => {
          throw new Error("connection lost");
        },
      }),
    });
    const brokenCreate = defineRule({
      id: "broken-create",
      version: "1.0.0",
      meta: { description: "Fail early.", severity: "info", messages: { never: "never" } },
      create: () => {
        throw new Error("bad setup");
      },
    });
    const result = await lint({
      files: [{ path: "001.sql", source: "SELECT 1;" }],
      libraries: [libraryOf("test", [failing, brokenCreate])],
      database: catalog,
    });
    expect(result.findings.map((finding) => [finding.ruleId, finding.file, finding.message])).toEqual([
      ["rule-error", "001.sql", 'rule "test/broken-create" failed: bad setup'],
      ["rule-error", "001.sql", 'rule "test/failing" failed: connection lost'],
    ]);
  });
});
