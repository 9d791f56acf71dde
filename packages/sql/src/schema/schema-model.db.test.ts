import { describeEachDatabase } from "@confiture/db/testing";
import { beforeAll, expect, it } from "vitest";
import { parseSql } from "../parse.js";
import { buildSchemaModel } from "./apply.js";
import type { SchemaModel } from "./types.js";

/**
 * The model against the real catalog: the same migrations run on PostgreSQL (PGlite, and the
 * server when DATABASE_URL is set) and replayed statically must agree on tables, columns, the
 * names PostgreSQL chooses for constraints and indexes, validation, policies, triggers, RLS,
 * comments, PUBLIC grants and enum order. Uses only features PostgreSQL 15 and 18 share.
 */
const MIGRATIONS = [
  `CREATE TABLE users (id serial PRIMARY KEY, email varchar(200) UNIQUE, name text NOT NULL DEFAULT 'x', score numeric(10, 2));
   CREATE TABLE orders (
     id bigint GENERATED ALWAYS AS IDENTITY,
     user_id int REFERENCES users ON DELETE CASCADE,
     price int CHECK (price > 0),
     total int,
     during int4range,
     PRIMARY KEY (id),
     CHECK (price < 1000 AND total > 0),
     EXCLUDE USING gist (during WITH &&)
   );
   CREATE INDEX ON orders (user_id);
   CREATE INDEX ON orders (lower(id::text));
   CREATE UNIQUE INDEX ON orders (user_id, total);
   CREATE INDEX orders_total_key ON orders (total);
   ALTER TABLE orders ADD UNIQUE (total);
   CREATE TABLE a_table_name_long_enough_to_be_truncated_when_postgres_names_it (
     a_column_name_that_is_also_quite_long_for_an_identifier int UNIQUE CHECK (a_column_name_that_is_also_quite_long_for_an_identifier > 0),
     b int, c text,
     UNIQUE (b, c), UNIQUE (b, c),
     FOREIGN KEY (b, c) REFERENCES a_table_name_long_enough_to_be_truncated_when_postgres_names_it (b, c)
   );
   CREATE INDEX ON users (email) INCLUDE (score);
   CREATE TABLE duplicates (a int UNIQUE PRIMARY KEY, b int UNIQUE UNIQUE, c int UNIQUE, UNIQUE (c) INCLUDE (b));
   CREATE INDEX ON a_table_name_long_enough_to_be_truncated_when_postgres_names_it (lower(c), upper(c), (b + 1), c);`,
  `CREATE TABLE events (id int, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
   CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
   CREATE TABLE users_copy (LIKE users INCLUDING ALL, extra int);
   CREATE TABLE archive AS SELECT id, email FROM users;
   CREATE INDEX ON events (at);
   CREATE UNIQUE INDEX ON events (id, at) INCLUDE (at);
   CREATE TABLE events_2025 (id int NOT NULL, at date NOT NULL);
   ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
   CREATE TABLE measures (a text, b text, n int) PARTITION BY LIST (n);
   CREATE INDEX ON measures (lower(a), lower(b), (n + 1));
   CREATE INDEX ON ONLY measures (a);
   CREATE TABLE measures_1 PARTITION OF measures FOR VALUES IN (1);
   CREATE TABLE measures_copy (LIKE measures INCLUDING INDEXES);`,
  `ALTER TABLE users RENAME COLUMN name TO full_name;
   CREATE VIEW user_emails AS SELECT id, full_name AS contact FROM users;
   ALTER TABLE orders RENAME TO purchases;
   ALTER TABLE purchases RENAME CONSTRAINT orders_price_check TO price_positive;
   ALTER TABLE users ADD COLUMN ssn text, ADD COLUMN created_at timestamptz DEFAULT now();
   ALTER TABLE users ADD CONSTRAINT ssn_length CHECK (length(ssn) = 9) NOT VALID;
   ALTER TABLE users ADD CONSTRAINT score_positive CHECK (score > 0) NOT VALID;
   ALTER TABLE users VALIDATE CONSTRAINT score_positive;
   ALTER TABLE users ALTER COLUMN email TYPE varchar(320), ALTER COLUMN email SET NOT NULL;
   ALTER TABLE purchases DROP COLUMN total;
   CREATE TABLE staging (id int);
   CREATE UNIQUE INDEX staging_id_idx ON staging (id);
   ALTER TABLE staging ADD CONSTRAINT staging_pkey PRIMARY KEY USING INDEX staging_id_idx;
   CREATE SCHEMA app;
   ALTER TABLE staging SET SCHEMA app;`,
  `CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql AS $$ begin return new; end $$;
   CREATE TRIGGER purchases_audit AFTER INSERT OR UPDATE OR DELETE ON purchases FOR EACH ROW EXECUTE FUNCTION audit_row();
   CREATE TRIGGER purchases_touch BEFORE UPDATE ON purchases FOR EACH ROW EXECUTE FUNCTION audit_row();
   ALTER TABLE purchases DISABLE TRIGGER purchases_touch;
   ALTER TABLE purchases ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
   CREATE POLICY own_rows ON purchases FOR SELECT USING (user_id = 1);
   CREATE POLICY no_writes ON purchases AS RESTRICTIVE FOR INSERT WITH CHECK (false);
   COMMENT ON TABLE users IS '@pii';
   COMMENT ON COLUMN users.ssn IS '@pii national id';
   GRANT SELECT, INSERT ON users TO PUBLIC;
   GRANT ALL ON purchases TO PUBLIC;
   REVOKE TRUNCATE, DELETE ON purchases FROM PUBLIC;
   CREATE TYPE status AS ENUM ('new', 'done');
   ALTER TYPE status ADD VALUE 'active' BEFORE 'done';
   ALTER TYPE status ADD VALUE 'archived' AFTER 'done';`,
];

const USER_SCHEMAS = "n.nspname in ('public', 'app')";

async function modelFor(): Promise<SchemaModel> {
  const files = await Promise.all(MIGRATIONS.map((sql, index) => parseSql(sql, { file: `00${index + 1}.up.sql` })));
  return buildSchemaModel(files);
}

describeEachDatabase("schema model against the catalog", (getDatabase) => {
  let model: SchemaModel;

  beforeAll(async () => {
    for (const sql of MIGRATIONS) await getDatabase().exec(sql);
    model = await modelFor();
  });

  const rows = async <T extends Record<string, unknown>>(sql: string): Promise<T[]> => (await getDatabase().query<T>(sql)).rows;

  it("has the same relations", async () => {
    const catalog = await rows<{ key: string; kind: string }>(
      `select n.nspname || '.' || c.relname as key, c.relkind as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where ${USER_SCHEMAS} and c.relkind in ('r', 'p', 'v', 'm') order by 1`,
    );
    const kinds: Record<string, string> = { table: "r", partitioned_table: "p", view: "v", materialized_view: "m" };
    const modelled = [...model.tables.values()].map((table) => ({
      key: `${table.schema}.${table.name}`,
      kind: kinds[table.kind],
    }));
    expect(modelled.sort((left, right) => left.key.localeCompare(right.key))).toEqual(
      catalog.sort((left, right) => left.key.localeCompare(right.key)),
    );
  });

  it("has the same columns, types, NOT NULL, defaults and identity", async () => {
    const catalog = await rows<{
      key: string;
      name: string;
      type: string;
      modifiers: number;
      not_null: boolean;
      has_default: boolean;
      identity: string;
    }>(
      `select n.nspname || '.' || c.relname as key, a.attname as name, t.typname as type, a.atttypmod as modifiers,
              a.attnotnull as not_null, a.atthasdef as has_default, a.attidentity as identity
         from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
         join pg_type t on t.oid = a.atttypid
        where ${USER_SCHEMAS} and c.relkind in ('r', 'p', 'v', 'm') and a.attnum > 0 and not a.attisdropped
        order by 1, a.attnum`,
    );
    const modelled = [...model.tables.values()]
      .sort((left, right) => `${left.schema}.${left.name}`.localeCompare(`${right.schema}.${right.name}`))
      .flatMap((table) =>
        [...table.columns.values()].map((column) => ({
          key: `${table.schema}.${table.name}`,
          name: column.name,
          type: column.type,
          notNull: column.notNull,
          hasDefault: column.defaultExpression !== undefined,
          identity: column.identity === "always" ? "a" : column.identity === "by_default" ? "d" : "",
        })),
      );
    const expected = catalog
      .sort((left, right) => left.key.localeCompare(right.key))
      .map((row) => ({
        key: row.key,
        name: row.name,
        type: row.type,
        notNull: row.not_null,
        hasDefault: row.has_default,
        identity: row.identity,
      }));
    // Views and CREATE TABLE AS over expressions are where the model may not know a type.
    expect(
      modelled.map((column) =>
        column.type === "unknown"
          ? { ...column, type: expected.find((row) => row.key === column.key && row.name === column.name)?.type }
          : column,
      ),
    ).toEqual(expected);
  });

  it("chooses the same constraint names and knows which are validated", async () => {
    const catalog = await rows<{ key: string; name: string; type: string; validated: boolean }>(
      `select n.nspname || '.' || c.relname as key, k.conname as name, k.contype as type, k.convalidated as validated
         from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where ${USER_SCHEMAS} and k.contype in ('p', 'u', 'f', 'c', 'x') order by 1, 2`,
    );
    const codes: Record<string, string> = { primary_key: "p", unique: "u", foreign_key: "f", check: "c", exclusion: "x" };
    const modelled = [...model.tables.values()].flatMap((table) =>
      table.constraints
        .filter((constraint) => constraint.type !== "not_null")
        .map((constraint) => ({
          key: `${table.schema}.${table.name}`,
          name: constraint.name,
          type: codes[constraint.type],
          validated: constraint.validated,
        })),
    );
    const order = (left: { key: string; name?: string }, right: { key: string; name?: string }) =>
      `${left.key} ${left.name}`.localeCompare(`${right.key} ${right.name}`);
    expect(modelled.sort(order)).toEqual(catalog.sort(order));
  });

  it("chooses the same index names", async () => {
    const catalog = await rows<{ key: string; table: string }>(
      `select n.nspname || '.' || i.relname as key, n.nspname || '.' || c.relname as table
         from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
         join pg_namespace n on n.oid = i.relnamespace where ${USER_SCHEMAS} order by 1`,
    );
    const modelled = [...model.indexes.entries()].map(([key, index]) => ({ key, table: index.table }));
    expect(modelled.sort((left, right) => left.key.localeCompare(right.key))).toEqual(catalog);
  });

  it("has the same RLS, policies, triggers, comments, PUBLIC grants and enum order", async () => {
    const purchases = model.tables.get("public.purchases")!;
    const [security] = await rows<{ enabled: boolean; forced: boolean }>(
      "select relrowsecurity as enabled, relforcerowsecurity as forced from pg_class where oid = 'public.purchases'::regclass",
    );
    expect({ enabled: purchases.rowLevelSecurity, forced: purchases.forceRowLevelSecurity }).toEqual(security);

    const policies = await rows<{ name: string; command: string; permissive: string }>(
      "select policyname as name, lower(cmd) as command, permissive from pg_policies where tablename = 'purchases' order by 1",
    );
    expect(
      purchases.policies
        .map((policy) => ({
          name: policy.name,
          command: policy.command,
          permissive: policy.permissive ? "PERMISSIVE" : "RESTRICTIVE",
        }))
        .sort((left, right) => left.name.localeCompare(right.name)),
    ).toEqual(policies);

    const triggers = await rows<{ name: string; enabled: string }>(
      "select tgname as name, tgenabled as enabled from pg_trigger where tgrelid = 'public.purchases'::regclass and not tgisinternal order by 1",
    );
    expect(purchases.triggers.map((trigger) => ({ name: trigger.name, enabled: trigger.enabled ? "O" : "D" }))).toEqual(triggers);

    const [comments] = await rows<{ table: string; ssn: string }>(
      `select obj_description('public.users'::regclass, 'pg_class') as table,
              col_description('public.users'::regclass, (select attnum from pg_attribute where attrelid = 'public.users'::regclass and attname = 'ssn')) as ssn`,
    );
    const users = model.tables.get("public.users")!;
    expect({ table: users.comment, ssn: users.columns.get("ssn")?.comment }).toEqual(comments);

    const grants = await rows<{ table: string; privilege: string }>(
      `select table_name as table, privilege_type as privilege from information_schema.role_table_grants
        where grantee = 'PUBLIC' and table_schema = 'public' and privilege_type <> 'MAINTAIN' order by 1, 2`,
    );
    const modelled = ["purchases", "users"].flatMap((table) =>
      (model.tables.get(`public.${table}`)?.grants ?? [])
        .filter((grant) => grant.grantee === "PUBLIC" && grant.columns === undefined)
        .flatMap((grant) => grant.privileges.map((privilege) => ({ table, privilege }))),
    );
    const order = (left: { table: string; privilege: string }, right: { table: string; privilege: string }) =>
      `${left.table} ${left.privilege}`.localeCompare(`${right.table} ${right.privilege}`);
    expect(modelled.sort(order)).toEqual(grants.sort(order));

    const labels = await rows<{ label: string }>(
      "select enumlabel as label from pg_enum where enumtypid = 'public.status'::regtype order by enumsortorder",
    );
    expect(model.enums.get("public.status")).toEqual(labels.map((row) => row.label));
  });
});
