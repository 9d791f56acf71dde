import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-phi-copy", rule, {
  valid: [
    "CREATE TABLE projects (id bigint PRIMARY KEY, title text);\nCREATE TABLE projects_copy AS SELECT * FROM projects;",
    "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);\nCREATE VIEW patient_ids AS SELECT id FROM patients;",
  ],
  invalid: [
    {
      sql: "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);\nCREATE TABLE patients_backup AS SELECT * FROM patients;",
      errors: [{ messageId: "copy", line: 2 }],
    },
    {
      sql: "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);\nSELECT p.* INTO TABLE export_2024 FROM patients p WHERE p.id > 10;",
      errors: [{ messageId: "copy", line: 2 }],
    },
  ],
});
