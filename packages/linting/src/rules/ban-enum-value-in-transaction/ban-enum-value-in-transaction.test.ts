import { RuleTester } from "../../testing/index.js";
import { banEnumValueInTransaction } from "./index.js";

new RuleTester().run("ban-enum-value-in-transaction", banEnumValueInTransaction, {
  valid: [
    // PostgreSQL 12+ allows ADD VALUE in a transaction as long as the value is not used before commit.
    "ALTER TYPE status ADD VALUE 'archived' AFTER 'done';",
    { sql: "ALTER TYPE status ADD VALUE 'archived';", pgVersion: 11, settings: { runnerWrapsInTransaction: false } },
    {
      sql: "BEGIN;\nALTER TYPE status ADD VALUE 'archived';\nCOMMIT;\nUPDATE tasks SET status = 'archived' WHERE done;",
      settings: { runnerWrapsInTransaction: false },
    },
  ],
  invalid: [
    { sql: "ALTER TYPE status ADD VALUE 'archived';", pgVersion: 11, errors: [{ messageId: "beforeTwelve", line: 1 }] },
    {
      sql: "ALTER TYPE status ADD VALUE 'archived';\nUPDATE tasks SET status = 'archived' WHERE done;",
      errors: [
        {
          messageId: "usedInTransaction",
          line: 2,
          message:
            "The enum value 'archived' is used in the transaction that added it (line 1): PostgreSQL refuses it until that transaction commits (unsafe use of new value).",
        },
      ],
    },
  ],
});
