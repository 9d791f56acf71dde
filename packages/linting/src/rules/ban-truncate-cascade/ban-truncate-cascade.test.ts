import { RuleTester } from "../../testing/index.js";
import { banTruncateCascade } from "./index.js";

new RuleTester().run("ban-truncate-cascade", banTruncateCascade, {
  valid: ["TRUNCATE orders;", "TRUNCATE orders, order_lines RESTRICT;"],
  invalid: [
    { sql: "TRUNCATE orders CASCADE;", errors: [{ messageId: "cascade", line: 1 }] },
    { sql: "SELECT 1;\n\nTRUNCATE TABLE a, b CASCADE;", errors: [{ messageId: "cascade", line: 3 }] },
  ],
});
