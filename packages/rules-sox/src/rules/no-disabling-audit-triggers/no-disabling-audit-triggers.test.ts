import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("no-disabling-audit-triggers", rule, {
  valid: [
    {
      files: [
        {
          path: "001.up.sql",
          sql: "CREATE TABLE invoices (id bigint);\nCREATE TRIGGER invoices_touch BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION touch();",
        },
        { path: "002.up.sql", sql: "ALTER TABLE invoices DISABLE TRIGGER invoices_touch;" },
      ],
    },
  ],
  invalid: [
    {
      files: [
        {
          path: "001.up.sql",
          sql: "CREATE TABLE invoices (id bigint);\nCREATE TRIGGER invoices_audit AFTER INSERT OR UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION audit_record_change();",
        },
        { path: "002.up.sql", sql: "DROP TRIGGER invoices_audit ON invoices;" },
      ],
      errors: [{ messageId: "drop", line: 1 }],
    },
  ],
});
