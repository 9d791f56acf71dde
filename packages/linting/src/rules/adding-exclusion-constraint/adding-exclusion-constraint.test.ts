import { RuleTester } from "../../testing/index.js";
import { addingExclusionConstraint } from "./index.js";

new RuleTester().run("adding-exclusion-constraint", addingExclusionConstraint, {
  valid: [
    "CREATE TABLE bookings (room bigint, during tstzrange, EXCLUDE USING gist (during WITH &&));",
    "CREATE TABLE b (during tstzrange);\nALTER TABLE b ADD EXCLUDE USING gist (during WITH &&);",
  ],
  invalid: [
    {
      sql: "ALTER TABLE bookings\n  ADD CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&);",
      errors: [{ messageId: "exclusion", line: 2 }],
    },
  ],
});
