import { RuleTester } from "../../testing/index.js";
import { requireEnumValueOrdering } from "./index.js";

new RuleTester({ settings: { runnerWrapsInTransaction: false } }).run("require-enum-value-ordering", requireEnumValueOrdering, {
  valid: [
    "ALTER TYPE status ADD VALUE 'archived' AFTER 'done';",
    "ALTER TYPE status ADD VALUE IF NOT EXISTS 'new' BEFORE 'open';",
    "ALTER TYPE status RENAME VALUE 'a' TO 'b';",
  ],
  invalid: [
    {
      sql: "ALTER TYPE status ADD VALUE 'archived';",
      errors: [
        {
          messageId: "unordered",
          line: 1,
          message:
            "ADD VALUE 'archived' without BEFORE or AFTER appends it to status: enum values sort in declaration order, so it sorts after every existing value.",
        },
      ],
    },
  ],
});
