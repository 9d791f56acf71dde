import { beforeAll, expect, it } from "vitest";
import { RelationNotFoundError } from "../errors.js";
import { describeEachDatabase } from "../testing/describe-each-database.js";
import { getActivity } from "./activity.js";
import { getTableDependencies } from "./dependencies.js";
import { estimateStatementRows } from "./explain.js";
import { getServerInfo, getSettings } from "./server.js";
import { getTableShapes } from "./shapes.js";
import { getIndexes, getTableSizes, listTables } from "./tables.js";

const schema = `
  CREATE SCHEMA billing;
  CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, bio text);
  CREATE UNIQUE INDEX users_email_key ON users (email);
  CREATE TABLE billing.invoices (
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    total numeric
  );
  CREATE TABLE "Audit Log" (id int, user_id bigint);
  ALTER TABLE "Audit Log" ADD CONSTRAINT audit_user FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
  CREATE VIEW active_users AS SELECT id, email FROM users;
  CREATE VIEW billing.active_user_count AS SELECT count(*) FROM active_users;
  CREATE MATERIALIZED VIEW billing.revenue AS SELECT u.id, sum(i.total) AS total FROM users u JOIN billing.invoices i ON i.user_id = u.id GROUP BY u.id;
  CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
  CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
  INSERT INTO users SELECT g, 'user' || g || '@example.com', repeat('x', 3000) || g FROM generate_series(1, 500) AS g;
  ANALYZE users;
  CREATE TABLE measurements (taken date NOT NULL, value int) PARTITION BY RANGE (taken);
  CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
  CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
  CREATE INDEX ON measurements (taken);
  INSERT INTO measurements SELECT DATE '2025-06-01' + (g % 400), g FROM generate_series(1, 2000) AS g;
  ANALYZE measurements;
`;

describeEachDatabase("introspection", (getDatabase, target) => {
  beforeAll(async () => {
    await getDatabase().exec(schema);
  });

  it("describes the server", async () => {
    const info = await getServerInfo(getDatabase());
    expect(info.version).toMatch(/^PostgreSQL \d+/);
    expect(info.majorVersion).toBe(Math.floor(info.versionNumber / 10_000));
    expect(info.majorVersion).toBe(await getDatabase().serverMajorVersion());
    expect(Number(info.settings.max_connections?.value)).toBeGreaterThan(0);
    expect(info.settings.TimeZone?.value).toBeTypeOf("string");
  });

  it("reads settings by name, case-insensitively, skipping unknown ones", async () => {
    const settings = await getSettings(getDatabase(), ["lock_timeout", "TIMEZONE", "no_such_setting"]);
    expect(Object.keys(settings).sort()).toEqual(["TIMEZONE", "lock_timeout"]);
    expect(settings.lock_timeout).toEqual({ value: "0", setting: "0", unit: "ms" });
  });

  it("lists user tables with confiture's relation names", async () => {
    const tables = await listTables(getDatabase());
    // Sorted by schema then name, in the C collation of PostgreSQL's name type.
    expect(tables.map((table) => [table.relation, table.kind])).toEqual([
      ["billing.invoices", "table"],
      ["billing.revenue", "materialized view"],
      ["Audit Log", "table"],
      ["measurements", "partitioned table"],
      ["measurements_2025", "table"],
      ["measurements_2026", "table"],
      ["users", "table"],
    ]);
    expect(tables.find((table) => table.name === "users")?.rowEstimate).toBe(500);
    expect(tables.find((table) => table.name === "Audit Log")?.rowEstimate).toBeNull();
  });

  it("measures table sizes that add up", async () => {
    const [users, ...rest] = await getTableSizes(getDatabase(), ["users", "billing.invoices", "public.missing"]);
    expect(users?.relation).toBe("users");
    expect(rest.map((table) => table.relation)).toEqual(["billing.invoices"]);
    expect(users!.totalBytes).toBe(users!.tableBytes + users!.indexBytes + users!.toastBytes);
    // 500 bios of 3 kB compress well but still leave the heap, both indexes and TOAST non-empty.
    expect(users!.tableBytes).toBeGreaterThan(0);
    expect(users!.indexBytes).toBeGreaterThan(0);
    expect(users!.toastBytes).toBeGreaterThanOrEqual(0);
    const all = await getTableSizes(getDatabase());
    expect(all.map((table) => table.relation).sort()).toEqual([
      "Audit Log",
      "billing.invoices",
      "billing.revenue",
      "measurements",
      "measurements_2025",
      "measurements_2026",
      "users",
    ]);
    const totals = all.map((table) => table.totalBytes);
    expect(totals).toEqual([...totals].sort((left, right) => right - left));
  });

  it("sums the partitions of a partitioned table", async () => {
    const sizes = await getTableSizes(getDatabase(), ["measurements", "measurements_2025", "measurements_2026"]);
    const byName = new Map(sizes.map((size) => [size.relation, size]));
    const parent = byName.get("measurements")!;
    const first = byName.get("measurements_2025")!;
    const second = byName.get("measurements_2026")!;
    expect(parent.kind).toBe("partitioned table");
    expect(parent.totalBytes).toBe(first.totalBytes + second.totalBytes);
    expect(parent.indexBytes).toBe(first.indexBytes + second.indexBytes);
    expect(parent.indexBytes).toBeGreaterThan(0);
    expect(parent.rowEstimate).toBe(2000);
    expect((first.rowEstimate ?? 0) + (second.rowEstimate ?? 0)).toBe(2000);
  });

  it("lists indexes with their state", async () => {
    const indexes = await getIndexes(getDatabase(), "users");
    expect(indexes.map((index) => [index.name, index.unique, index.primary, index.valid])).toEqual([
      ["users_email_key", true, false, true],
      ["users_pkey", true, true, true],
    ]);
    expect(indexes[0]?.definition).toBe("CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)");
    expect(indexes[0]?.sizeBytes).toBeGreaterThan(0);
    const everywhere = await getIndexes(getDatabase());
    expect(everywhere.map((index) => index.table)).toContain("billing.invoices");
  });

  it("finds foreign keys, views and triggers around a table", async () => {
    const dependencies = await getTableDependencies(getDatabase(), "public.users");
    expect(dependencies.relation).toBe("users");
    expect(dependencies.foreignKeysOut).toEqual([]);
    expect(
      dependencies.foreignKeysIn.map((key) => [key.name, key.table, key.columns, key.referencedColumns, key.validated]),
    ).toEqual([
      ["audit_user", "Audit Log", ["user_id"], ["id"], false],
      ["invoices_user_id_fkey", "billing.invoices", ["user_id"], ["id"], true],
    ]);
    expect(dependencies.views).toEqual([
      { relation: "billing.revenue", kind: "materialized view", depth: 1 },
      { relation: "active_users", kind: "view", depth: 1 },
      { relation: "billing.active_user_count", kind: "view", depth: 2 },
    ]);
    expect(dependencies.triggers).toEqual([
      {
        name: "users_touch",
        definition: "CREATE TRIGGER users_touch BEFORE UPDATE ON public.users FOR EACH ROW EXECUTE FUNCTION touch()",
        function: "touch",
        enabled: true,
      },
    ]);
    const invoices = await getTableDependencies(getDatabase(), "billing.invoices");
    expect(invoices.foreignKeysOut.map((key) => [key.table, key.definition])).toEqual([
      ["users", "FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE"],
    ]);
    const quoted = await getTableDependencies(getDatabase(), '"Audit Log"');
    expect(quoted.foreignKeysOut.map((key) => key.name)).toEqual(["audit_user"]);
  });

  it("rejects unknown tables with a typed error", async () => {
    const error = await getTableDependencies(getDatabase(), "nowhere").catch((failure: unknown) => failure);
    expect(RelationNotFoundError.isInstance(error)).toBe(true);
  });

  it("reports toast bytes apart from the heap: rows stored out of line", async () => {
    await getDatabase().exec(`CREATE TABLE documents (id int PRIMARY KEY, body text);
      ALTER TABLE documents ALTER COLUMN body SET STORAGE EXTERNAL;
      INSERT INTO documents SELECT g, repeat(md5(g::text), 200) FROM generate_series(1, 200) AS g;`);
    const [documents] = await getTableSizes(getDatabase(), ["documents"]);
    // 200 rows of 6.4 kB stored uncompressed out of line: over a megabyte of TOAST, a small heap.
    expect(documents!.toastBytes).toBeGreaterThan(1_000_000);
    expect(documents!.tableBytes).toBeLessThan(documents!.toastBytes / 10);
  });

  it("describes columns and indexes: types, widths, collations, index methods and keys", async () => {
    await getDatabase().exec(`CREATE TABLE shaped (id int PRIMARY KEY, name text, code text COLLATE "C", tags jsonb)
      WITH (fillfactor = 70);
      CREATE INDEX shaped_name_idx ON shaped (name);
      CREATE INDEX shaped_lower_idx ON shaped (lower(name)) WHERE id > 10;
      CREATE INDEX shaped_tags_idx ON shaped USING gin (tags);
      INSERT INTO shaped SELECT g, 'name ' || g, 'c' || g, jsonb_build_object('k', g) FROM generate_series(1, 300) AS g;
      ANALYZE shaped;`);
    const [shape] = await getTableShapes(getDatabase(), ["shaped", "missing"]);
    expect(shape?.relation).toBe("shaped");
    expect(shape?.fillFactor).toBe(70);
    const columns = new Map(shape!.columns.map((column) => [column.name, column]));
    expect(columns.get("id")).toMatchObject({ type: "integer", averageWidth: 4, collated: false });
    expect(columns.get("code")?.collated).toBe(false);
    expect(columns.get("name")?.averageWidth).toBeGreaterThan(4);
    expect(columns.get("id")?.correlation).toBeCloseTo(1, 5);
    expect(shape!.indexes.map((index) => [index.name, index.method, index.columns, index.partial])).toEqual([
      ["shaped_lower_idx", "btree", [null], true],
      ["shaped_name_idx", "btree", ["name"], false],
      ["shaped_pkey", "btree", ["id"], false],
      ["shaped_tags_idx", "gin", ["tags"], false],
    ]);
    const [invoices] = await getTableShapes(getDatabase(), ["billing.invoices"]);
    expect(invoices?.foreignKeys).toEqual([{ name: "invoices_user_id_fkey", referencedRelation: "users", validated: true }]);
  });

  it("estimates the rows a statement would touch without running it", async () => {
    await getDatabase().exec(`CREATE TABLE counted (id int, flag boolean);
      INSERT INTO counted SELECT g, g % 4 = 0 FROM generate_series(1, 4000) AS g; ANALYZE counted;`);
    const all = await estimateStatementRows(getDatabase(), "UPDATE counted SET flag = true");
    const some = await estimateStatementRows(getDatabase(), "DELETE FROM counted WHERE id <= 400");
    expect(all).toBe(4000);
    expect(some).toBeGreaterThan(200);
    expect(some).toBeLessThan(800);
    // Nothing ran: the rows are all still there, unchanged.
    const { rows } = await getDatabase().query<{ count: string; flagged: string }>(
      "SELECT count(*)::int AS count, (count(*) FILTER (WHERE flag))::int AS flagged FROM counted",
    );
    expect(rows[0]).toEqual({ count: 4000, flagged: 1000 });
    expect(await estimateStatementRows(getDatabase(), "UPDATE no_such_table SET x = 1")).toBeUndefined();
  });

  it("reports activity against max_connections", async () => {
    const activity = await getActivity(getDatabase());
    expect(activity.maxConnections).toBeGreaterThan(0);
    expect(activity.longestTransactionSeconds).toBeGreaterThanOrEqual(0);
    if (target.name === "postgres") {
      // At least our own session is connected; the count is server-wide, so other suites may add more.
      expect(activity.connections).toBeGreaterThanOrEqual(1);
      expect(activity.connections).toBeLessThanOrEqual(activity.maxConnections);
    } else {
      // PGlite is a single embedded session with nobody else to wait for.
      expect(activity.activeTransactions).toBe(0);
      expect(activity.waitingForLocks).toBe(0);
    }
  });
});
