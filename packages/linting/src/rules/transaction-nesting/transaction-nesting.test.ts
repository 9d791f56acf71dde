import { RuleTester } from "../../testing/index.js";
import { transactionNesting } from "./index.js";

const noWrap = { runnerWrapsInTransaction: false };

new RuleTester().run("transaction-nesting", transactionNesting, {
  valid: [
    { sql: "BEGIN;\nALTER TABLE t ADD COLUMN a text;\nCOMMIT;", settings: noWrap },
    "-- confiture: no-transaction\nBEGIN;\nSELECT 1;\nCOMMIT;",
    "ALTER TABLE t ADD COLUMN a text;",
    { sql: "BEGIN;\nSAVEPOINT s;\nROLLBACK TO SAVEPOINT s;\nCOMMIT;", settings: noWrap },
  ],
  invalid: [
    { sql: "BEGIN;\nBEGIN;\nSELECT 1;\nCOMMIT;", settings: noWrap, errors: [{ messageId: "nestedBegin", line: 2 }] },
    // The runner wraps every file by default.
    {
      sql: "BEGIN;\nSELECT 1;\nCOMMIT;",
      errors: [
        { messageId: "runnerBegin", line: 1 },
        { messageId: "runnerEnd", line: 3 },
      ],
    },
    {
      sql: "SELECT 1;\nCOMMIT;",
      errors: [
        {
          messageId: "runnerEnd",
          line: 2,
          message:
            "COMMIT ends the transaction the migration runner opened for this file: the statements after it run outside any transaction and the runner's own COMMIT has nothing to commit.",
        },
      ],
    },
  ],
});
