import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("phi-table-requires-audit-trigger", rule, {
  valid: [
    "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);\nCREATE TRIGGER patients_audit AFTER INSERT OR UPDATE OR DELETE ON patients FOR EACH ROW EXECUTE FUNCTION record_change();",
    "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);\nCOMMENT ON TABLE patients IS '@audited by pgaudit object logging';",
    "CREATE TABLE projects (id bigint PRIMARY KEY, title text);",
  ],
  invalid: [
    { sql: "CREATE TABLE patients (id bigint PRIMARY KEY, diagnosis bytea);", errors: [{ messageId: "noAuditTrail", line: 1 }] },
    {
      name: "a trigger on updates only is not an audit trail",
      sql: "CREATE TABLE patients (id bigint PRIMARY KEY);\nCREATE TRIGGER patients_audit AFTER UPDATE ON patients FOR EACH ROW EXECUTE FUNCTION record_change();",
      errors: [{ messageId: "noAuditTrail", line: 1 }],
    },
  ],
});
