import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("phi-no-cascading-delete", rule, {
  valid: [
    "CREATE TABLE clinics (id bigint PRIMARY KEY);\nCREATE TABLE patients (id bigint PRIMARY KEY, clinic_id bigint REFERENCES clinics (id) ON DELETE RESTRICT);",
    "CREATE TABLE accounts (id bigint PRIMARY KEY);\nCREATE TABLE projects (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id) ON DELETE CASCADE);",
  ],
  invalid: [
    {
      sql: "CREATE TABLE clinics (id bigint PRIMARY KEY);\nCREATE TABLE patients (id bigint PRIMARY KEY, clinic_id bigint REFERENCES clinics (id) ON DELETE CASCADE);",
      errors: [{ messageId: "cascade", line: 2 }],
    },
    {
      sql: "CREATE TABLE clinics (id bigint PRIMARY KEY);\nCREATE TABLE visits (id bigint PRIMARY KEY, clinic_id bigint, diagnosis bytea);\nALTER TABLE visits ADD CONSTRAINT visits_clinic_fkey FOREIGN KEY (clinic_id) REFERENCES clinics (id) ON DELETE CASCADE;",
      errors: [{ messageId: "cascade", line: 3 }],
    },
  ],
});
