import { describe, expect, it } from "vitest";
import { assessRisk } from "./assess.js";
import { riskEvents, type RiskTimingEvent } from "./events.js";
import { snapshotInputs } from "./snapshot.js";

const tighten = {
  file: "20240510140000_tighten_projects.up.sql",
  source: `ALTER TABLE projects ALTER COLUMN title TYPE varchar(200);
ALTER TABLE users ADD COLUMN last_seen_at timestamp DEFAULT clock_timestamp();
ALTER TABLE users ADD CONSTRAINT users_display_name_check CHECK (length(display_name) > 0);`,
};

const snapshot = snapshotInputs({
  version: 1,
  takenAt: "2025-01-01T00:00:00.000Z",
  server: { majorVersion: 15, version: "PostgreSQL 15" },
  activity: { connections: 10, maxConnections: 100 },
  tables: ["projects", "users"].map((name) => ({
    schema: "public",
    name,
    totalBytes: 2 * 1024 ** 3,
    tableBytes: 1.5 * 1024 ** 3,
    indexBytes: 0.5 * 1024 ** 3,
    toastBytes: 0,
    rowEstimate: 10_000_000,
    dependencies: { foreignKeysOut: 1, foreignKeysIn: 1, views: 0, triggers: 0 },
  })),
});

describe("assessRisk", () => {
  it("reports the lock model's verdict and a prediction for every statement", async () => {
    const report = await assessRisk({ files: [tighten], pgVersion: 15 });
    expect(report.statements.map((statement) => [statement.line, statement.kind, statement.rewrite])).toEqual([
      [1, "alter_column_type", true],
      [2, "add_column", true],
      [3, "add_check_constraint", false],
    ]);
    for (const statement of report.statements) {
      expect(statement.downtime.lowerMs).toBeLessThanOrEqual(statement.downtime.estimateMs);
      expect(statement.downtime.upperMs).toBeGreaterThanOrEqual(statement.downtime.estimateMs);
    }
    // One transaction: projects stays locked until COMMIT, so its block is the whole file.
    expect(report.downtime.blockedRelation).toBe("projects");
    expect(report.downtime.estimateMs).toBeCloseTo(report.downtime.totalDuration.estimateMs, 1);
    expect(report.inputs.source).toBe("assumptions");
  });

  it("scores bigger tables, more load and worse findings higher", async () => {
    const assumed = await assessRisk({ files: [tighten], pgVersion: 15 });
    const large = await assessRisk({ files: [tighten], inputs: snapshot, findings: [{ severity: "critical" }] });
    expect(large.inputs.source).toBe("snapshot");
    expect(large.score).toBeGreaterThan(assumed.score);
    // 4 GiB locked (0.6), writes blocked over 10 s (1), 4 dependents (0.4), a critical finding (1), 10% load (0).
    expect(large.score).toBeCloseTo(0.25 * 0.6 + 0.35 * 1 + 0.15 * 0.4 + 0.15 * 1, 4);
    expect(large.level).toBe("HIGH");
    expect(large.factors.find((factor) => factor.name === "anomalies")).toMatchObject({
      value: 1,
      input: "critical",
      source: "lint",
    });
    expect(large.factors.find((factor) => factor.name === "concurrent_load")).toMatchObject({
      input: 0.1,
      value: 0,
      source: "snapshot",
    });
  });

  it("treats tables created in the migration as empty and not blocking anyone", async () => {
    const report = await assessRisk({
      files: [
        {
          file: "1_new.up.sql",
          source: "CREATE TABLE fresh (id bigint PRIMARY KEY, name text);\nCREATE INDEX fresh_name_idx ON fresh (name);",
        },
      ],
      pgVersion: 15,
    });
    expect(report.statements[1]?.downtime).toMatchObject({
      relation: "fresh",
      sizeSource: "migration",
      operation: "index_build",
    });
    expect(report.downtime.estimateMs).toBe(0);
    expect(report.level).toBe("LOW");
  });

  it("does not count CREATE INDEX CONCURRENTLY as downtime, however long it runs", async () => {
    const report = await assessRisk({
      files: [{ file: "2_index.up.sql", source: "CREATE INDEX CONCURRENTLY users_name_idx ON users (name);" }],
      inputs: snapshot,
    });
    expect(report.migrations[0]?.transactional).toBe(false);
    expect(report.statements[0]?.downtime.operation).toBe("concurrent_index_build");
    expect(report.statements[0]?.downtime.estimateMs).toBeGreaterThan(1000);
    expect(report.downtime.estimateMs).toBe(0);
    expect(report.downtime.lock).toMatchObject({ mode: "ShareUpdateExclusiveLock", blocksWrites: false });
  });

  it("emits a risk_assessment timing event", async () => {
    const events: RiskTimingEvent[] = [];
    const listener = (event: RiskTimingEvent) => events.push(event);
    riskEvents.on("timing", listener);
    try {
      await assessRisk({ files: [tighten] });
    } finally {
      riskEvents.off("timing", listener);
    }
    expect(events).toEqual([{ operation: "risk_assessment", durationMs: expect.any(Number) }]);
  });
});

describe("assessRisk on tables the migration creates", () => {
  it("never assumes a size for a table created by the statement itself", async () => {
    const report = await assessRisk({
      files: [{ file: "3_create.up.sql", source: "CREATE TABLE brand_new (id bigint PRIMARY KEY);" }],
      pgVersion: 15,
    });
    expect(report.inputs.tables).toEqual([]);
    expect(report.factors.find((factor) => factor.name === "data_volume")?.input).toBe(0);
  });
});
