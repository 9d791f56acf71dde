import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("cardholder-audit-trigger", rule, {
  valid: [
    "CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);\nCREATE TRIGGER cards_audit AFTER INSERT OR UPDATE OR DELETE ON cards FOR EACH ROW EXECUTE FUNCTION audit_record_change();",
    "CREATE TABLE products (id bigint PRIMARY KEY);",
  ],
  invalid: [{ sql: "CREATE TABLE cards (id bigint PRIMARY KEY, pan bytea);", errors: [{ messageId: "noAuditTrail", line: 1 }] }],
});
