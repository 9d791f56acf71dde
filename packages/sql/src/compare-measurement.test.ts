import { describe, expect, it } from "vitest";
import { compareWithMeasurement } from "./compare-measurement.js";

const statement = { relations: [{ name: "events", role: "target" as const }] };
const analysis = (locks: Array<{ relation: string; mode: "AccessShareLock" | "ShareLock" | "ShareUpdateExclusiveLock" }>) => ({
  locks,
  rewrite: false,
  transactional: true,
});

describe("compareWithMeasurement", () => {
  it("compares every measured relation, not only the named ones", () => {
    const measured = {
      transactional: true,
      locks: [
        { relation: "events", mode: "ShareUpdateExclusiveLock" },
        { relation: "events_default", mode: "AccessExclusiveLock" },
      ],
      rewritten: [],
    };
    expect(
      compareWithMeasurement(statement, analysis([{ relation: "events", mode: "ShareUpdateExclusiveLock" }]), measured),
    ).toEqual([{ aspect: "lock", relation: "events_default", model: "none", measured: "AccessExclusiveLock" }]);
  });

  it("accepts a table's own index locked no more strongly than the table, and reports a stronger one", () => {
    const weaker = {
      transactional: true,
      locks: [
        { relation: "events", mode: "AccessShareLock" },
        { relation: "events_pkey", mode: "AccessShareLock", owner: "events" },
      ],
      rewritten: [],
    };
    expect(compareWithMeasurement(statement, analysis([{ relation: "events", mode: "AccessShareLock" }]), weaker)).toEqual([]);
    const stronger = {
      transactional: true,
      locks: [
        { relation: "events", mode: "ShareLock" },
        { relation: "events_pkey", mode: "AccessExclusiveLock", owner: "events" },
      ],
      rewritten: [],
    };
    expect(compareWithMeasurement(statement, analysis([{ relation: "events", mode: "ShareLock" }]), stronger)).toEqual([
      { aspect: "lock", relation: "events_pkey", model: "none", measured: "AccessExclusiveLock" },
    ]);
  });

  it("leaves out relations the statement created", () => {
    const measured = {
      transactional: true,
      locks: [
        { relation: "events", mode: "ShareLock" },
        { relation: "events_new_idx", mode: "AccessExclusiveLock" },
      ],
      rewritten: [],
      created: ["events_new_idx"],
    };
    expect(compareWithMeasurement(statement, analysis([{ relation: "events", mode: "ShareLock" }]), measured)).toEqual([]);
  });
});
