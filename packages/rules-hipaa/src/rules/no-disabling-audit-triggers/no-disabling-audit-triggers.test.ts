import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

const setup =
  "CREATE TABLE patients (id bigint PRIMARY KEY);\nCREATE TRIGGER patients_audit AFTER INSERT OR UPDATE OR DELETE ON patients FOR EACH ROW EXECUTE FUNCTION record_change();\nCREATE TRIGGER patients_touch BEFORE UPDATE ON patients FOR EACH ROW EXECUTE FUNCTION touch();";

tester.run("no-disabling-audit-triggers", rule, {
  valid: [
    {
      files: [
        { path: "001.up.sql", sql: setup },
        { path: "002.up.sql", sql: "ALTER TABLE patients DISABLE TRIGGER patients_touch;" },
      ],
    },
    {
      files: [
        { path: "001.up.sql", sql: "CREATE TABLE projects (id bigint);" },
        { path: "002.up.sql", sql: "ALTER TABLE projects DISABLE TRIGGER ALL;" },
      ],
    },
  ],
  invalid: [
    {
      name: "DISABLE TRIGGER ALL on an audit log lifts its append-only protection",
      files: [
        {
          path: "001.up.sql",
          sql: "CREATE TABLE patient_records_audit (id bigint PRIMARY KEY, patient_id bigint, diagnosis text, changed_at timestamptz);\nCOMMENT ON TABLE patient_records_audit IS '@audit';\nCREATE TRIGGER patient_records_audit_immutable BEFORE UPDATE OR DELETE ON patient_records_audit FOR EACH ROW EXECUTE FUNCTION reject_change();",
        },
        { path: "002.up.sql", sql: "ALTER TABLE patient_records_audit DISABLE TRIGGER ALL;" },
      ],
      errors: [{ messageId: "disableProtection", line: 1 }],
    },
    {
      name: "dropping the protecting trigger by name",
      files: [
        {
          path: "001.up.sql",
          sql: "CREATE TABLE patient_records_audit (id bigint PRIMARY KEY, patient_id bigint, diagnosis text, changed_at timestamptz);\nCOMMENT ON TABLE patient_records_audit IS '@audit';\nCREATE TRIGGER patient_records_audit_immutable BEFORE UPDATE OR DELETE ON patient_records_audit FOR EACH ROW EXECUTE FUNCTION reject_change();",
        },
        { path: "002.up.sql", sql: "DROP TRIGGER patient_records_audit_immutable ON patient_records_audit;" },
      ],
      errors: [{ messageId: "dropProtection", line: 1 }],
    },
    {
      files: [
        { path: "001.up.sql", sql: setup },
        { path: "002.up.sql", sql: "ALTER TABLE patients DISABLE TRIGGER patients_audit;" },
      ],
      errors: [{ messageId: "disable", line: 1 }],
    },
    {
      files: [
        { path: "001.up.sql", sql: setup },
        { path: "002.up.sql", sql: "SELECT 1;\nDROP TRIGGER patients_audit ON patients;" },
      ],
      errors: [{ messageId: "drop", line: 2 }],
    },
    {
      files: [
        { path: "001.up.sql", sql: setup },
        { path: "002.up.sql", sql: "ALTER TABLE patients DISABLE TRIGGER ALL;" },
      ],
      errors: [{ messageId: "disable", line: 1 }],
    },
  ],
});
