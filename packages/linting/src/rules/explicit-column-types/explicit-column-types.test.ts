import { RuleTester } from "../../testing/index.js";
import { explicitColumnTypes } from "./index.js";

new RuleTester().run("explicit-column-types", explicitColumnTypes, {
  valid: [
    "CREATE TABLE totals (day date, total numeric(12, 2));\nINSERT INTO totals SELECT day, sum(amount) FROM orders GROUP BY day;",
    "CREATE TEMP TABLE scratch AS SELECT 1 AS one;",
    "CREATE MATERIALIZED VIEW totals AS SELECT day, sum(amount) AS total FROM orders GROUP BY day;",
    // Plain columns keep their source columns' declared types: nothing is inferred (Synapse's corpus).
    "CREATE TABLE to_check AS SELECT event_id FROM event_forward_extremities;",
    "SELECT id, email INTO users_copy FROM users;",
  ],
  invalid: [
    {
      sql: "CREATE TABLE totals AS\n  SELECT day, sum(amount) AS total FROM orders GROUP BY day;",
      errors: [{ messageId: "inferred", line: 1, column: 14 }],
    },
    { sql: "SELECT id, lower(email) INTO users_copy FROM users;", errors: [{ messageId: "inferred", line: 1 }] },
    { sql: "CREATE TABLE copy AS SELECT * FROM users;", errors: [{ messageId: "inferred", line: 1 }] },
  ],
});
