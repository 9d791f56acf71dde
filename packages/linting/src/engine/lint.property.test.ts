import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kindRule, libraryOf, nameLengthRule } from "../__fixtures__/libraries.js";
import { defineRule } from "../define-rule.js";
import { lint } from "./lint.js";

const fragments = [
  "CREATE TABLE t (id int PRIMARY KEY, name text DEFAULT now())",
  "ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0",
  "ALTER TABLE t ALTER COLUMN c TYPE bigint",
  "CREATE INDEX CONCURRENTLY i ON t (c)",
  "DROP TABLE IF EXISTS t CASCADE",
  "BEGIN",
  "COMMIT",
  "SET LOCAL lock_timeout = '1s'",
  "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$",
  "-- confiture-ignore-next-line no-drop",
  "/* squawk-ignore-file */",
  "-- confiture: no-transaction",
  "INSERT INTO t VALUES (1, 'é😀')",
  "ALTER TABLE t RENAME TO u",
  "COMMENT ON TABLE t IS 'x'",
];

/** Random statements, then random cuts, duplications and junk characters. */
const mutatedSql = fc
  .tuple(
    fc.array(fc.constantFrom(...fragments), { maxLength: 8 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom("", "'", '"', "$$", "(", ";", "\n", "\u0000", "/*", "--", "é", "\r\n", "\\")), {
      maxLength: 4,
    }),
  )
  .map(([statements, mutations]) => {
    let sql = statements.join(";\n");
    for (const [position, insert] of mutations) {
      const at = sql.length === 0 ? 0 : position % (sql.length + 1);
      sql = sql.slice(0, at) + insert + sql.slice(at + (insert === "" ? 3 : 0));
    }
    return sql;
  });

const nosy = defineRule({
  id: "nosy",
  version: "1.0.0",
  meta: { description: "Read everything the engine offers.", severity: "info", messages: { saw: "{{count}}" } },
  create: (context) => ({
    statement: ({ analysis, session, createdInFile, fileStatements }) => {
      if (analysis.locks.length > 3 && session.inTransaction && createdInFile.size >= 0 && fileStatements.length > 0) {
        context.report({ messageId: "saw", data: { count: context.schema.tables.size } });
      }
    },
    schemaEnd: (schema) => void schema.tables.size,
  }),
});

const library = libraryOf("general", [kindRule("no-drop", "drop_table"), nameLengthRule, nosy]);

describe("lint (property)", () => {
  it("never throws on random and mutated SQL, and every finding has a position", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutatedSql, fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 80 })),
        async (sql) => {
          const result = await lint({
            files: [
              { path: "001_a.up.sql", source: sql },
              { path: "001_a.down.sql", source: sql.slice(0, sql.length >> 1) },
            ],
            libraries: [library],
            config: { reportUnusedSuppressions: true },
          });
          for (const finding of result.findings) {
            expect(finding.line).toBeGreaterThanOrEqual(1);
            expect(finding.column).toBeGreaterThanOrEqual(1);
            expect(finding.ruleId).not.toBe("rule-error");
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
