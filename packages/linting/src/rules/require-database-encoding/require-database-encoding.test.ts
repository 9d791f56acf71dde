import { RuleTester } from "../../testing/index.js";
import { requireDatabaseEncoding } from "./index.js";

const noWrap = { settings: { runnerWrapsInTransaction: false } };

new RuleTester(noWrap).run("require-database-encoding", requireDatabaseEncoding, {
  valid: [
    "CREATE DATABASE reports ENCODING 'UTF8' TEMPLATE template0;",
    "CREATE DATABASE reports WITH ENCODING = 'utf8';",
    "CREATE TABLE t (id bigint);",
  ],
  invalid: [
    { sql: "CREATE DATABASE reports;", errors: [{ messageId: "missing", line: 1 }] },
    {
      sql: "CREATE DATABASE reports ENCODING 'SQL_ASCII';",
      errors: [
        {
          messageId: "notUtf8",
          line: 1,
          message:
            "CREATE DATABASE reports uses encoding SQL_ASCII: text outside it is rejected (or, with SQL_ASCII, stored unchecked).",
        },
      ],
    },
  ],
});
