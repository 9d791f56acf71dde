import { describeEachDatabase } from "@confiture/db/testing";
import { beforeAll, expect, it } from "vitest";
import { assessRisk } from "./assess.js";
import { calibrate } from "./calibrate.js";
import { loadCalibration, saveCalibration } from "./calibration-store.js";
import { readHistory } from "./history.js";
import { gatherRiskContext } from "./inputs.js";
import { takeSnapshot } from "./snapshot.js";

describeEachDatabase("risk inputs from a database", (getDatabase) => {
  beforeAll(async () => {
    await getDatabase().exec(`
      CREATE TABLE accounts (id bigint PRIMARY KEY);
      CREATE TABLE users (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id), name text);
      INSERT INTO accounts SELECT generate_series(1, 2000);
      INSERT INTO users SELECT i, 1 + i % 2000, md5(i::text) FROM generate_series(1, 20000) AS i;
      CREATE VIEW user_names AS SELECT name FROM users;
      ANALYZE accounts; ANALYZE users;`);
  });

  it("takes a snapshot of sizes, dependencies, activity and the version", async () => {
    const snapshot = await takeSnapshot(getDatabase());
    const users = snapshot.tables.find((table) => table.name === "users");
    expect(users?.rowEstimate).toBeGreaterThan(10_000);
    expect(users?.tableBytes).toBeGreaterThan(0);
    expect(users?.dependencies).toMatchObject({ foreignKeysOut: 1, views: 1 });
    expect(snapshot.server.majorVersion).toBeGreaterThanOrEqual(15);
    expect(snapshot.activity.maxConnections).toBeGreaterThan(0);
  });

  it("reads only the tables a migration locks, and the report says the inputs came from the database", async () => {
    const files = [{ file: "1_change.up.sql", source: "ALTER TABLE users ALTER COLUMN name TYPE varchar(100);" }];
    const context = await gatherRiskContext(files, { db: getDatabase() });
    expect(context.inputs.tables.map((table) => table.relation)).toEqual(["users"]);
    const report = await assessRisk({ files, ...context });
    expect(report.inputs.source).toBe("database");
    expect(report.inputs.tables).toEqual([expect.objectContaining({ relation: "users", source: "database" })]);
    expect(report.factors.find((factor) => factor.name === "dependencies")?.input).toBe(2);
  });

  it("prices an UPDATE by the rows EXPLAIN expects it to change, without running it", async () => {
    const db = getDatabase();
    const files = [
      { file: "4_fix.up.sql", source: "UPDATE users SET name = 'x' WHERE id <= 20;\nUPDATE users SET name = upper(name);" },
    ];
    const context = await gatherRiskContext(files, { db });
    expect(context.inputs.statementRows?.["4_fix.up.sql:1:1"]).toBeLessThan(200);
    expect(context.inputs.statementRows?.["4_fix.up.sql:2:1"]).toBeGreaterThan(10_000);
    const report = await assessRisk({ files, ...context });
    expect(report.statements[0]!.downtime.estimateMs).toBeLessThan(report.statements[1]!.downtime.estimateMs);
    const { rows } = await db.query<{ changed: number }>("SELECT count(*)::int AS changed FROM users WHERE name = 'x'");
    expect(rows[0]?.changed).toBe(0);
  });

  it("has no history before the runner writes one, and reads it after", async () => {
    const db = getDatabase();
    expect(await readHistory(db)).toEqual([]);
    await db.exec(`CREATE SCHEMA IF NOT EXISTS confiture;
      CREATE TABLE confiture.statement_history (id bigserial PRIMARY KEY, version text NOT NULL, statement_index int NOT NULL,
        kind text NOT NULL, target_table text, table_bytes bigint, row_estimate bigint, duration_ms double precision NOT NULL,
        lock_mode text, pg_major int, applied_at timestamptz NOT NULL DEFAULT now());
      INSERT INTO confiture.statement_history (version, statement_index, kind, target_table, table_bytes, row_estimate, duration_ms, lock_mode, pg_major)
      VALUES ('1', 0, 'alter_column_type', 'public.users', 1000000, 20000, 120.5, 'AccessExclusiveLock', 15);`);
    expect(await readHistory(db)).toEqual([
      expect.objectContaining({ kind: "alter_column_type", tableBytes: 1_000_000, rowEstimate: 20_000, durationMs: 120.5 }),
    ]);
  });

  it("predicts from the migration history once it holds enough runs of the same kind on similar tables", async () => {
    const db = getDatabase();
    const [users] = (
      await gatherRiskContext([{ file: "x.up.sql", source: "ALTER TABLE users ALTER COLUMN name TYPE varchar(100);" }], { db })
    ).inputs.tables;
    const values = [100, 110, 95, 105]
      .map(
        (duration, index) =>
          `('h${index}', 0, 'alter_column_type', 'public.users', ${users!.totalBytes}, 20000, ${duration}, 'AccessExclusiveLock', 15)`,
      )
      .join(", ");
    await db.exec(
      `INSERT INTO confiture.statement_history (version, statement_index, kind, target_table, table_bytes, row_estimate, duration_ms, lock_mode, pg_major) VALUES ${values}`,
    );
    const files = [{ file: "3_type.up.sql", source: "ALTER TABLE users ALTER COLUMN name TYPE varchar(100);" }];
    const report = await assessRisk({ files, ...(await gatherRiskContext(files, { db })) });
    const prediction = report.statements[0]!.downtime;
    expect(prediction.method).toBe("historical");
    // Five runs on the same table (the one inserted earlier included): about 100 ms, with a t interval around it.
    expect(prediction.lowerMs).toBeLessThan(100);
    expect(prediction.upperMs).toBeGreaterThan(110);
    expect(prediction.confidence).toBeGreaterThan(0);
    expect(prediction.confidence).toBeLessThanOrEqual(0.9);
  });

  it("calibrates on scratch tables, drops them, and stores the result in the database", async () => {
    const db = getDatabase();
    const calibration = await calibrate(db, { shapes: 2, minimumRows: 2000, maximumRows: 4000, repeats: 1 });
    expect(calibration.measurements.length).toBeGreaterThanOrEqual(20);
    for (const model of Object.values(calibration.models)) {
      expect(Object.values(model.coefficients).every((value) => value >= 0)).toBe(true);
      expect(Number.isFinite(model.lowerLog) && Number.isFinite(model.upperLog)).toBe(true);
      expect(model.lowerLog).toBeLessThan(0);
      expect(model.upperLog).toBeGreaterThan(0);
    }
    // It knows which server it measured.
    expect(calibration.server.driver).toBe(db.driver);
    expect(calibration.server.majorVersion).toBe(await db.serverMajorVersion());
    expect(calibration.server.fingerprint).toEqual(expect.any(String));
    const left = await db.query("SELECT 1 FROM pg_namespace WHERE nspname = 'confiture_calibration'");
    expect(left.rows).toEqual([]);
    await saveCalibration(calibration, { db });
    expect(await loadCalibration({ db })).toEqual(calibration);
    const context = await gatherRiskContext([{ file: "2.up.sql", source: "CREATE INDEX ON users (name);" }], { db });
    expect(context.calibration?.takenAt).toBe(calibration.takenAt);
  });
});
