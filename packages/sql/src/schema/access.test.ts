import { beforeAll, describe, expect, it } from "vitest";
import { loadTestParser, parseFile } from "./__fixtures__/parse.js";
import { buildSchemaModel } from "./apply.js";
import { grantsFor } from "./grants.js";
import { findTable } from "./names.js";
import type { SchemaModel, TableModel } from "./types.js";

beforeAll(loadTestParser);

function build(sql: string): SchemaModel {
  return buildSchemaModel([parseFile(sql)]);
}

function table(sql: string, name = "t"): TableModel {
  return findTable(build(`CREATE TABLE t (a int, b text, tenant int); ${sql}`), name)!;
}

describe("policies", () => {
  it("records CREATE POLICY with its command, roles and expressions", () => {
    const result = table(`
      CREATE POLICY tenant_read ON t FOR SELECT TO app_user, CURRENT_USER USING (tenant = current_setting('app.tenant')::int);
      CREATE POLICY deny ON t AS RESTRICTIVE USING (false) WITH CHECK (false);
    `);
    expect(result.policies).toMatchObject([
      { name: "tenant_read", command: "select", roles: ["app_user", "CURRENT_USER"], permissive: true },
      { name: "deny", command: "all", roles: ["PUBLIC"], permissive: false, using: "false", withCheck: "false" },
    ]);
    expect(result.policies[0]!.using).toContain("current_setting('app.tenant')");
    expect(result.policies[0]!.createdAt?.statementIndex).toBe(1);
  });

  it("alters, renames and drops policies", () => {
    const result = table(`
      CREATE POLICY p ON t USING (true);
      ALTER POLICY p ON t TO auditor USING (tenant = 1);
      ALTER POLICY p ON t RENAME TO q;
      CREATE POLICY r ON t USING (true);
      DROP POLICY r ON t;
    `);
    expect(result.policies).toMatchObject([{ name: "q", roles: ["auditor"], using: "tenant = 1" }]);
  });
});

describe("triggers", () => {
  it("records timing, events, level and function", () => {
    const result = table(`
      CREATE TRIGGER audit_changes AFTER INSERT OR UPDATE OR DELETE ON t FOR EACH ROW EXECUTE FUNCTION audit.log_change();
      CREATE TRIGGER touch BEFORE UPDATE OF b ON t FOR EACH ROW WHEN (OLD.b IS DISTINCT FROM NEW.b) EXECUTE PROCEDURE touch();
      CREATE TRIGGER wipe_guard BEFORE TRUNCATE ON t EXECUTE FUNCTION deny();
    `);
    expect(result.triggers).toMatchObject([
      {
        name: "audit_changes",
        function: "audit.log_change",
        timing: "after",
        events: ["insert", "update", "delete"],
        forEachRow: true,
        enabled: true,
      },
      { name: "touch", function: "touch", timing: "before", events: ["update"], columns: ["b"] },
      { name: "wipe_guard", timing: "before", events: ["truncate"], forEachRow: false },
    ]);
    expect(result.triggers[1]!.when).toContain("IS DISTINCT FROM");
  });

  it("records INSTEAD OF triggers on views", () => {
    const model = build(
      "CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t; CREATE TRIGGER ins INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION f()",
    );
    expect(findTable(model, "v")!.triggers[0]).toMatchObject({ timing: "instead_of", events: ["insert"] });
  });

  it.each([
    ["ALTER TABLE t DISABLE TRIGGER audit", [false, true], ["disabled", "origin"]],
    ["ALTER TABLE t DISABLE TRIGGER ALL", [false, false], ["disabled", "disabled"]],
    ["ALTER TABLE t DISABLE TRIGGER USER; ALTER TABLE t ENABLE TRIGGER other", [false, true], ["disabled", "origin"]],
    ["ALTER TABLE t ENABLE REPLICA TRIGGER audit", [false, true], ["replica", "origin"]],
    ["ALTER TABLE t DISABLE TRIGGER audit; ALTER TABLE t ENABLE ALWAYS TRIGGER audit", [true, true], ["always", "origin"]],
  ])("%s", (sql, enabled, firing) => {
    const result = table(`
      CREATE TRIGGER audit AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();
      CREATE TRIGGER other AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();
      ${sql};
    `);
    expect(result.triggers.map((trigger) => trigger.enabled)).toEqual(enabled);
    expect(result.triggers.map((trigger) => trigger.firing)).toEqual(firing);
  });

  it("drops, renames and replaces triggers", () => {
    const result = table(`
      CREATE TRIGGER a AFTER INSERT ON t EXECUTE FUNCTION f();
      CREATE TRIGGER b AFTER INSERT ON t EXECUTE FUNCTION f();
      DROP TRIGGER a ON t;
      ALTER TRIGGER b ON t RENAME TO c;
      CREATE OR REPLACE TRIGGER c AFTER DELETE ON t EXECUTE FUNCTION g();
    `);
    expect(result.triggers).toMatchObject([{ name: "c", events: ["delete"], function: "g" }]);
  });
});

describe("grants", () => {
  it("records table and column grants, expanding ALL", () => {
    const result = table(`
      GRANT SELECT, INSERT ON t TO app;
      GRANT UPDATE ON TABLE t TO app WITH GRANT OPTION;
      GRANT SELECT (a, b) ON t TO reporting;
      GRANT ALL ON t TO PUBLIC;
    `);
    expect(result.grants).toMatchObject([
      { grantee: "app", privileges: ["SELECT", "INSERT", "UPDATE"], withGrantOption: true },
      { grantee: "reporting", privileges: ["SELECT"], columns: ["a", "b"] },
      { grantee: "PUBLIC", privileges: ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"] },
    ]);
    expect(grantsFor(result, "PUBLIC", "select")).toHaveLength(1);
    expect(grantsFor(result, "app", "delete")).toHaveLength(0);
  });

  it("revokes table privileges (and the same privilege on columns) and column privileges", () => {
    const result = table(`
      GRANT SELECT, DELETE ON t TO app;
      GRANT SELECT (a, b), UPDATE (b) ON t TO app;
      REVOKE SELECT ON t FROM app;
      REVOKE UPDATE (b) ON t FROM app;
      GRANT ALL ON t TO PUBLIC;
      REVOKE ALL ON t FROM PUBLIC;
    `);
    expect(result.grants).toMatchObject([{ grantee: "app", privileges: ["DELETE"] }]);
    expect(result.grants).toHaveLength(1);
  });

  it("remembers the table privileges a REVOKE took away until a GRANT gives them back", () => {
    expect(table("REVOKE UPDATE, DELETE, TRUNCATE ON t FROM PUBLIC, app;").revokedPrivileges).toEqual([
      "UPDATE",
      "DELETE",
      "TRUNCATE",
    ]);
    expect(table("REVOKE UPDATE, DELETE ON t FROM app; GRANT UPDATE ON t TO admin;").revokedPrivileges).toEqual(["DELETE"]);
    expect(table("REVOKE UPDATE (a) ON t FROM app;").revokedPrivileges).toBeUndefined();
  });

  it("applies ALL TABLES IN SCHEMA to the tables that exist at that point", () => {
    const model = build(`
      CREATE TABLE a (x int);
      CREATE SCHEMA other;
      CREATE TABLE other.b (x int);
      GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;
      CREATE TABLE c (x int);
    `);
    expect(findTable(model, "a")!.grants).toMatchObject([{ grantee: "reader", privileges: ["SELECT"] }]);
    expect(findTable(model, "other.b")!.grants).toEqual([]);
    expect(findTable(model, "c")!.grants).toEqual([]);
  });
});

describe("roles", () => {
  it("records login, superuser and password, with USER implying LOGIN", () => {
    const model = build(`
      CREATE ROLE admin LOGIN SUPERUSER PASSWORD 'secret';
      CREATE USER app;
      CREATE ROLE readers;
      ALTER ROLE admin NOSUPERUSER;
      ALTER USER app WITH PASSWORD 'x';
      ALTER ROLE app PASSWORD NULL;
      GRANT readers TO app;
      CREATE ROLE gone;
      DROP ROLE IF EXISTS gone;
    `);
    expect(
      Object.fromEntries([...model.roles].map(([name, role]) => [name, [role.login, role.superuser, role.hasPassword]])),
    ).toEqual({
      admin: [true, false, true],
      app: [true, false, false],
      readers: [false, false, false],
    });
    expect(model.roles.get("app")?.memberOf).toEqual(["readers"]);
    expect(model.roles.get("admin")?.createdAt?.statementIndex).toBe(0);
  });

  it("records ALTER ROLE of a role created before the migrations", () => {
    expect(build("ALTER ROLE legacy LOGIN").roles.get("legacy")).toMatchObject({ login: true, superuser: false });
  });
});
