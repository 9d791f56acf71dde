import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseSql } from "../parse.js";
import type { Statement } from "../types.js";
import { loadTestParser, parseFile } from "./__fixtures__/parse.js";
import { applyStatement, buildSchemaModel, closeSession } from "./apply.js";
import { schemaModelFromJson, schemaModelToJson } from "./json.js";
import { cloneSchemaModel, createSchemaModel } from "./model.js";
import { findTable, parseWrittenName } from "./names.js";

beforeAll(loadTestParser);

describe("applyStatement", () => {
  it("ignores statements with syntax errors and kinds it does not track", () => {
    const model = createSchemaModel();
    const [insert, select] = parseFile("INSERT INTO t VALUES (1); SELECT 1").statements;
    const broken: Statement = { ...insert!, node: undefined, error: { message: "syntax error", line: 1, column: 1, offset: 0 } };
    expect(applyStatement(model, insert!)).toBe(false);
    expect(applyStatement(model, select!)).toBe(false);
    expect(applyStatement(model, broken)).toBe(false);
    expect(model.tables.size).toBe(0);
    const [create] = parseFile("CREATE TABLE t (a int)").statements;
    expect(applyStatement(model, create!)).toBe(true);
    expect(model.tables.has("public.t")).toBe(true);
  });

  it("honours the default schema and createdInMigrations options", () => {
    const model = createSchemaModel();
    const [create] = parseFile("CREATE TABLE t (a int)").statements;
    applyStatement(model, create!, { defaultSchema: "app", createdInMigrations: false });
    expect(findTable(model, "app.t")).toMatchObject({ createdInMigrations: false });
  });

  it("follows SET search_path until the session is closed", () => {
    const model = createSchemaModel();
    const statements = parseFile(
      "SET search_path TO app, public; CREATE TABLE a (x int); CREATE TEMP TABLE scratch (x int)",
    ).statements;
    for (const statement of statements) applyStatement(model, statement);
    expect(model.session).toEqual({ file: "test.sql", defaultSchema: "app" });
    expect([...model.tables.keys()]).toEqual(["app.a", "pg_temp.scratch"]);
    closeSession(model);
    expect(model.session).toBeUndefined();
    applyStatement(model, parseFile("CREATE TABLE b (x int)").statements[0]!);
    expect([...model.tables.keys()]).toEqual(["app.a", "public.b"]);
  });

  it("starts a new session when a statement of another file arrives", () => {
    const model = createSchemaModel();
    for (const statement of parseFile("SET search_path = app; CREATE TEMP TABLE scratch (x int)", "001.up.sql").statements) {
      applyStatement(model, statement);
    }
    applyStatement(model, parseFile("CREATE TABLE b (x int)", "002.up.sql").statements[0]!);
    expect([...model.tables.keys()]).toEqual(["public.b"]);
    expect(model.session).toEqual({ file: "002.up.sql" });
  });

  it("never throws, whatever order the statements come in", () => {
    const corpus = parseFile(`
      CREATE TABLE t (a int PRIMARY KEY, b text UNIQUE);
      CREATE TABLE u (x int REFERENCES t, y int) PARTITION BY LIST (y);
      CREATE TABLE u1 PARTITION OF u FOR VALUES IN (1);
      ALTER TABLE t RENAME TO v;
      ALTER TABLE v RENAME COLUMN a TO c;
      ALTER TABLE t DROP COLUMN b;
      ALTER TABLE u ADD CONSTRAINT ck CHECK (y > 0) NOT VALID;
      ALTER TABLE u VALIDATE CONSTRAINT ck;
      CREATE INDEX ON t (b);
      DROP TABLE t CASCADE;
      DROP INDEX t_b_idx;
      CREATE VIEW w AS SELECT * FROM t;
      COMMENT ON COLUMN t.b IS 'x';
      CREATE POLICY p ON t USING (true);
      CREATE TRIGGER tr AFTER INSERT ON t EXECUTE FUNCTION f();
      GRANT ALL ON t TO PUBLIC;
      REVOKE SELECT (b) ON t FROM PUBLIC;
      CREATE SCHEMA s;
      ALTER TABLE t SET SCHEMA s;
      ALTER SCHEMA s RENAME TO r;
      DROP SCHEMA r CASCADE;
      CREATE TYPE e AS ENUM ('a');
      ALTER TYPE e ADD VALUE 'b' BEFORE 'a';
      CREATE TABLE c AS SELECT t.*, 1 FROM t JOIN u ON true;
      ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY USING INDEX t_b_key;
    `).statements;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...corpus), { maxLength: 30 }), (statements) => {
        const model = createSchemaModel();
        // applyStatement reports a handler that threw as `false`; every kind here is one it replays.
        for (const statement of statements) expect(applyStatement(model, statement), statement.text).toBe(true);
        expect(() => JSON.stringify(schemaModelToJson(model))).not.toThrow();
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe("buildSchemaModel", () => {
  it("replays files in order across files", () => {
    const model = buildSchemaModel([
      parseFile("CREATE TABLE users (id int)", "001.up.sql"),
      parseFile("ALTER TABLE users ADD COLUMN ssn text;\nCOMMENT ON COLUMN users.ssn IS '@pii'", "002.up.sql"),
    ]);
    const ssn = findTable(model, "users")!.columns.get("ssn")!;
    expect(ssn).toMatchObject({ comment: "@pii", createdAt: { file: "002.up.sql", line: 1, statementIndex: 0 } });
    expect(findTable(model, "users")!.createdAt?.file).toBe("001.up.sql");
  });

  it("starts from a given model without changing it, and shows each statement the model before it", () => {
    const base = buildSchemaModel([parseFile("CREATE TABLE users (id int)")], { createdInMigrations: false });
    const seen: number[] = [];
    const model = buildSchemaModel([parseFile("ALTER TABLE users ADD COLUMN a int; CREATE TABLE orders (id int)")], {
      model: base,
      beforeStatement: (_statement, current) => seen.push(current.tables.size),
    });
    expect(seen).toEqual([1, 1]);
    expect(findTable(base, "users")!.columns.size).toBe(1);
    expect(findTable(model, "users")).toMatchObject({ createdInMigrations: false });
    expect(findTable(model, "users")!.columns.size).toBe(2);
    expect(findTable(model, "orders")).toMatchObject({ createdInMigrations: true });
  });

  it("works on files split by the package's own parser", async () => {
    const file = await parseSql(
      "-- users\nCREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email text NOT NULL\n);\nCREATE INDEX users_email ON users (email);\n",
      {
        file: "001.up.sql",
      },
    );
    const model = buildSchemaModel([file]);
    expect(findTable(model, "users")).toMatchObject({ createdAt: { file: "001.up.sql", line: 2, column: 1, statementIndex: 0 } });
    expect(model.indexes.get("public.users_email")?.createdAt).toMatchObject({ line: 6, statementIndex: 1 });
  });
});

describe("cloneSchemaModel and JSON", () => {
  it("copies deeply", () => {
    const model = buildSchemaModel([parseFile("CREATE TABLE t (a int); CREATE EXTENSION x")]);
    const copy = cloneSchemaModel(model);
    findTable(copy, "t")!.columns.get("a")!.notNull = true;
    copy.extensions.add("y");
    expect(findTable(model, "t")!.columns.get("a")!.notNull).toBe(false);
    expect([...model.extensions]).toEqual(["x"]);
  });

  it("turns Maps and Sets into plain data and back", () => {
    const model = buildSchemaModel([
      parseFile(
        "CREATE TABLE t (a int PRIMARY KEY, b text DEFAULT 'x'); CREATE TYPE e AS ENUM ('a'); CREATE EXTENSION pgcrypto; CREATE ROLE r LOGIN",
      ),
    ]);
    const json = JSON.parse(JSON.stringify(schemaModelToJson(model)));
    expect(json.tables["public.t"].columns.b).toMatchObject({ type: "text", defaultExpression: "'x'" });
    expect(json.extensions).toEqual(["pgcrypto"]);
    expect(json.enums["public.e"]).toEqual(["a"]);
    expect(schemaModelFromJson(json)).toEqual(model);
  });
});

describe("findTable", () => {
  const model = buildSchemaModel([
    parseFile('CREATE TABLE users (a int); CREATE TABLE app.accounts (a int); CREATE TABLE "Mixed Case" (a int)'),
  ]);

  it.each([
    ["users", "public.users"],
    ["public.users", "public.users"],
    ["PUBLIC.USERS", "public.users"],
    ["app.accounts", "app.accounts"],
    ["accounts", "app.accounts"],
    ['"Mixed Case"', "public.Mixed Case"],
  ])("%s", (written, key) => {
    const table = findTable(model, written);
    expect(table === undefined ? undefined : `${table.schema}.${table.name}`).toBe(key);
  });

  it("returns undefined for unknown or ambiguous names", () => {
    expect(findTable(model, "missing")).toBeUndefined();
    expect(findTable(model, "other.users")).toBeUndefined();
    const ambiguous = buildSchemaModel([parseFile("CREATE TABLE a.t (x int); CREATE TABLE b.t (x int)")]);
    expect(findTable(ambiguous, "t")).toBeUndefined();
    expect(findTable(ambiguous, { schema: "b", name: "t" })?.schema).toBe("b");
  });

  it("splits written names like PostgreSQL folds them", () => {
    expect(parseWrittenName('App."Weird.Name"')).toEqual(["app", "Weird.Name"]);
    expect(parseWrittenName('"a""b"')).toEqual(['a"b']);
  });
});
