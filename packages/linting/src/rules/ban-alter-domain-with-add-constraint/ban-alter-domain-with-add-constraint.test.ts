import { RuleTester } from "../../testing/index.js";
import { banAlterDomainWithAddConstraint } from "./index.js";

new RuleTester().run("ban-alter-domain-with-add-constraint", banAlterDomainWithAddConstraint, {
  valid: ["ALTER DOMAIN positive DROP CONSTRAINT positive_check;", "ALTER DOMAIN positive RENAME CONSTRAINT a TO b;"],
  invalid: [
    {
      sql: "ALTER DOMAIN positive\n  ADD CONSTRAINT positive_check CHECK (VALUE > 0);",
      errors: [{ messageId: "addConstraint", line: 2 }],
    },
  ],
});
