import type { PgVersion } from "./types.js";

/**
 * Statement forms the lock model covers, as data: each with the setup SQL it needs (committed before
 * the statement is traced) and the statement. The database test runs them through the tracer of
 * `@confiture/db` and compares; the bench and evaluation scripts reuse them.
 */
export interface LockModelCase {
  /** The statement form, unique: `add_column volatile default`. */
  name: string;
  /** SQL that prepares the schema; run and committed before the statement is traced. */
  setup: string;
  /** The one statement traced. */
  sql: string;
  /** The oldest PostgreSQL major version the statement runs on. */
  minVersion?: PgVersion;
}

const ACCOUNTS = `CREATE TABLE accounts (id int PRIMARY KEY, email varchar(100), name text, balance numeric(10,2),
  created timestamp, seen timestamptz, code char(4), small int2, total int4 NOT NULL DEFAULT 0, big int8, doc json,
  net cidr, tags int[], note varchar);
CREATE INDEX accounts_email ON accounts (email);
INSERT INTO accounts (id, email) VALUES (1, 'a@example.com');`;
const ORDERS = `${ACCOUNTS}
CREATE TABLE orders (id int PRIMARY KEY, account_id int, amount int);
INSERT INTO orders VALUES (1, 1, 10);`;
const ORDERS_FK = `${ORDERS}
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE accounts ADD CONSTRAINT accounts_total_check CHECK (total >= 0) NOT VALID;`;
const EVENTS = `CREATE TABLE events (id int, kind int) PARTITION BY LIST (kind);
CREATE TABLE events_1 (id int, kind int);
CREATE TABLE events_2 PARTITION OF events FOR VALUES IN (2);`;
const TRIGGERED = `${ACCOUNTS}
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
CREATE POLICY accounts_owner ON accounts USING (true);`;
const VIEWS = `${ACCOUNTS}
CREATE VIEW active_accounts AS SELECT id, email FROM accounts;
CREATE MATERIALIZED VIEW account_totals AS SELECT id, total FROM accounts;
CREATE UNIQUE INDEX account_totals_id ON account_totals (id);`;

function cases(setup: string, entries: Array<[name: string, sql: string, extra?: Partial<LockModelCase>]>): LockModelCase[] {
  return entries.map(([name, sql, extra]) => ({ name, setup, sql, ...extra }));
}

/** The verified statement forms. */
export const LOCK_MODEL_CASES: readonly LockModelCase[] = [
  ...cases(ACCOUNTS, [
    ["add_column nullable", "ALTER TABLE accounts ADD COLUMN nickname text"],
    ["add_column constant default", "ALTER TABLE accounts ADD COLUMN score int DEFAULT 0"],
    ["add_column not null constant default", "ALTER TABLE accounts ADD COLUMN score int NOT NULL DEFAULT 0"],
    ["add_column stable default now()", "ALTER TABLE accounts ADD COLUMN updated timestamptz DEFAULT now()"],
    ["add_column volatile default", "ALTER TABLE accounts ADD COLUMN token float8 DEFAULT random()"],
    [
      "add_column volatile default gen_random_uuid()",
      "ALTER TABLE accounts ADD COLUMN uid uuid DEFAULT gen_random_uuid()",
      { minVersion: 13 },
    ],
    [
      "add_column generated stored",
      "ALTER TABLE accounts ADD COLUMN double_total int GENERATED ALWAYS AS (total * 2) STORED",
      { minVersion: 12 },
    ],
    [
      "add_column generated virtual",
      "ALTER TABLE accounts ADD COLUMN triple_total int GENERATED ALWAYS AS (total * 3) VIRTUAL",
      { minVersion: 18 },
    ],
    ["add_column identity", "ALTER TABLE accounts ADD COLUMN number int GENERATED ALWAYS AS IDENTITY"],
    ["add_column serial", "ALTER TABLE accounts ADD COLUMN number serial"],
    ["add_column with check", "ALTER TABLE accounts ADD COLUMN age int CHECK (age > 0)"],
    ["add_column with unique", "ALTER TABLE accounts ADD COLUMN handle text UNIQUE"],
    ["add_column with references", "ALTER TABLE accounts ADD COLUMN parent_id int REFERENCES accounts (id)"],
    ["drop_column", "ALTER TABLE accounts DROP COLUMN note"],
    ["alter_column_type int to bigint", "ALTER TABLE accounts ALTER COLUMN total TYPE bigint"],
    ["alter_column_type int2 to int4", "ALTER TABLE accounts ALTER COLUMN small TYPE int4"],
    ["alter_column_type bigint to int", "ALTER TABLE accounts ALTER COLUMN big TYPE int"],
    ["alter_column_type same type", "ALTER TABLE accounts ALTER COLUMN total TYPE integer"],
    ["alter_column_type varchar widening", "ALTER TABLE accounts ALTER COLUMN email TYPE varchar(200)"],
    ["alter_column_type varchar narrowing", "ALTER TABLE accounts ALTER COLUMN email TYPE varchar(50)"],
    ["alter_column_type varchar to text", "ALTER TABLE accounts ALTER COLUMN email TYPE text"],
    ["alter_column_type varchar to unbounded varchar", "ALTER TABLE accounts ALTER COLUMN email TYPE varchar"],
    ["alter_column_type text to varchar(n)", "ALTER TABLE accounts ALTER COLUMN name TYPE varchar(30)"],
    ["alter_column_type text to varchar", "ALTER TABLE accounts ALTER COLUMN name TYPE varchar"],
    ["alter_column_type unbounded varchar to text", "ALTER TABLE accounts ALTER COLUMN note TYPE text"],
    ["alter_column_type char widening", "ALTER TABLE accounts ALTER COLUMN code TYPE char(8)"],
    ["alter_column_type char to text", "ALTER TABLE accounts ALTER COLUMN code TYPE text"],
    ["alter_column_type timestamp to timestamptz", "ALTER TABLE accounts ALTER COLUMN created TYPE timestamptz"],
    ["alter_column_type timestamptz to timestamp", "ALTER TABLE accounts ALTER COLUMN seen TYPE timestamp"],
    ["alter_column_type numeric precision increase", "ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(12,2)"],
    ["alter_column_type numeric scale change", "ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(12,3)"],
    ["alter_column_type numeric precision decrease", "ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(8,2)"],
    ["alter_column_type numeric unconstrained", "ALTER TABLE accounts ALTER COLUMN balance TYPE numeric"],
    ["alter_column_type json to jsonb", "ALTER TABLE accounts ALTER COLUMN doc TYPE jsonb"],
    ["alter_column_type cidr to inet", "ALTER TABLE accounts ALTER COLUMN net TYPE inet"],
    ["alter_column_type array element", "ALTER TABLE accounts ALTER COLUMN tags TYPE bigint[]"],
    ["alter_column_type using expression", "ALTER TABLE accounts ALTER COLUMN total TYPE int USING total + 1"],
    ["alter_column_type using the column", "ALTER TABLE accounts ALTER COLUMN email TYPE text USING email"],
    ["set_not_null", "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL"],
    ["drop_not_null", "ALTER TABLE accounts ALTER COLUMN total DROP NOT NULL"],
    ["set_default", "ALTER TABLE accounts ALTER COLUMN total SET DEFAULT 5"],
    ["drop_default", "ALTER TABLE accounts ALTER COLUMN total DROP DEFAULT"],
    ["set_statistics", "ALTER TABLE accounts ALTER COLUMN email SET STATISTICS 500"],
    ["set_column_options", "ALTER TABLE accounts ALTER COLUMN email SET (n_distinct = 100)"],
    ["reset_column_options", "ALTER TABLE accounts ALTER COLUMN email RESET (n_distinct)"],
    ["set_storage", "ALTER TABLE accounts ALTER COLUMN name SET STORAGE EXTERNAL"],
    ["set_compression", "ALTER TABLE accounts ALTER COLUMN name SET COMPRESSION pglz", { minVersion: 14 }],
    ["add_check_constraint", "ALTER TABLE accounts ADD CONSTRAINT accounts_small_check CHECK (small > 0)"],
    ["add_check_constraint not valid", "ALTER TABLE accounts ADD CONSTRAINT accounts_small_check CHECK (small > 0) NOT VALID"],
    ["add_unique_constraint", "ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email)"],
    ["add_exclusion_constraint", "ALTER TABLE accounts ADD CONSTRAINT accounts_id_excl EXCLUDE USING btree (id WITH =)"],
    ["add_not_null_constraint", "ALTER TABLE accounts ADD CONSTRAINT accounts_email_not_null NOT NULL email", { minVersion: 18 }],
    ["rename_column", "ALTER TABLE accounts RENAME COLUMN name TO full_name"],
    ["rename_table", "ALTER TABLE accounts RENAME TO customers"],
    ["rename_index", "ALTER INDEX accounts_email RENAME TO accounts_email_index"],
    ["cluster_on", "ALTER TABLE accounts CLUSTER ON accounts_email"],
    ["set_without_cluster", "ALTER TABLE accounts SET WITHOUT CLUSTER"],
    ["set_unlogged", "ALTER TABLE accounts SET UNLOGGED"],
    ["set_storage_parameters fillfactor", "ALTER TABLE accounts SET (fillfactor = 70)"],
    ["set_storage_parameters autovacuum", "ALTER TABLE accounts SET (autovacuum_vacuum_scale_factor = 0.01)"],
    ["reset_storage_parameters", "ALTER TABLE accounts RESET (fillfactor)"],
    ["set_storage_parameters user_catalog_table", "ALTER TABLE accounts SET (user_catalog_table = true)"],
    ["enable_rls", "ALTER TABLE accounts ENABLE ROW LEVEL SECURITY"],
    ["disable_rls", "ALTER TABLE accounts DISABLE ROW LEVEL SECURITY"],
    ["force_rls", "ALTER TABLE accounts FORCE ROW LEVEL SECURITY"],
    ["no_force_rls", "ALTER TABLE accounts NO FORCE ROW LEVEL SECURITY"],
    ["replica_identity", "ALTER TABLE accounts REPLICA IDENTITY FULL"],
    ["change_owner", "ALTER TABLE accounts OWNER TO CURRENT_USER"],
    ["add_identity", "ALTER TABLE accounts ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY"],
    ["add_primary_key", "ALTER TABLE accounts DROP CONSTRAINT accounts_pkey, ADD PRIMARY KEY (id)"],
    ["several subcommands", "ALTER TABLE accounts ADD COLUMN flag bool, ALTER COLUMN email TYPE varchar(300)"],
    ["create_index", "CREATE INDEX accounts_name ON accounts (name)"],
    ["create_index unique", "CREATE UNIQUE INDEX accounts_name ON accounts (name)"],
    ["create_index_concurrently", "CREATE INDEX CONCURRENTLY accounts_name ON accounts (name)"],
    ["drop_index", "DROP INDEX accounts_email"],
    ["drop_index_concurrently", "DROP INDEX CONCURRENTLY accounts_email"],
    ["reindex index", "REINDEX INDEX accounts_email"],
    ["reindex table", "REINDEX TABLE accounts"],
    ["reindex_concurrently", "REINDEX INDEX CONCURRENTLY accounts_email", { minVersion: 12 }],
    ["drop_table", "DROP TABLE accounts"],
    ["truncate", "TRUNCATE accounts"],
    ["comment on table", "COMMENT ON TABLE accounts IS 'Customer accounts'"],
    ["comment on column", "COMMENT ON COLUMN accounts.email IS 'Login'"],
    ["comment on index", "COMMENT ON INDEX accounts_email IS 'Lookup'"],
    ["grant", "GRANT SELECT ON accounts TO PUBLIC"],
    ["revoke", "REVOKE SELECT ON accounts FROM PUBLIC"],
    ["create_table with references", "CREATE TABLE invoices (id int PRIMARY KEY, account_id int REFERENCES accounts (id))"],
    ["create_table like", "CREATE TABLE accounts_copy (LIKE accounts)"],
    ["create_table inherits", "CREATE TABLE premium_accounts () INHERITS (accounts)"],
    ["create_table_as", "CREATE TABLE accounts_backup AS SELECT * FROM accounts"],
    ["select into", "SELECT * INTO accounts_backup FROM accounts"],
    ["create_view", "CREATE VIEW rich_accounts AS SELECT * FROM accounts WHERE balance > 100"],
    ["create_materialized_view", "CREATE MATERIALIZED VIEW account_names AS SELECT id, name FROM accounts"],
    [
      "create_materialized_view with no data",
      "CREATE MATERIALIZED VIEW account_names AS SELECT id, name FROM accounts WITH NO DATA",
    ],
    ["create_policy", "CREATE POLICY accounts_read ON accounts FOR SELECT USING (true)"],
    ["insert", "INSERT INTO accounts (id) VALUES (2)"],
    ["update", "UPDATE accounts SET total = 1"],
    ["delete", "DELETE FROM accounts WHERE id = 1"],
    ["select", "SELECT * FROM accounts"],
    ["select_for_update", "SELECT * FROM accounts FOR UPDATE"],
    ["copy to", "COPY accounts TO STDOUT"],
    ["lock_table share", "LOCK TABLE accounts IN SHARE MODE"],
    ["lock_table", "LOCK TABLE accounts"],
    ["vacuum", "VACUUM accounts"],
    ["vacuum_full", "VACUUM FULL accounts"],
    ["analyze", "ANALYZE accounts"],
    ["cluster", "CLUSTER accounts USING accounts_email"],
    ["set", "SET LOCAL statement_timeout = '5s'"],
    ["create_function", "CREATE FUNCTION answer() RETURNS int LANGUAGE sql AS 'SELECT 42'"],
    ["create_enum", "CREATE TYPE mood AS ENUM ('happy', 'sad')"],
    ["create_sequence", "CREATE SEQUENCE invoice_numbers"],
    ["create_schema", "CREATE SCHEMA billing"],
    ["create_table in schema", "CREATE TABLE audit_log (id int, account_id int REFERENCES public.accounts (id))"],
    ["do_block", "DO $$ BEGIN PERFORM 1; END $$"],
  ]),
  ...cases(ORDERS, [
    ["add_foreign_key", "ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)"],
    [
      "add_foreign_key not valid",
      "ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID",
    ],
    ["insert select", "INSERT INTO orders SELECT id + 100, id, 0 FROM accounts"],
    ["delete using", "DELETE FROM orders USING accounts WHERE orders.account_id = accounts.id"],
    ["data-modifying cte", "WITH archived AS (DELETE FROM orders WHERE amount = 0 RETURNING *) SELECT count(*) FROM archived"],
    ["update from", "UPDATE orders SET amount = 0 FROM accounts WHERE orders.account_id = accounts.id"],
    ["truncate several", "TRUNCATE orders, accounts"],
  ]),
  ...cases(`${ORDERS}\nCREATE UNIQUE INDEX orders_amount_index ON orders (amount);`, [
    ["add_constraint_using_index", "ALTER TABLE orders ADD CONSTRAINT orders_amount_key UNIQUE USING INDEX orders_amount_index"],
  ]),
  ...cases(ORDERS_FK, [
    ["validate_constraint foreign key", "ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk"],
    ["validate_constraint check", "ALTER TABLE accounts VALIDATE CONSTRAINT accounts_total_check"],
    ["drop_constraint check", "ALTER TABLE accounts DROP CONSTRAINT accounts_total_check"],
    ["drop_constraint foreign key", "ALTER TABLE orders DROP CONSTRAINT orders_account_fk"],
    ["alter_constraint", "ALTER TABLE orders ALTER CONSTRAINT orders_account_fk DEFERRABLE"],
    ["rename_constraint", "ALTER TABLE accounts RENAME CONSTRAINT accounts_total_check TO accounts_total_positive"],
    ["comment on constraint", "COMMENT ON CONSTRAINT accounts_total_check ON accounts IS 'Never negative'"],
    ["drop_table with foreign keys", "DROP TABLE orders"],
  ]),
  ...cases(EVENTS, [
    ["attach_partition", "ALTER TABLE events ATTACH PARTITION events_1 FOR VALUES IN (1)"],
    ["detach_partition", "ALTER TABLE events DETACH PARTITION events_2"],
    ["detach_partition_concurrently", "ALTER TABLE events DETACH PARTITION events_2 CONCURRENTLY", { minVersion: 14 }],
    ["create_partition", "CREATE TABLE events_3 PARTITION OF events FOR VALUES IN (3)"],
  ]),
  ...cases(TRIGGERED, [
    ["create_trigger", "CREATE TRIGGER accounts_audit AFTER INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION touch()"],
    ["drop_trigger", "DROP TRIGGER accounts_touch ON accounts"],
    ["enable_trigger", "ALTER TABLE accounts ENABLE TRIGGER accounts_touch"],
    ["disable_trigger", "ALTER TABLE accounts DISABLE TRIGGER accounts_touch"],
    ["disable_trigger all", "ALTER TABLE accounts DISABLE TRIGGER ALL"],
    ["rename_trigger", "ALTER TRIGGER accounts_touch ON accounts RENAME TO accounts_touched"],
    ["alter_policy", "ALTER POLICY accounts_owner ON accounts USING (false)"],
    ["drop_policy", "DROP POLICY accounts_owner ON accounts"],
    ["rename_policy", "ALTER POLICY accounts_owner ON accounts RENAME TO accounts_mine"],
  ]),
  ...cases(VIEWS, [
    ["create_view or replace", "CREATE OR REPLACE VIEW active_accounts AS SELECT id, email FROM accounts WHERE total > 0"],
    ["drop_view", "DROP VIEW active_accounts"],
    ["refresh_materialized_view", "REFRESH MATERIALIZED VIEW account_totals"],
    ["refresh_materialized_view_concurrently", "REFRESH MATERIALIZED VIEW CONCURRENTLY account_totals"],
    ["drop_materialized_view", "DROP MATERIALIZED VIEW account_totals"],
    ["rename_view", "ALTER VIEW active_accounts RENAME TO current_accounts"],
  ]),
  ...cases("CREATE TYPE status AS ENUM ('new', 'done'); CREATE SEQUENCE numbers;", [
    ["add_enum_value", "ALTER TYPE status ADD VALUE 'archived'"],
    ["alter_sequence", "ALTER SEQUENCE numbers RESTART WITH 100"],
    ["drop_sequence", "DROP SEQUENCE numbers"],
    ["drop_type", "DROP TYPE status"],
  ]),
  ...cases(
    `${ACCOUNTS}
CREATE TABLE generated_totals (a int, doubled int GENERATED ALWAYS AS (a * 2) STORED);
CREATE TABLE numbered (id int GENERATED ALWAYS AS IDENTITY, label text);
CREATE TABLE parent_table (id int); CREATE TABLE child_table (id int); CREATE TABLE inheriting (id int) INHERITS (parent_table);
CREATE TYPE row_shape AS (id int); CREATE TABLE shaped (id int);
CREATE RULE accounts_notify AS ON INSERT TO accounts DO ALSO NOTIFY accounts;
CREATE POLICY accounts_owner ON accounts USING (true);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW active_accounts AS SELECT id, email FROM accounts;
CREATE MATERIALIZED VIEW account_totals AS SELECT id, total FROM accounts;
CREATE SCHEMA billing;`,
    [
      ["drop_expression", "ALTER TABLE generated_totals ALTER COLUMN doubled DROP EXPRESSION", { minVersion: 13 }],
      ["set_expression", "ALTER TABLE generated_totals ALTER COLUMN doubled SET EXPRESSION AS (a * 3)", { minVersion: 17 }],
      ["set_identity", "ALTER TABLE numbered ALTER COLUMN id SET GENERATED BY DEFAULT"],
      ["drop_identity", "ALTER TABLE numbered ALTER COLUMN id DROP IDENTITY"],
      ["add_inherit", "ALTER TABLE child_table INHERIT parent_table"],
      ["drop_inherit", "ALTER TABLE inheriting NO INHERIT parent_table"],
      ["add_of", "ALTER TABLE shaped OF row_shape"],
      ["enable_rule", "ALTER TABLE accounts ENABLE RULE accounts_notify"],
      ["disable_rule", "ALTER TABLE accounts DISABLE RULE accounts_notify"],
      ["set_access_method", "ALTER TABLE accounts SET ACCESS METHOD heap", { minVersion: 15 }],
      ["set_tablespace", "ALTER TABLE accounts SET TABLESPACE pg_default"],
      ["replica_identity using index", "ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_pkey"],
      ["set_schema", "ALTER TABLE accounts SET SCHEMA billing"],
      ["alter_index set fillfactor", "ALTER INDEX accounts_email SET (fillfactor = 80)"],
      ["alter_view set option", "ALTER VIEW active_accounts SET (security_barrier = true)"],
      ["alter_view column default", "ALTER VIEW active_accounts ALTER COLUMN email SET DEFAULT 'none'"],
      ["alter_materialized_view set option", "ALTER MATERIALIZED VIEW account_totals SET (fillfactor = 90)"],
      ["comment on trigger", "COMMENT ON TRIGGER accounts_touch ON accounts IS 'Keeps updated_at'"],
      ["comment on policy", "COMMENT ON POLICY accounts_owner ON accounts IS 'Owner only'"],
      ["comment on view", "COMMENT ON VIEW active_accounts IS 'Active'"],
      ["grant on view", "GRANT SELECT ON active_accounts TO PUBLIC"],
      ["insert on conflict", "INSERT INTO numbered (label) VALUES ('x') ON CONFLICT DO NOTHING"],
      ["select for share", "SELECT * FROM accounts FOR SHARE"],
      ["lock_table row share", "LOCK TABLE accounts IN ROW SHARE MODE"],
      ["lock_table row exclusive", "LOCK TABLE accounts IN ROW EXCLUSIVE MODE"],
      ["lock_table share update exclusive", "LOCK TABLE accounts IN SHARE UPDATE EXCLUSIVE MODE"],
      ["lock_table exclusive", "LOCK TABLE accounts IN EXCLUSIVE MODE"],
      ["vacuum analyze", "VACUUM ANALYZE accounts"],
      ["analyze everything", "ANALYZE"],
      ["cluster everything", "CLUSTER"],
      ["reindex schema", "REINDEX SCHEMA public"],
      ["drop_database", "DROP DATABASE IF EXISTS confiture_never_created"],
      ["create_extension", "CREATE EXTENSION IF NOT EXISTS plpgsql"],
      ["create_domain", "CREATE DOMAIN positive_int AS int CHECK (VALUE > 0)"],
      ["create_type composite", "CREATE TYPE money_amount AS (currency text, cents bigint)"],
      ["create_sequence owned by", "CREATE SEQUENCE account_numbers OWNED BY accounts.id"],
      [
        "create_or_replace_function",
        "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
      ],
      ["create_role", "CREATE ROLE confiture_reader NOLOGIN"],
    ],
  ),
  ...cases(`${ORDERS}`, [
    [
      "merge",
      "MERGE INTO orders USING accounts ON orders.account_id = accounts.id WHEN MATCHED THEN UPDATE SET amount = 0",
      { minVersion: 15 },
    ],
  ]),
  ...cases("CREATE TYPE status AS ENUM ('new', 'done');", [
    ["rename_enum_value", "ALTER TYPE status RENAME VALUE 'done' TO 'finished'"],
  ]),
  ...cases(
    `${EVENTS}
CREATE INDEX events_id ON ONLY events (id);
CREATE INDEX events_2_id ON events_2 (id);`,
    [["attach index partition", "ALTER INDEX events_id ATTACH PARTITION events_2_id"]],
  ),
  ...cases("CREATE TABLE sessions (id int) WITH (autovacuum_enabled = false); CREATE UNLOGGED TABLE scratch (id int);", [
    ["set_logged", "ALTER TABLE scratch SET LOGGED"],
    ["create_database", "CREATE DATABASE confiture_never_created"],
  ]),
];
