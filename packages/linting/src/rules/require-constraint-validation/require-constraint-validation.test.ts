import { RuleTester } from "../../testing/index.js";
import { requireConstraintValidation } from "./index.js";

new RuleTester().run("require-constraint-validation", requireConstraintValidation, {
  valid: [
    "ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);",
    {
      files: [
        {
          path: "001_users.up.sql",
          sql: "CREATE TABLE users (age bigint);\nALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;",
        },
        { path: "002_validate.up.sql", sql: "ALTER TABLE users VALIDATE CONSTRAINT users_age_check;" },
      ],
    },
  ],
  invalid: [
    {
      files: [
        {
          path: "001_users.up.sql",
          sql: "CREATE TABLE users (age bigint);\nALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;",
        },
      ],
      errors: [
        {
          messageId: "notValidated",
          file: "001_users.up.sql",
          line: 2,
          message:
            "Constraint users_age_check on users is still NOT VALID after the last migration: existing rows were never checked, and the planner cannot rely on it.",
        },
      ],
    },
  ],
});
