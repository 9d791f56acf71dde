import { RuleTester } from "../../testing/index.js";
import { preferBigintOverSmallint } from "./index.js";

new RuleTester().run("prefer-bigint-over-smallint", preferBigintOverSmallint, {
  valid: ["CREATE TABLE t (id bigint, n integer);"],
  invalid: [
    {
      sql: "CREATE TABLE t (\n  rank smallint,\n  id smallserial\n);",
      errors: [
        { messageId: "smallint", line: 2 },
        { messageId: "smallint", line: 3 },
      ],
    },
    { sql: "ALTER TABLE t ADD COLUMN n int2;", errors: [{ messageId: "smallint", line: 1 }] },
  ],
});
