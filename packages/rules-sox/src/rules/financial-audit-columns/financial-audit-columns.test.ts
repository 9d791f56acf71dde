import { RuleTester } from "@confiture/linting/testing";
import { rule } from "./index.js";

const tester = new RuleTester();

tester.run("financial-audit-columns", rule, {
  valid: [
    // A ledger's audit table is an audit log, not financial records.
    "CREATE TABLE general_ledger_audit (id bigint PRIMARY KEY, entry_id bigint, amount_cents bigint, recorded_at timestamptz);",
    // An append-only ledger's rows are never updated: created_* is all it can have.
    "CREATE TABLE ledger (id bigint PRIMARY KEY, amount_cents bigint, created_at timestamptz, created_by text);\nCREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger FOR EACH ROW EXECUTE FUNCTION reject_change();",
    "CREATE TABLE ledger (id bigint PRIMARY KEY, amount_cents bigint, created_at timestamptz, created_by text);\nREVOKE UPDATE, DELETE ON ledger FROM app;",
    "CREATE TABLE invoices (id bigint PRIMARY KEY, amount_cents bigint, created_at timestamptz, updated_at timestamptz, created_by text, updated_by text);",
    "CREATE TABLE projects (id bigint PRIMARY KEY, title text);",
  ],
  invalid: [
    {
      name: "a trigger that keeps updated_at is no append-only protection",
      sql: "CREATE TABLE ledger (id bigint PRIMARY KEY, amount_cents bigint, created_at timestamptz, created_by text);\nCREATE TRIGGER ledger_set_updated_at BEFORE UPDATE ON ledger FOR EACH ROW EXECUTE FUNCTION set_updated_at();",
      errors: [{ messageId: "missing", line: 1 }],
    },
    {
      sql: "CREATE TABLE invoices (id bigint PRIMARY KEY, amount_cents bigint, created_at timestamptz);",
      errors: [
        {
          messageId: "missing",
          line: 1,
          message:
            "Financial table invoices has no updated_at, created_by, updated_by column(s): who changed a record, and when, cannot be shown.",
        },
      ],
    },
  ],
});
