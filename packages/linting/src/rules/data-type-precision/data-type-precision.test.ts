import { RuleTester } from "../../testing/index.js";
import { dataTypePrecision } from "./index.js";

new RuleTester().run("data-type-precision", dataTypePrecision, {
  valid: ["CREATE TABLE t (amount numeric(12, 2), ratio decimal(5));", "ALTER TABLE t ADD COLUMN n bigint;"],
  invalid: [
    {
      sql: "CREATE TABLE t (\n  amount numeric,\n  price decimal\n);",
      errors: [
        { messageId: "unboundedNumeric", line: 2 },
        { messageId: "unboundedNumeric", line: 3 },
      ],
    },
    { sql: "ALTER TABLE t ADD COLUMN total money;", errors: [{ messageId: "money", line: 1 }] },
  ],
});
