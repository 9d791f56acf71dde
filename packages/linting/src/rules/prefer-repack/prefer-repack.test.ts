import { RuleTester } from "../../testing/index.js";
import { preferRepack } from "./index.js";

const noWrap = { runnerWrapsInTransaction: false };

new RuleTester().run("prefer-repack", preferRepack, {
  valid: [
    { sql: "VACUUM users;", settings: noWrap },
    { sql: "VACUUM (ANALYZE) users;", settings: noWrap },
    { sql: "VACUUM (FULL false) users;", settings: noWrap },
  ],
  invalid: [
    { sql: "VACUUM FULL users;", settings: noWrap, errors: [{ messageId: "vacuumFull", line: 1 }] },
    { sql: "SELECT 1;\nCLUSTER users USING users_pkey;", errors: [{ messageId: "cluster", line: 2 }] },
  ],
});
