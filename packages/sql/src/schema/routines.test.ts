import { beforeAll, describe, expect, it } from "vitest";
import { loadTestParser, parseFile } from "./__fixtures__/parse.js";
import { buildSchemaModel } from "./apply.js";
import type { SchemaModel } from "./types.js";

beforeAll(loadTestParser);

function build(sql: string): SchemaModel {
  return buildSchemaModel([parseFile(sql)]);
}

describe("functions", () => {
  it("records security definer, pinned search_path, language, volatility and signature", () => {
    const model = build(`
      CREATE FUNCTION app.audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, app AS $$ begin return new; end $$;
      CREATE FUNCTION unsafe(a int, b text[]) RETURNS int SECURITY DEFINER IMMUTABLE LANGUAGE sql AS 'select a';
      CREATE FUNCTION empty_path() RETURNS int LANGUAGE sql SET search_path = '' AS 'select 1';
      CREATE PROCEDURE tidy() LANGUAGE sql AS 'select 1';
      CREATE FUNCTION standard() RETURNS int RETURN 1;
    `);
    expect(model.functions.get("app.audit")).toMatchObject({
      schema: "app",
      name: "audit",
      securityDefiner: true,
      searchPath: "pg_catalog, app",
      language: "plpgsql",
      volatility: "volatile",
      returns: "trigger",
      kind: "function",
    });
    expect(model.functions.get("public.unsafe")).toMatchObject({
      securityDefiner: true,
      volatility: "immutable",
      argumentTypes: ["int4", "text[]"],
    });
    expect(model.functions.get("public.unsafe")?.searchPath).toBeUndefined();
    expect(model.functions.get("public.empty_path")?.searchPath).toBe("");
    expect(model.functions.get("public.tidy")).toMatchObject({ kind: "procedure" });
    expect(model.functions.get("public.standard")).toMatchObject({ language: "sql" });
  });

  it("applies ALTER FUNCTION, OWNER TO, RENAME, SET SCHEMA and DROP", () => {
    const model = build(`
      CREATE FUNCTION f(int) RETURNS int SECURITY DEFINER LANGUAGE sql AS 'select 1';
      ALTER FUNCTION f(int) SET search_path TO app STABLE;
      ALTER FUNCTION f(int) OWNER TO owner_role;
      CREATE FUNCTION g() RETURNS int LANGUAGE sql SET search_path = app AS 'select 1';
      ALTER FUNCTION g() SECURITY DEFINER RESET ALL;
      ALTER FUNCTION g() RENAME TO h;
      CREATE SCHEMA util;
      ALTER FUNCTION h SET SCHEMA util;
      CREATE FUNCTION gone() RETURNS int LANGUAGE sql AS 'select 1';
      DROP FUNCTION IF EXISTS gone();
    `);
    expect(model.functions.get("public.f")).toMatchObject({ searchPath: "app", volatility: "stable", owner: "owner_role" });
    expect([...model.functions.keys()]).toEqual(["public.f", "util.h"]);
    expect(model.functions.get("util.h")).toMatchObject({ securityDefiner: true });
    expect(model.functions.get("util.h")?.searchPath).toBeUndefined();
  });
});

describe("enums, extensions", () => {
  it("records enum labels in order through ADD VALUE and RENAME VALUE", () => {
    const model = build(`
      CREATE TYPE status AS ENUM ('new', 'done');
      ALTER TYPE status ADD VALUE 'archived';
      ALTER TYPE status ADD VALUE 'active' BEFORE 'done';
      ALTER TYPE status ADD VALUE 'review' AFTER 'active';
      ALTER TYPE status ADD VALUE IF NOT EXISTS 'new';
      ALTER TYPE status RENAME VALUE 'done' TO 'closed';
      CREATE TYPE app.level AS ENUM ('low');
      ALTER TYPE app.level RENAME TO grade;
    `);
    expect(model.enums.get("public.status")).toEqual(["new", "active", "review", "closed", "archived"]);
    expect(model.enums.get("app.grade")).toEqual(["low"]);
    expect(model.sources.get("enum:public.status")?.statementIndex).toBe(0);
  });

  it("records and drops extensions", () => {
    const model = build(
      "CREATE EXTENSION IF NOT EXISTS pgcrypto; CREATE EXTENSION pgaudit WITH SCHEMA ext; DROP EXTENSION pgaudit; DROP TYPE IF EXISTS nothing",
    );
    expect([...model.extensions]).toEqual(["pgcrypto"]);
    expect(model.sources.get("extension:pgcrypto")).toMatchObject({ line: 1, column: 1, statementIndex: 0 });
  });
});
