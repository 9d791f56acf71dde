import { describe, expect, it } from "vitest";
import { z } from "zod";
import { kindRule, nameLengthRule } from "../__fixtures__/libraries.js";
import { defineRule } from "../define-rule.js";
import { lintCase, RuleTester } from "./index.js";

const tester = new RuleTester({ pgVersion: 16 });

tester.run("no-drop (fixture)", kindRule("no-drop", "drop_table"), {
  valid: ["CREATE TABLE a (id int);", { sql: "SELECT 1;", name: "a select" }],
  invalid: [
    { sql: "DROP TABLE a;", errors: [{ messageId: "found", line: 1, column: 1, message: "Found a drop_table statement." }] },
    {
      sql: "SELECT 1;\n\nDROP TABLE a;\nDROP TABLE b;",
      errors: [
        { messageId: "found", line: 3 },
        { messageId: "found", line: 4 },
      ],
    },
  ],
});

tester.run("table-name-length (options)", nameLengthRule, {
  valid: ["CREATE TABLE short (id int);", { sql: "CREATE TABLE rather_long_name (id int);", options: { max: 40 } }],
  invalid: [{ sql: "CREATE TABLE abcd (id int);", options: { max: 3 }, errors: [{ messageId: "tooLong" }] }],
});

const addColumnToExisting = defineRule({
  id: "add-column-to-known-table",
  version: "1.0.0",
  meta: {
    description: "Disallow adding columns to tables created by earlier migrations.",
    severity: "warning",
    messages: { existing: "{{table}} was created by an earlier migration." },
    options: z.undefined(),
  },
  create: (context) => ({
    statement({ statement, createdInFile }) {
      if (statement.kind !== "add_column") return;
      const table = statement.relations.find((relation) => relation.role === "target")?.name ?? "";
      if (context.schema.tables.has(`public.${table}`) && !createdInFile.has(table))
        context.report({ messageId: "existing", data: { table } });
    },
  }),
});

tester.run("multi-file cases", addColumnToExisting, {
  valid: ["CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN b int;"],
  invalid: [
    {
      files: [
        { path: "002_add.up.sql", sql: "ALTER TABLE t ADD COLUMN b int;" },
        { path: "001_create.up.sql", sql: "CREATE TABLE t (id int);" },
      ],
      errors: [{ messageId: "existing", file: "002_add.up.sql", line: 1, message: "t was created by an earlier migration." }],
    },
  ],
});

describe("lintCase", () => {
  it("reports syntax errors so a valid case with a typo cannot pass", async () => {
    const result = await lintCase(kindRule("no-drop", "drop_table"), { sql: "DROP TABLEE a;" });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(["parse-error"]);
  });

  it("refuses an option key the rule does not declare, instead of silently using the default", async () => {
    // zod strips unknown keys: `{ maxx: 3 }` used to lint with max 10 and the case passed for the wrong reason.
    await expect(lintCase(nameLengthRule, { sql: "CREATE TABLE abcd (id int);", options: { maxx: 3 } })).rejects.toThrowError(
      /invalid options for rule "table-name-length": unknown option "maxx" \(the rule takes "max"\)/,
    );
    const result = await lintCase(nameLengthRule, { sql: "CREATE TABLE abcd (id int);", options: { max: 3 } });
    expect(result.findings.map((finding) => finding.messageId)).toEqual(["tooLong"]);
  });

  it("accepts extra keys where the rule's schema passes them through", async () => {
    const open = defineRule({
      id: "open-options",
      version: "1.0.0",
      meta: {
        description: "A rule whose options schema keeps extra keys.",
        severity: "warning",
        messages: { seen: "seen" },
        options: z.looseObject({ max: z.number().default(1) }),
      },
      create: () => ({}),
    });
    const result = await lintCase(open, { sql: "SELECT 1;", options: { max: 2, extra: true } });
    expect(result.findings).toEqual([]);
  });
});

// The cases are typed by the rule: tsc (pnpm typecheck) fails if these lines stop being errors.
if (process.env.CONFITURE_NEVER === "run") {
  tester.run("typing only", nameLengthRule, {
    // @ts-expect-error a misspelt option key is a type error
    valid: [{ sql: "SELECT 1;", options: { maxx: 4 } }],
    // @ts-expect-error a message id the rule does not have is a type error
    invalid: [{ sql: "SELECT 1;", errors: [{ messageId: "too-long" }] }],
  });
}
