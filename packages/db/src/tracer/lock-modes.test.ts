import { describe, expect, it } from "vitest";
import { lockModeStrength, strongestLockPerRelation } from "./lock-modes.js";

describe("strongestLockPerRelation", () => {
  it("keeps the strongest mode of each relation", () => {
    const locks = [
      { relation: "users", mode: "AccessShareLock" },
      { relation: "orders", mode: "ShareLock" },
      { relation: "users", mode: "AccessExclusiveLock" },
      { relation: "users", mode: "RowExclusiveLock" },
      { relation: "orders", mode: "ShareUpdateExclusiveLock" },
    ];
    expect(strongestLockPerRelation(locks)).toEqual([
      { relation: "users", mode: "AccessExclusiveLock" },
      { relation: "orders", mode: "ShareLock" },
    ]);
  });
  it("orders modes as the conflict table does", () => {
    expect(lockModeStrength("ShareRowExclusiveLock")).toBeGreaterThan(lockModeStrength("ShareLock"));
    expect(lockModeStrength("ShareUpdateExclusiveLock")).toBeLessThan(lockModeStrength("ShareLock"));
    expect(lockModeStrength("SIReadLock")).toBe(-1);
  });
});
