import { RuleTester } from "../../testing/index.js";
import { banCreateDomainWithConstraint } from "./index.js";

new RuleTester().run("ban-create-domain-with-constraint", banCreateDomainWithConstraint, {
  valid: ["CREATE DOMAIN amount AS numeric(12, 2);", "CREATE DOMAIN label AS text DEFAULT '';"],
  invalid: [
    { sql: "CREATE DOMAIN positive AS bigint\n  CHECK (VALUE > 0);", errors: [{ messageId: "domainConstraint", line: 2 }] },
    { sql: "CREATE DOMAIN email AS text NOT NULL;", errors: [{ messageId: "domainConstraint", line: 1 }] },
  ],
});
