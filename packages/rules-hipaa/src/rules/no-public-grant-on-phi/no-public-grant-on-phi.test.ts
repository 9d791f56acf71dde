import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-public-grant-on-phi", rule, {
  valid: [
    "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);\nGRANT SELECT ON patients TO clinician;",
    "CREATE TABLE projects (id bigint PRIMARY KEY, title text);\nGRANT SELECT ON projects TO PUBLIC;",
  ],
  invalid: [
    {
      sql: "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);\nGRANT SELECT ON patients TO PUBLIC;",
      errors: [{ messageId: "toPublic", line: 2 }],
    },
    {
      sql: "CREATE TABLE visits (id bigint PRIMARY KEY, diagnosis bytea);\nGRANT SELECT, UPDATE ON public.visits TO clinician, PUBLIC;",
      errors: [{ messageId: "toPublic", line: 2 }],
    },
  ],
});
