import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("personal-data-audit-trigger", rule, {
  valid: [
    "CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TRIGGER customers_audit AFTER INSERT OR UPDATE OR DELETE ON customers FOR EACH ROW EXECUTE FUNCTION audit_record_change();",
    "CREATE TABLE projects (id bigint PRIMARY KEY);",
  ],
  invalid: [
    { sql: "CREATE TABLE customers (id bigint PRIMARY KEY, email bytea);", errors: [{ messageId: "noAuditTrail", line: 1 }] },
  ],
});
