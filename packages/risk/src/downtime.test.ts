import type { LockAcquisition } from "@confiture/sql";
import { describe, expect, it } from "vitest";
import { combineDowntimes, migrationDowntime, type TimedStatement } from "./downtime.js";
import type { DurationPrediction } from "./predict.js";

const prediction = (
  estimateMs: number,
  method: DurationPrediction["method"] = "heuristic",
  confidence = 0.5,
): DurationPrediction => ({
  estimateMs,
  lowerMs: estimateMs / 2,
  upperMs: estimateMs * 2,
  confidence,
  method,
  operation: "rewrite",
  caveats: [`caveat ${method}`],
});

const statement = (estimateMs: number, locks: LockAcquisition[], hidden: string[] = []): TimedStatement => ({
  prediction: prediction(estimateMs),
  locks,
  visibleRelations: new Set(locks.map((lock) => lock.relation).filter((relation) => !hidden.includes(relation))),
});

const exclusive = (relation: string): LockAcquisition => ({ relation, mode: "AccessExclusiveLock" });

describe("migrationDowntime", () => {
  const statements = [
    statement(100, [{ relation: "projects", mode: "ShareUpdateExclusiveLock" }]),
    statement(1000, [exclusive("users")]),
    statement(10, [exclusive("projects")]),
    statement(500, [{ relation: "users", mode: "RowExclusiveLock" }]),
  ];

  it("holds a transaction's locks until COMMIT", () => {
    const downtime = migrationDowntime(statements, true);
    // users is blocked from statement 2 to the end: 1000 + 10 + 500.
    expect(downtime.blockedRelation).toBe("users");
    expect(downtime.estimateMs).toBe(1510);
    expect(downtime.lowerMs).toBe(755);
    expect(downtime.upperMs).toBe(3020);
    expect(downtime.totalDuration.estimateMs).toBe(1610);
    expect(downtime.lock).toEqual({ relation: "users", mode: "AccessExclusiveLock", blocksWrites: true });
  });

  it("releases each statement's locks at its end outside a transaction", () => {
    const downtime = migrationDowntime(statements, false);
    expect(downtime.estimateMs).toBe(1000);
    expect(downtime.blockedRelation).toBe("users");
  });

  it("ignores locks no other session can see (tables created in the same transaction)", () => {
    const downtime = migrationDowntime(
      [statement(5, [exclusive("fresh")], ["fresh"]), statement(50, [exclusive("fresh")], ["fresh"])],
      true,
    );
    expect(downtime.estimateMs).toBe(0);
    expect(downtime.lock).toBeNull();
    expect(downtime.totalDuration.estimateMs).toBe(55);
  });

  it("does not count locks that let writes through as downtime", () => {
    const downtime = migrationDowntime([statement(60_000, [{ relation: "users", mode: "ShareUpdateExclusiveLock" }])], true);
    expect(downtime.estimateMs).toBe(0);
    expect(downtime.lock?.blocksWrites).toBe(false);
    expect(downtime.totalDuration.estimateMs).toBe(60_000);
  });

  it("weights confidence by each statement's share of the time", () => {
    const mixed: TimedStatement[] = [
      { prediction: prediction(900, "calibrated", 0.9), locks: [exclusive("a")], visibleRelations: new Set(["a"]) },
      { prediction: prediction(100, "heuristic", 0.5), locks: [exclusive("b")], visibleRelations: new Set(["b"]) },
    ];
    const downtime = migrationDowntime(mixed, true);
    expect(downtime.confidence).toBeCloseTo(0.86, 10);
    expect(downtime.method).toBe("calibrated");
    expect(downtime.caveats).toEqual(["caveat calibrated", "caveat heuristic"]);
  });
});

describe("combineDowntimes", () => {
  it("takes the worst migration's block and the sum of durations", () => {
    const first = migrationDowntime([statement(300, [exclusive("a")])], true);
    const second = migrationDowntime([statement(700, [exclusive("b")]), statement(100, [])], true);
    const combined = combineDowntimes([first, second], [prediction(300), prediction(700), prediction(100)]);
    expect(combined.estimateMs).toBe(800);
    expect(combined.blockedRelation).toBe("b");
    expect(combined.totalDuration.estimateMs).toBe(1100);
  });
});
