import { loadModule, parseSync } from "libpg-query";
import type { Node } from "@pgsql/types";
import { beforeAll, describe, expect, it } from "vitest";
import { dataChange, grantInfo, literalPassword, securityDefiner, tableCopy, triggerRemovals } from "./ast.js";

beforeAll(async () => {
  await loadModule();
});

const node = (sql: string) => parseSync(sql).stmts?.[0]?.stmt as Node;

describe("ast helpers", () => {
  it("reads grants to PUBLIC and ALL PRIVILEGES", () => {
    expect(grantInfo(node("GRANT SELECT ON patients, billing.cards TO PUBLIC, bob"))).toMatchObject({
      isGrant: true,
      tables: ["patients", "billing.cards"],
      grantees: ["public", "bob"],
      toPublic: true,
      allPrivileges: false,
    });
    expect(grantInfo(node("GRANT ALL ON public.ledger TO clerk"))).toMatchObject({
      tables: ["ledger"],
      allPrivileges: true,
      toPublic: false,
    });
    expect(grantInfo(node("GRANT USAGE ON SCHEMA s TO PUBLIC"))).toBeUndefined();
  });

  it("reads data changes and table drops", () => {
    expect(dataChange(node("DELETE FROM audit_log WHERE id < 3"))).toEqual({ action: "delete", tables: ["audit_log"] });
    expect(dataChange(node("TRUNCATE audit_log, s.b"))).toEqual({ action: "truncate", tables: ["audit_log", "s.b"] });
    expect(dataChange(node("DROP TABLE public.ledger, s.journal"))).toEqual({ action: "drop", tables: ["ledger", "s.journal"] });
    expect(dataChange(node("SELECT 1"))).toBeUndefined();
  });

  it("reads disabled and dropped triggers", () => {
    expect(triggerRemovals(node("ALTER TABLE patients DISABLE TRIGGER audit_trg"))).toEqual([
      { table: "patients", trigger: "audit_trg", action: "disable" },
    ]);
    expect(triggerRemovals(node("ALTER TABLE patients DISABLE TRIGGER ALL"))).toEqual([{ table: "patients", action: "disable" }]);
    expect(triggerRemovals(node("DROP TRIGGER audit_trg ON s.patients"))).toEqual([
      { table: "s.patients", trigger: "audit_trg", action: "drop" },
    ]);
  });

  it("reads table copies with every source", () => {
    expect(tableCopy(node("CREATE TABLE c AS SELECT * FROM patients p JOIN (SELECT * FROM visits) v ON true"))).toEqual({
      target: "c",
      sources: ["patients", "visits"],
    });
    expect(tableCopy(node("SELECT * INTO c2 FROM patients"))).toEqual({ target: "c2", sources: ["patients"] });
    expect(tableCopy(node("SELECT * FROM patients"))).toBeUndefined();
  });

  it("finds literal passwords and unpinned security definer functions", () => {
    expect(literalPassword(node("CREATE ROLE app LOGIN PASSWORD 'secret'"))).toMatchObject({ role: "app" });
    expect(literalPassword(node("ALTER ROLE app WITH PASSWORD 'x'"))).toMatchObject({ role: "app" });
    expect(literalPassword(node("CREATE ROLE app LOGIN"))).toBeUndefined();
    expect(literalPassword(node("ALTER ROLE app PASSWORD NULL"))).toBeUndefined();
    expect(securityDefiner(node("CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'select 1'"))).toEqual({
      name: "f",
      pinnedSearchPath: false,
    });
    expect(
      securityDefiner(
        node("CREATE FUNCTION s.f() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS 'select 1'"),
      ),
    ).toEqual({
      name: "s.f",
      pinnedSearchPath: true,
    });
    expect(securityDefiner(node("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1'"))).toBeUndefined();
  });
});
