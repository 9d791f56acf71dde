// Setup SQL shared by the lock model cases: small schemas holding the objects the statements need.

/** A table with one column of each type the type-change cases start from, an index and a row. */
export const ACCOUNTS = `CREATE TABLE accounts (id int PRIMARY KEY, email varchar(100), name text, balance numeric(10,2),
  created timestamp, seen timestamptz, code char(4), small int2, total int4 NOT NULL DEFAULT 0, big int8, doc json,
  net cidr, tags int[], note varchar);
CREATE INDEX accounts_email ON accounts (email);
INSERT INTO accounts (id, email) VALUES (1, 'a@example.com');`;
/** ACCOUNTS and an orders table that will reference it. */
export const ORDERS = `${ACCOUNTS}
CREATE TABLE orders (id int PRIMARY KEY, account_id int, amount int);
INSERT INTO orders VALUES (1, 1, 10);`;
/** ORDERS with a NOT VALID foreign key and a NOT VALID check constraint to validate. */
export const ORDERS_FK = `${ORDERS}
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE accounts ADD CONSTRAINT accounts_total_check CHECK (total >= 0) NOT VALID;`;
/** A list-partitioned table, one attached partition and one table to attach. */
export const EVENTS = `CREATE TABLE events (id int, kind int) PARTITION BY LIST (kind);
CREATE TABLE events_1 (id int, kind int);
CREATE TABLE events_2 PARTITION OF events FOR VALUES IN (2);`;
/** EVENTS with a DEFAULT partition and a trigger function. */
export const EVENTS_WITH_DEFAULT = `${EVENTS}
CREATE TABLE events_default PARTITION OF events DEFAULT;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;`;
/** ORDERS_FK and a third table referencing orders, for cascades. */
export const ORDER_ITEMS = `${ORDERS_FK}
CREATE TABLE order_items (id int, order_id int REFERENCES orders (id));`;
/** Identity and serial columns, for the sequences their changes lock. */
export const SEQUENCED = `CREATE TABLE numbered (id int GENERATED ALWAYS AS IDENTITY, label text);
CREATE TABLE serialed (id serial, label text);
CREATE INDEX numbered_label ON numbered (label);`;
/** ACCOUNTS with a trigger and a policy. */
export const TRIGGERED = `${ACCOUNTS}
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
CREATE POLICY accounts_owner ON accounts USING (true);`;
/** ACCOUNTS with a view and a materialized view (with a unique index, for CONCURRENTLY). */
export const VIEWS = `${ACCOUNTS}
CREATE VIEW active_accounts AS SELECT id, email FROM accounts;
CREATE MATERIALIZED VIEW account_totals AS SELECT id, total FROM accounts;
CREATE UNIQUE INDEX account_totals_id ON account_totals (id);`;

/** ACCOUNTS with generated, identity, inheriting and typed tables, a rule, a policy, a trigger, views and a schema. */
export const MANY_OBJECTS = `${ACCOUNTS}
CREATE TABLE generated_totals (a int, doubled int GENERATED ALWAYS AS (a * 2) STORED);
CREATE TABLE numbered (id int GENERATED ALWAYS AS IDENTITY, label text);
CREATE TABLE parent_table (id int); CREATE TABLE child_table (id int); CREATE TABLE inheriting (id int) INHERITS (parent_table);
CREATE TYPE row_shape AS (id int); CREATE TABLE shaped (id int); CREATE TABLE typed OF row_shape;
CREATE RULE accounts_notify AS ON INSERT TO accounts DO ALSO NOTIFY accounts;
CREATE POLICY accounts_owner ON accounts USING (true);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW active_accounts AS SELECT id, email FROM accounts;
CREATE MATERIALIZED VIEW account_totals AS SELECT id, total FROM accounts;
CREATE SCHEMA billing;`;
