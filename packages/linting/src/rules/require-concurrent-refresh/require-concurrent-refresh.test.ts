import { RuleTester } from "../../testing/index.js";
import { requireConcurrentRefresh } from "./index.js";

new RuleTester().run("require-concurrent-refresh", requireConcurrentRefresh, {
  valid: [
    // CONCURRENTLY cannot be used with WITH NO DATA, and there is no query to wait for.
    "REFRESH MATERIALIZED VIEW sales_summary WITH NO DATA;",
    "REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary;",
    "CREATE MATERIALIZED VIEW s AS SELECT 1 AS one;\nREFRESH MATERIALIZED VIEW s;",
  ],
  invalid: [
    {
      sql: "REFRESH MATERIALIZED VIEW sales_summary;",
      errors: [
        {
          messageId: "missingConcurrently",
          line: 1,
          message:
            "REFRESH MATERIALIZED VIEW sales_summary takes an AccessExclusiveLock: every read of the view waits until the query behind it has run again.",
        },
      ],
    },
  ],
});
