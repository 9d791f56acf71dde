import { RuleTester } from "../../testing/index.js";
import { banUncommittedTransaction } from "./index.js";

const noWrap = { runnerWrapsInTransaction: false };

new RuleTester().run("ban-uncommitted-transaction", banUncommittedTransaction, {
  valid: [
    { sql: "BEGIN;\nCREATE TABLE t (id bigint);\nCOMMIT;", settings: noWrap },
    { sql: "BEGIN;\nCREATE TABLE t (id bigint);\nROLLBACK;", settings: noWrap },
    "CREATE TABLE t (id bigint);",
  ],
  invalid: [
    { sql: "BEGIN;\nCREATE TABLE t (id bigint);", settings: noWrap, errors: [{ messageId: "uncommitted", line: 1 }] },
    {
      sql: "BEGIN;\nSELECT 1;\nCOMMIT;\n\nSTART TRANSACTION;\nSELECT 2;",
      settings: noWrap,
      errors: [{ messageId: "uncommitted", line: 5 }],
    },
  ],
});
