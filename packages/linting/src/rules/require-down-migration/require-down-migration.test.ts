import { RuleTester } from "../../testing/index.js";
import { requireDownMigration } from "./index.js";

new RuleTester().run("require-down-migration", requireDownMigration, {
  valid: [
    {
      files: [
        { path: "migrations/001_users.up.sql", sql: "CREATE TABLE users (id bigint);" },
        { path: "migrations/001_users.down.sql", sql: "DROP TABLE users;" },
      ],
    },
    // Files that do not follow the up/down naming are not migrations with a direction.
    { files: [{ path: "schema.sql", sql: "CREATE TABLE users (id bigint);" }] },
    {
      files: [
        { path: "001_users.up.sql", sql: "-- confiture-ignore-file require-down-migration\nCREATE TABLE users (id bigint);" },
      ],
    },
  ],
  invalid: [
    {
      files: [
        { path: "migrations/001_users.up.sql", sql: "CREATE TABLE users (id bigint);" },
        { path: "migrations/001_users.down.sql", sql: "DROP TABLE users;" },
        { path: "migrations/002_orders.up.sql", sql: "CREATE TABLE orders (id bigint);" },
      ],
      errors: [
        {
          messageId: "missingDown",
          file: "migrations/002_orders.up.sql",
          line: 1,
          message:
            "002_orders.up.sql has no down migration (002_orders.down.sql): rolling back this release means writing one during the incident.",
        },
      ],
    },
  ],
});
