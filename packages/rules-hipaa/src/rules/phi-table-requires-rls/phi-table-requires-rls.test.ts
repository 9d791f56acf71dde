import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("phi-table-requires-rls", rule, {
  valid: [
    // An audit log holds copies of PHI but is a record of changes, not the PHI tables RLS protects.
    "CREATE TABLE patient_records_audit (id bigint PRIMARY KEY, patient_id bigint, diagnosis text, changed_at timestamptz);\nCOMMENT ON TABLE patient_records_audit IS '@audit';\nCREATE TRIGGER patient_records_audit_immutable BEFORE UPDATE OR DELETE ON patient_records_audit FOR EACH ROW EXECUTE FUNCTION reject_change();",
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
