import { RuleTester } from "../../testing/index.js";
import { identifierTooLong } from "./index.js";

const long = "a".repeat(64);

new RuleTester().run("identifier-too-long", identifierTooLong, {
  valid: [`CREATE TABLE ${"a".repeat(63)} (id bigint);`, "CREATE INDEX i ON t (a);", `SELECT * FROM t WHERE c = '${long}';`],
  invalid: [
    { sql: `CREATE TABLE ${long} (id bigint);`, errors: [{ messageId: "tooLong", line: 1, column: 14 }] },
    { sql: `CREATE TABLE t (\n  ${long} bigint\n);`, errors: [{ messageId: "tooLong", line: 2, column: 3 }] },
    { sql: `CREATE INDEX ${long} ON t (a);`, errors: [{ messageId: "tooLong", line: 1 }] },
    { sql: `ALTER TABLE t ADD CONSTRAINT "${long}" CHECK (a > 0);`, errors: [{ messageId: "tooLong", line: 1 }] },
    {
      name: "bytes, not characters",
      sql: `CREATE TABLE "${"é".repeat(32)}" (id bigint);`,
      errors: [{ messageId: "tooLong", line: 1 }],
    },
  ],
});
