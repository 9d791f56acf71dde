import { beforeAll, describe, expect, it } from "vitest";
import { loadTestParser, parseFile } from "./__fixtures__/parse.js";
import { buildSchemaModel } from "./apply.js";
import { diffSchemaModels } from "./diff.js";
import { isSchemaDiffEmpty } from "./diff-types.js";
import type { SchemaModel } from "./types.js";

beforeAll(loadTestParser);

const BASE = `
  CREATE TABLE users (id int PRIMARY KEY, email varchar(100), name text);
  CREATE TABLE legacy (a int);
  CREATE TABLE orders (id int, user_id int);
  CREATE TRIGGER audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION f();
  CREATE TYPE status AS ENUM ('new');
  CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'begin return new; end';
`;

function models(change: string): { before: SchemaModel; after: SchemaModel } {
  const before = buildSchemaModel([parseFile(BASE, "001.up.sql")]);
  const after = buildSchemaModel([parseFile(change, "002.up.sql")], { model: before });
  return { before, after };
}

describe("diffSchemaModels", () => {
  it("is empty when nothing changed", () => {
    const { before, after } = models("SELECT 1");
    expect(isSchemaDiffEmpty(diffSchemaModels(before, after))).toBe(true);
  });

  it("lists what the migrations changed", () => {
    const { before, after } = models(`
      CREATE TABLE invoices (id int);
      DROP TABLE legacy;
      ALTER TABLE users ADD COLUMN ssn text, DROP COLUMN name, ALTER COLUMN email TYPE varchar(200), ALTER COLUMN email SET NOT NULL;
      ALTER TABLE users RENAME COLUMN id TO user_id;
      ALTER TABLE orders RENAME TO purchases;
      ALTER TABLE purchases ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users NOT VALID;
      CREATE INDEX purchases_user ON purchases (user_id);
      ALTER TABLE purchases ENABLE ROW LEVEL SECURITY;
      CREATE POLICY own ON purchases USING (true);
      ALTER TABLE purchases DISABLE TRIGGER audit;
      GRANT SELECT ON users TO reporting;
      COMMENT ON COLUMN users.ssn IS '@pii';
      ALTER TYPE status ADD VALUE 'done';
      CREATE EXTENSION pgcrypto;
      CREATE ROLE reporting;
      ALTER FUNCTION f() SECURITY DEFINER;
    `);
    const diff = diffSchemaModels(before, after);
    expect(diff.tablesAdded).toEqual(["public.invoices"]);
    expect(diff.tablesDropped).toEqual(["public.legacy"]);
    expect(diff.tablesRenamed).toEqual([{ from: "public.orders", to: "public.purchases" }]);
    expect(diff.columnsAdded).toEqual([{ table: "public.users", column: "ssn", type: "text" }]);
    expect(diff.columnsDropped).toEqual([{ table: "public.users", column: "name" }]);
    expect(diff.columnsRenamed).toEqual([{ table: "public.users", from: "id", to: "user_id" }]);
    expect(diff.columnsChanged).toEqual([
      {
        table: "public.users",
        column: "email",
        changes: [
          { property: "type", before: "varchar(100)", after: "varchar(200)" },
          { property: "notNull", before: false, after: true },
        ],
      },
    ]);
    expect(diff.constraintsAdded).toEqual([{ table: "public.purchases", name: "fk", type: "foreign_key" }]);
    expect(diff.indexesAdded).toEqual(["public.purchases_user"]);
    expect(diff.rowLevelSecurityChanged).toEqual([{ table: "public.purchases", enabled: true, forced: false }]);
    expect(diff.policiesAdded).toEqual([{ table: "public.purchases", name: "own" }]);
    expect(diff.triggersChanged).toEqual([{ table: "public.purchases", name: "audit", enabled: false }]);
    expect(diff.grantsAdded).toEqual([{ table: "public.users", grantee: "reporting", privileges: ["SELECT"] }]);
    expect(diff.commentsChanged).toEqual([]);
    expect(diff.enumValuesAdded).toEqual([{ type: "public.status", values: ["done"] }]);
    expect(diff.extensionsAdded).toEqual(["pgcrypto"]);
    expect(diff.rolesAdded).toEqual(["reporting"]);
    expect(diff.functionsChanged).toEqual(["public.f"]);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });

  it("reports validations, dropped constraints and indexes, revoked grants and comment changes", () => {
    const before = buildSchemaModel([
      parseFile(`
        CREATE TABLE t (a int CONSTRAINT a_positive CHECK (a > 0), b int);
        ALTER TABLE t ADD CONSTRAINT b_positive CHECK (b > 0) NOT VALID;
        CREATE INDEX t_b ON t (b);
        GRANT ALL ON t TO PUBLIC;
        COMMENT ON COLUMN t.a IS 'old';
      `),
    ]);
    const after = buildSchemaModel(
      [
        parseFile(
          "ALTER TABLE t VALIDATE CONSTRAINT b_positive, DROP CONSTRAINT a_positive; DROP INDEX t_b; REVOKE DELETE ON t FROM PUBLIC; COMMENT ON COLUMN t.a IS 'new'",
        ),
      ],
      { model: before },
    );
    const diff = diffSchemaModels(before, after);
    expect(diff.constraintsValidated).toEqual([{ table: "public.t", name: "b_positive" }]);
    expect(diff.constraintsDropped).toEqual([{ table: "public.t", name: "a_positive", type: "check" }]);
    expect(diff.indexesDropped).toEqual(["public.t_b"]);
    expect(diff.grantsRevoked).toEqual([{ table: "public.t", grantee: "PUBLIC", privileges: ["DELETE"] }]);
    expect(diff.commentsChanged).toEqual([{ table: "public.t", column: "a" }]);
    expect(diff.columnsChanged).toEqual([
      { table: "public.t", column: "a", changes: [{ property: "comment", before: "old", after: "new" }] },
    ]);
  });
});
