import { RuleTester } from "../../testing/index.js";
import { lockTimeoutTooLong } from "./index.js";

new RuleTester().run("lock-timeout-too-long", lockTimeoutTooLong, {
  valid: [
    "SET lock_timeout = '2s';",
    "SET lock_timeout = 500;",
    "SET statement_timeout = '1h';",
    { sql: "SET lock_timeout = '30s';", options: { maximum: "1min" } },
  ],
  invalid: [
    {
      sql: "SET lock_timeout = '1min';",
      errors: [
        {
          messageId: "tooLong",
          line: 1,
          message:
            "lock_timeout = 1min lets a blocked statement queue for longer than 10s, and every query behind it waits as long.",
        },
      ],
    },
    { sql: "SET LOCAL lock_timeout = 60000;", errors: [{ messageId: "tooLong", line: 1 }] },
    { sql: "SET lock_timeout = 0;", errors: [{ messageId: "disabled", line: 1 }] },
    { sql: "SET lock_timeout = '5s';", options: { maximum: "1s" }, errors: [{ messageId: "tooLong" }] },
  ],
});
