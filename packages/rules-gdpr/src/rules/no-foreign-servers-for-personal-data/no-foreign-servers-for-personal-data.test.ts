import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-foreign-servers-for-personal-data", rule, {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE SERVER archive FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost');",
    "CREATE TABLE projects (id bigint PRIMARY KEY);\nCREATE SERVER dw FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'dw.example.com');",
  ],
  invalid: [
    {
      sql: "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE SERVER dw FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'dw.us-east.example.com', dbname 'dw');",
      errors: [{ messageId: "server", line: 2 }],
    },
  ],
});
