import type { Node } from "@pgsql/types";
import { loadModule, parseSync } from "libpg-query";
import { beforeAll, describe, expect, it } from "vitest";
import { getFunctionVolatility, isVolatileExpression } from "./volatility.js";

beforeAll(async () => {
  await loadModule();
});

/** The DEFAULT expression node of `ALTER TABLE t ADD COLUMN c <type> DEFAULT <expression>`. */
function defaultExpression(expression: string, type = "text"): Node {
  const result = parseSync(`ALTER TABLE t ADD COLUMN c ${type} DEFAULT ${expression}`) as {
    stmts: Array<{
      stmt: { AlterTableStmt: { cmds: Array<{ AlterTableCmd: { def: { ColumnDef: { constraints: Node[] } } } }> } };
    }>;
  };
  const constraint = result.stmts[0]!.stmt.AlterTableStmt.cmds[0]!.AlterTableCmd.def.ColumnDef.constraints[0] as {
    Constraint: { raw_expr: Node };
  };
  return constraint.Constraint.raw_expr;
}

describe("getFunctionVolatility", () => {
  it.each([
    ["now", "s"],
    ["pg_catalog.now", "s"],
    ["random", "v"],
    ["nextval", "v"],
    ["clock_timestamp", "v"],
    ["gen_random_uuid", "v"],
    ["lower", "i"],
    ["abs", "i"],
    ["to_char", "s"],
  ] as const)("%s is %s", (name, expected) => {
    expect(getFunctionVolatility(name)).toBe(expected);
  });

  it("knows nothing of functions outside pg_catalog", () => {
    expect(getFunctionVolatility("uuid_generate_v4")).toBeUndefined();
    expect(getFunctionVolatility("app.now")).toBeUndefined();
  });
});

describe("isVolatileExpression", () => {
  it.each([
    ["nextval('users_id_seq')", "bigint"],
    ["random()", "float8"],
    ["clock_timestamp()", "timestamptz"],
    ["gen_random_uuid()", "uuid"],
    ["uuid_generate_v4()", "uuid"],
    ["app.make_id()", "uuid"],
    ["lower(gen_random_uuid()::text)", "text"],
    ["now() + (random() * interval '1 day')", "timestamptz"],
    ["coalesce(null, timeofday())", "text"],
    ["CASE WHEN true THEN random() ELSE 0 END", "float8"],
    ["(SELECT 1)", "int"],
  ])("%s is volatile", (expression, type) => {
    expect(isVolatileExpression(defaultExpression(expression, type))).toBe(true);
  });

  it.each([
    ["0", "int"],
    ["'active'", "text"],
    ["'active'::text", "text"],
    ["NULL", "text"],
    ["true", "boolean"],
    ["-1", "int"],
    ["now()", "timestamptz"],
    ["pg_catalog.now()", "timestamptz"],
    ["CURRENT_TIMESTAMP", "timestamptz"],
    ["current_date", "date"],
    ["current_user", "text"],
    ["lower('ABC')", "text"],
    ["now() + interval '1 day'", "timestamptz"],
    ["ARRAY[1, 2, 3]", "int[]"],
    ["'{}'::jsonb", "jsonb"],
    ["to_char(now(), 'YYYY')", "text"],
  ])("%s is not volatile", (expression, type) => {
    expect(isVolatileExpression(defaultExpression(expression, type))).toBe(false);
  });

  it("asks the resolver about functions it does not know", () => {
    const node = defaultExpression("app.tenant_default()", "int");
    expect(isVolatileExpression(node)).toBe(true);
    expect(
      isVolatileExpression(node, {
        resolveFunction: (name, schema) => (schema === "app" && name === "tenant_default" ? "s" : undefined),
      }),
    ).toBe(false);
    expect(isVolatileExpression(node, { resolveFunction: () => "v" })).toBe(true);
  });

  it("treats a missing expression as not volatile", () => {
    expect(isVolatileExpression(undefined)).toBe(false);
  });
});
