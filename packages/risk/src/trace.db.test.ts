import { databaseTargets, describeEachDatabase } from "@confiture/db/testing";
import { expect, it } from "vitest";
import { traceMigrations } from "./trace.js";

const schema = {
  file: "1_schema.up.sql",
  source: "CREATE TABLE users (id bigint PRIMARY KEY, name text); INSERT INTO users SELECT generate_series(1, 100), 'x';",
};
const change = {
  file: "2_change.up.sql",
  source: `ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
ALTER TABLE users ALTER COLUMN id TYPE integer;
CREATE INDEX CONCURRENTLY users_name_idx ON users (name);`,
};

describeEachDatabase("traceMigrations", (getDatabase) => {
  it("replays earlier migrations, traces each statement rolled back, and compares with the model", async () => {
    const report = await traceMigrations(getDatabase(), [change], { mode: "replay", before: [schema] });
    // The setup took AccessExclusiveLock on users in the same transaction, so later locks on it are hidden;
    // the comparison accepts them instead of reporting disagreements.
    expect(report.statements.flatMap((statement) => statement.disagreements)).toEqual([]);
    expect(report.summary).toMatchObject({ statements: 3, traced: 2, notTraced: 1, failed: 0 });
  });

  it("changes nothing on the database in replay mode", async () => {
    const db = getDatabase();
    await traceMigrations(db, [change], { mode: "replay", before: [schema] });
    const users = await db.query("SELECT to_regclass('users')::text AS found");
    expect(users.rows[0]?.found).toBeNull();
  });

  it("applies earlier migrations and each statement in apply mode, measuring every lock", async () => {
    const report = await traceMigrations(getDatabase(), [change], { mode: "apply", before: [schema] });
    const [addColumn, changeType, concurrent] = report.statements;
    expect(addColumn).toMatchObject({ kind: expect.any(String), traced: true, rewrite: false });
    expect(addColumn?.measured?.locks).toContainEqual({ relation: "users", mode: "AccessExclusiveLock" });
    expect(changeType).toMatchObject({ traced: true, rewrite: true });
    expect(changeType?.disagreements).toEqual([]);
    // CREATE INDEX CONCURRENTLY cannot run in a transaction: it ran on the scratch database, shown with
    // the model's lock because its own were released before they could be read.
    expect(concurrent).toMatchObject({ traced: false, transactional: false, ranUnmeasured: true });
    const index = await getDatabase().query("SELECT to_regclass('users_name_idx')::text AS found");
    expect(index.rows[0]?.found).toBe("users_name_idx");
    expect(concurrent?.locks).toContainEqual({ relation: "users", mode: "ShareUpdateExclusiveLock" });
    expect(report.summary).toMatchObject({ statements: 3, notTraced: 1, failed: 0 });
  });

  it("never runs on a real database what a rollback would not undo (setval), and says so", async () => {
    const db = getDatabase();
    await db.exec("DROP SEQUENCE IF EXISTS s; CREATE SEQUENCE s; SELECT setval('s', 1000);");
    const report = await traceMigrations(
      db,
      [{ file: "4_reset.up.sql", source: "SELECT setval('s', 1, false);\nCREATE INDEX ON sequenced (name);" }],
      { mode: "replay", before: [{ file: "3_seq.up.sql", source: "SELECT nextval('s'); CREATE TABLE sequenced (name text);" }] },
    );
    // Read back from the database: neither the traced setval nor the replayed nextval ran.
    const sequence = await db.query<{ last: string; called: boolean }>("SELECT last_value AS last, is_called AS called FROM s");
    expect({ last: Number(sequence.rows[0]?.last), called: sequence.rows[0]?.called }).toEqual({ last: 1000, called: true });
    const [reset, index] = report.statements;
    expect(reset).toMatchObject({ traced: false, escapes: [expect.objectContaining({ kind: "sequence", name: "setval" })] });
    expect(index).toMatchObject({ traced: true, disagreements: [] });
    expect(report.skippedSetup).toEqual([
      { file: "3_seq.up.sql", line: 1, escapes: [expect.objectContaining({ kind: "sequence", name: "nextval" })] },
    ]);
    expect(report.summary).toMatchObject({ statements: 2, traced: 1, notRunEscaping: 1, failed: 0 });
    await db.exec("DROP SEQUENCE s");
  });

  it("runs such statements on a scratch database (apply) and marks them", async () => {
    const report = await traceMigrations(
      getDatabase(),
      [{ file: "5_seq.up.sql", source: "CREATE SEQUENCE t_seq; SELECT setval('t_seq', 5);" }],
      { mode: "apply" },
    );
    expect(report.statements[1]).toMatchObject({ traced: true, escapes: [expect.objectContaining({ name: "setval" })] });
    await getDatabase().exec("DROP SEQUENCE t_seq");
  });

  it("reports a statement that fails instead of throwing", async () => {
    const report = await traceMigrations(
      getDatabase(),
      [{ file: "3_bad.up.sql", source: "ALTER TABLE missing ADD COLUMN x int;" }],
      {
        mode: "replay",
      },
    );
    expect(report.statements[0]?.error).toMatch(/missing/);
    expect(report.summary.failed).toBe(1);
  });
});

describeEachDatabase(
  "traceMigrations and dblink",
  (getDatabase, target) => {
    it("does not let a dblink write through on a real database", async () => {
      const db = getDatabase() as ReturnType<typeof getDatabase> & { name: string };
      const url = new URL(target.url ?? "");
      const connection = `host=${url.hostname} port=${url.port || 5432} user=${decodeURIComponent(url.username)} dbname=${db.name}`;
      await db.exec("CREATE EXTENSION IF NOT EXISTS dblink; CREATE TABLE remote_writes (id int)");
      const source = `SELECT dblink_exec('${connection}', 'INSERT INTO remote_writes VALUES (1)');`;
      const report = await traceMigrations(db, [{ file: "6_dblink.up.sql", source }], { mode: "replay" });
      const rows = await db.query<{ count: string }>("SELECT count(*)::text AS count FROM remote_writes");
      expect(rows.rows[0]?.count).toBe("0");
      expect(report.statements[0]).toMatchObject({ traced: false, escapes: [expect.objectContaining({ kind: "dblink" })] });
    });
  },
  databaseTargets().filter((target) => target.name === "postgres"),
);
