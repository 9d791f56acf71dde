import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("phi-table-requires-audit-trigger", rule, {
  valid: [
    // An audit log is a record of changes: append-only protection, not an audit trail of itself.
    "CREATE TABLE patient_records_audit (id bigint PRIMARY KEY, patient_id bigint, diagnosis text, changed_at timestamptz);\nCOMMENT ON TABLE patient_records_audit IS '@audit';\nCREATE TRIGGER patient_records_audit_immutable BEFORE UPDATE OR DELETE ON patient_records_audit FOR EACH ROW EXECUTE FUNCTION reject_change();",
    "CREATE TABLE patient_records_audit (id bigint PRIMARY KEY, patient_id bigint, diagnosis text, changed_at timestamptz);\nCOMMENT ON TABLE patient_records_audit IS '@audit';\nREVOKE UPDATE, DELETE ON patient_records_audit FROM PUBLIC, app;",
    "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);\nCREATE TRIGGER patients_audit AFTER INSERT OR UPDATE OR DELETE ON patients FOR EACH ROW EXECUTE FUNCTION record_change();",
    "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);\nCOMMENT ON TABLE patients IS '@audited by pgaudit object logging';",
    "CREATE TABLE projects (id bigint PRIMARY KEY, title text);",
  ],
  invalid: [
    {
      name: "an audit log that nothing keeps append-only",
      sql: "CREATE TABLE patient_records_audit (id bigint PRIMARY KEY, patient_id bigint, diagnosis text, changed_at timestamptz);\nCOMMENT ON TABLE patient_records_audit IS '@audit';",
      errors: [{ messageId: "notAppendOnly", line: 1 }],
    },
    { sql: "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);", errors: [{ messageId: "noAuditTrail", line: 1 }] },
    {
      name: "a trigger on updates only is not an audit trail",
      sql: "CREATE TABLE patients (id bigint PRIMARY KEY);\nCREATE TRIGGER patients_audit AFTER UPDATE ON patients FOR EACH ROW EXECUTE FUNCTION record_change();",
      errors: [{ messageId: "noAuditTrail", line: 1 }],
    },
  ],
});
