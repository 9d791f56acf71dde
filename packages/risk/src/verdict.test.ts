import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessRisk } from "./assess.js";
import { defaultRiskConfig } from "./config.js";
import { blocksWrites } from "./operations.js";
import type { RiskInputs, TableStatistics } from "./table-statistics.js";

const TEBIBYTE = 1024 ** 4;

function table(relation: string, rows: number, bytesPerRow: number, dependencies: number): TableStatistics {
  return {
    relation,
    rowEstimate: rows,
    tableBytes: rows * bytesPerRow,
    indexBytes: rows * 16,
    toastBytes: 0,
    totalBytes: rows * (bytesPerRow + 16),
    dependencies,
    source: "snapshot",
  };
}

const busy = (tables: TableStatistics[]): RiskInputs => ({
  source: "snapshot",
  tables,
  activity: { connections: 90, maxConnections: 100 },
  serverMajorVersion: 15,
});

describe("what is blocked, not what is touched", () => {
  it("rates COMMENT ON a 1 TiB table of a busy server LOW: it blocks nobody", async () => {
    const archive = table("archive", 5_000_000_000, TEBIBYTE / 5_000_000_000, 12);
    const report = await assessRisk({
      files: [{ file: "1_comment.up.sql", source: "COMMENT ON TABLE archive IS 'cold data';" }],
      inputs: busy([archive]),
      findings: [{ severity: "warning" }],
    });
    expect(report.level).toBe("LOW");
    expect(report.factors.find((factor) => factor.name === "data_volume")).toMatchObject({ input: 0, source: "lock_model" });
    expect(report.factors.find((factor) => factor.name === "dependencies")?.input).toBe(0);
  });

  it("weighs the table whose writes an index build blocks", async () => {
    const orders = table("orders", 50_000_000, 200, 4);
    const report = await assessRisk({
      files: [{ file: "1_index.up.sql", source: "CREATE INDEX orders_total_idx ON orders (total);" }],
      inputs: busy([orders]),
    });
    expect(report.factors.find((factor) => factor.name === "data_volume")?.input).toBe(orders.totalBytes);
    expect(report.level).not.toBe("LOW");
  });
});

/** Statements whose locks and work differ; `{t}` is the table. */
const TEMPLATES = [
  "COMMENT ON TABLE {t} IS 'x'",
  "ALTER TABLE {t} ALTER COLUMN amount TYPE bigint",
  "CREATE INDEX ON {t} (amount)",
  "CREATE INDEX CONCURRENTLY ON {t} (amount)",
  "ALTER TABLE {t} ADD CONSTRAINT {t}_amount_check CHECK (amount > 0)",
  "ALTER TABLE {t} ADD CONSTRAINT {t}_amount_check CHECK (amount > 0) NOT VALID",
  "ALTER TABLE {t} VALIDATE CONSTRAINT {t}_amount_check",
  "ALTER TABLE {t} ADD COLUMN note text DEFAULT 'none'",
  "ALTER TABLE {t} ADD COLUMN noise float8 DEFAULT random()",
  "UPDATE {t} SET amount = amount + 1",
  "DELETE FROM {t} WHERE amount < 0",
  "ANALYZE {t}",
  "SELECT count(*) FROM {t}",
  "LOCK TABLE {t} IN ACCESS EXCLUSIVE MODE",
  "GRANT SELECT ON {t} TO PUBLIC",
];

const migration = fc.record({
  statements: fc.array(
    fc.record({ template: fc.integer({ min: 0, max: TEMPLATES.length - 1 }), table: fc.integer({ min: 0, max: 2 }) }),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
  rows: fc.array(fc.double({ min: 10, max: 5e9, noNaN: true }), { minLength: 3, maxLength: 3 }),
  bytesPerRow: fc.integer({ min: 20, max: 4000 }),
  dependencies: fc.integer({ min: 0, max: 30 }),
  severity: fc.constantFrom("info", "warning", "error", "critical"),
  transactional: fc.boolean(),
});

describe("levels keep their promises (properties over random migrations and sizes)", () => {
  it("never rates LOW a migration that blocks reads or writes longer than the budget, never above LOW one that blocks nothing", async () => {
    await fc.assert(
      fc.asyncProperty(migration, async (given) => {
        const names = ["orders", "events", "users"];
        const tables = names.map((name, index) =>
          table(name, Math.round(given.rows[index]!), given.bytesPerRow, given.dependencies),
        );
        const source = given.statements
          .map((statement) => `${TEMPLATES[statement.template]!.replaceAll("{t}", names[statement.table]!)};`)
          .join("\n");
        const report = await assessRisk({
          files: [{ file: "1_random.up.sql", source, transactional: given.transactional }],
          inputs: busy(tables),
          findings: [{ severity: given.severity }],
        });
        const migrationRisk = report.migrations[0]!;
        const blocking = report.statements.some(
          (statement) => statement.locks.some((lock) => blocksWrites(lock.mode)) || ["update", "delete"].includes(statement.kind),
        );
        if (migrationRisk.downtime.estimateMs > defaultRiskConfig.budget.blockMs) {
          expect(migrationRisk.level).not.toBe("LOW");
          expect(["HIGH", "CRITICAL"]).toContain(migrationRisk.level);
        }
        if (!blocking) expect(migrationRisk.level).toBe("LOW");
        expect(report.level).toBe(migrationRisk.level);
      }),
      { numRuns: 150, seed: 20_250_515 },
    );
  });
});
