import { RuleTester } from "../../testing/index.js";
import { requireConcurrentPartitionDetach } from "./index.js";

new RuleTester().run("require-concurrent-partition-detach", requireConcurrentPartitionDetach, {
  valid: [
    "ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;",
    // PostgreSQL 13 has no CONCURRENTLY: nothing better to suggest.
    { sql: "ALTER TABLE events DETACH PARTITION events_2020;", pgVersion: 13 },
  ],
  invalid: [
    {
      sql: "ALTER TABLE events DETACH PARTITION events_2020;",
      errors: [
        {
          messageId: "missingConcurrently",
          line: 1,
          message:
            "DETACH PARTITION events_2020 takes an AccessExclusiveLock on events: every read and write of the partitioned table waits.",
        },
      ],
    },
    {
      sql: "SELECT 1;\nALTER TABLE events DETACH PARTITION events_2020;",
      pgVersion: 14,
      errors: [{ messageId: "missingConcurrently", line: 2 }],
    },
  ],
});
