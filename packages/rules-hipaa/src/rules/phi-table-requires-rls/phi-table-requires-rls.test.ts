import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("phi-table-requires-rls", rule, {
  valid: [
    "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);\nALTER TABLE patients ENABLE ROW LEVEL SECURITY;\nCREATE POLICY own_clinic ON patients USING (true);",
    "CREATE TABLE projects (id bigint PRIMARY KEY, title text);",
    {
      name: "a table that predates the migrations: its RLS is unknown, not missing",
      sql: "ALTER TABLE patients ADD COLUMN note_id bigint;",
    },
  ],
  invalid: [
    {
      sql: "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);",
      errors: [{ messageId: "noRowLevelSecurity", line: 1 }],
    },
    {
      sql: "CREATE TABLE visits (id bigint PRIMARY KEY, diagnosis bytea);\nALTER TABLE visits ENABLE ROW LEVEL SECURITY;",
      errors: [{ messageId: "noPolicy", line: 1 }],
    },
  ],
});
