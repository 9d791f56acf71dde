import { describeEachDatabase } from "@confiture/db/testing";
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
    // CREATE INDEX CONCURRENTLY cannot run in a transaction: shown with the model's lock, not run.
    expect(concurrent).toMatchObject({ traced: false, transactional: false });
    expect(concurrent?.locks).toContainEqual({ relation: "users", mode: "ShareUpdateExclusiveLock" });
    expect(report.summary).toMatchObject({ statements: 3, notTraced: 1, failed: 0 });
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
