import { RuleTester } from "../../testing/index.js";
import { migrationReversibility } from "./index.js";

const base = { path: "001_users.up.sql", sql: "CREATE TABLE users (id bigint PRIMARY KEY);" };
const baseDown = { path: "001_users.down.sql", sql: "DROP TABLE users;" };

new RuleTester().run("migration-reversibility", migrationReversibility, {
  valid: [
    { files: [base, baseDown] },
    {
      files: [
        base,
        baseDown,
        { path: "002_plan.up.sql", sql: "ALTER TABLE users ADD COLUMN plan text;\nCREATE INDEX users_plan_idx ON users (plan);" },
        { path: "002_plan.down.sql", sql: "DROP INDEX users_plan_idx;\nALTER TABLE users DROP COLUMN plan;" },
      ],
    },
    // Without a down file, require-down-migration reports; this rule has nothing to compare.
    { files: [base] },
  ],
  invalid: [
    {
      files: [
        base,
        baseDown,
        { path: "002_plan.up.sql", sql: "ALTER TABLE users ADD COLUMN plan text;\nCREATE INDEX users_plan_idx ON users (plan);" },
        { path: "002_plan.down.sql", sql: "DROP INDEX users_plan_idx;" },
      ],
      errors: [
        {
          messageId: "notReversed",
          file: "002_plan.down.sql",
          line: 1,
          message:
            "Running 002_plan.up.sql then 002_plan.down.sql does not give back the schema before 002_plan.up.sql: columns added: public.users.plan.",
        },
      ],
    },
    {
      files: [
        { path: "001_t.up.sql", sql: "CREATE TABLE t (id bigint);" },
        { path: "001_t.down.sql", sql: "" },
      ],
      errors: [{ messageId: "notReversed", file: "001_t.down.sql" }],
    },
  ],
});
