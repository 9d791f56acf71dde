import { describe, expect, it } from "vitest";
import { describeLockMode, LOCK_MODES, lockModesConflict, strongestLock } from "./lock-modes.js";

describe("lock modes", () => {
  it.each([
    ["AccessShareLock", { blocksReads: false, blocksWrites: false, blocksDdl: false }],
    ["RowExclusiveLock", { blocksReads: false, blocksWrites: false, blocksDdl: false }],
    ["ShareUpdateExclusiveLock", { blocksReads: false, blocksWrites: false, blocksDdl: true }],
    ["ShareLock", { blocksReads: false, blocksWrites: true, blocksDdl: true }],
    ["ShareRowExclusiveLock", { blocksReads: false, blocksWrites: true, blocksDdl: true }],
    ["ExclusiveLock", { blocksReads: false, blocksWrites: true, blocksDdl: true }],
    ["AccessExclusiveLock", { blocksReads: true, blocksWrites: true, blocksDdl: true }],
  ] as const)("%s", (mode, expected) => {
    expect(describeLockMode(mode)).toMatchObject(expected);
  });

  it("has a symmetric conflict table", () => {
    for (const held of LOCK_MODES)
      for (const requested of LOCK_MODES) {
        expect(lockModesConflict(held, requested)).toBe(lockModesConflict(requested, held));
      }
  });

  it("picks the strongest lock", () => {
    expect(strongestLock(["RowShareLock", "ShareLock", "AccessShareLock"])).toBe("ShareLock");
    expect(strongestLock([{ mode: "ExclusiveLock" }, { mode: "AccessExclusiveLock" }])).toBe("AccessExclusiveLock");
    expect(strongestLock([])).toBeUndefined();
  });
});
