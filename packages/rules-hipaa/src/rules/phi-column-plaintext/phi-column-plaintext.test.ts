import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("phi-column-plaintext", rule, {
  valid: [
    "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);\nCOMMENT ON COLUMN patients.diagnosis IS '@phi @encrypted';",
    "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis_encrypted bytea);",
    "CREATE TABLE visits (id bigint PRIMARY KEY, diagnosis text);\nCOMMENT ON COLUMN visits.diagnosis IS '@not-sensitive free-text category label';",
    "CREATE TABLE projects (id bigint PRIMARY KEY, title text);",
  ],
  invalid: [
    { sql: "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis text);", errors: [{ messageId: "plaintext", line: 1 }] },
    {
      name: "a PHI column added to a table that predates the migrations",
      sql: "ALTER TABLE visits ADD COLUMN diagnosis text;",
      errors: [{ messageId: "plaintext", line: 1 }],
    },
    {
      name: "a column tagged @phi in a later migration",
      files: [
        { path: "001_notes.up.sql", sql: "CREATE TABLE visits (id bigint PRIMARY KEY, notes text);" },
        { path: "002_tag.up.sql", sql: "COMMENT ON COLUMN visits.notes IS '@phi';" },
      ],
      errors: [{ messageId: "plaintext", file: "001_notes.up.sql", line: 1 }],
    },
    {
      name: "an encrypted-sounding name on a text column is not trusted",
      sql: "SELECT 1;\nCREATE TABLE patients (id bigint PRIMARY KEY, diagnosis_encrypted text, medical_record_number text);",
      errors: [
        { messageId: "plaintext", line: 2 },
        { messageId: "plaintext", line: 2 },
      ],
    },
  ],
});
