import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("financial-audit-trigger", rule, {
  valid: [
    "CREATE TABLE invoices (id bigint PRIMARY KEY, amount_cents bigint);\nCREATE TRIGGER invoices_audit AFTER INSERT OR UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION audit_record_change();",
  ],
  invalid: [
    {
      sql: "CREATE TABLE general_ledger (id bigint PRIMARY KEY, amount_cents bigint);",
      errors: [{ messageId: "noAuditTrail", line: 1 }],
    },
  ],
});
