import { describe, expect, it } from "vitest";
import { compareTrace } from "./compare-trace.js";
import { classifyOperation } from "./operations.js";

const measured = (locks: { relation: string; mode: string }[], rewritten: string[] = []) => ({
  locks: locks as never,
  rewritten,
  durationMs: 1,
});

describe("compareTrace", () => {
  it("agrees when the strongest mode per relation matches and rewrites match", () => {
    const model = { locks: [{ relation: "users", mode: "AccessExclusiveLock" as const }], rewrite: true };
    const result = measured(
      [
        { relation: "users", mode: "AccessShareLock" },
        { relation: "users", mode: "AccessExclusiveLock" },
      ],
      ["users"],
    );
    expect(compareTrace(model, result)).toEqual([]);
  });

  it("marks a different mode, a missing lock, an unexpected lock and a rewrite mismatch", () => {
    const model = {
      locks: [
        { relation: "users", mode: "ShareLock" as const },
        { relation: "accounts", mode: "ShareRowExclusiveLock" as const },
      ],
      rewrite: false,
    };
    const result = measured(
      [
        { relation: "users", mode: "AccessExclusiveLock" },
        { relation: "projects", mode: "RowExclusiveLock" },
        { relation: "audit", mode: "AccessShareLock" },
      ],
      ["users"],
    );
    expect(compareTrace(model, result)).toEqual([
      "model: ShareLock on users; measured: AccessExclusiveLock",
      "model: ShareRowExclusiveLock on accounts; measured: no lock on it",
      "measured: RowExclusiveLock on projects; model: no lock on it",
      "measured: rewrote users; model: no rewrite",
    ]);
  });

  it("accepts a lock the transaction already held (a replayed earlier statement took it)", () => {
    const model = { locks: [{ relation: "users", mode: "AccessExclusiveLock" as const }], rewrite: false };
    const result = { ...measured([]), heldBefore: [{ relation: "users", mode: "AccessExclusiveLock" as const }] };
    expect(compareTrace(model, result)).toEqual([]);
    const weaker = { ...measured([]), heldBefore: [{ relation: "users", mode: "ShareLock" as const }] };
    expect(compareTrace(model, weaker)).toHaveLength(1);
  });

  it("does not report indexes rebuilt along with their table as locks the model missed", () => {
    const model = { locks: [{ relation: "users", mode: "AccessExclusiveLock" as const }], rewrite: true };
    const result = measured(
      [
        { relation: "users", mode: "AccessExclusiveLock" },
        { relation: "users_pkey", mode: "AccessExclusiveLock" },
      ],
      ["users"],
    );
    expect(compareTrace(model, result, new Set(), new Set(["users_pkey"]))).toEqual([]);
    expect(compareTrace(model, result)).toEqual(["measured: AccessExclusiveLock on users_pkey; model: no lock on it"]);
  });

  it("ignores relations the statement creates", () => {
    const model = { locks: [{ relation: "fresh", mode: "AccessExclusiveLock" as const }], rewrite: false };
    expect(compareTrace(model, measured([]), new Set(["fresh"]))).toEqual([]);
  });
});

describe("classifyOperation", () => {
  const base = { locks: [{ relation: "users", mode: "AccessExclusiveLock" as const }], rewrite: false, scan: false, transactional: true };
  it.each([
    [{ ...base, kind: "alter_column_type", rewrite: true }, "rewrite"],
    [{ ...base, kind: "add_column" }, "catalog"],
    [{ ...base, kind: "add_check_constraint", scan: true }, "validate"],
    [{ ...base, kind: "set_not_null", scan: true }, "validate"],
    [{ ...base, kind: "add_foreign_key", scan: true }, "validate_foreign_key"],
    [{ ...base, kind: "add_foreign_key", scan: false }, "catalog"],
    [{ ...base, kind: "create_index", scan: true }, "index_build"],
    [{ ...base, kind: "create_index_concurrently", scan: true, transactional: false }, "concurrent_index_build"],
    [{ ...base, kind: "add_primary_key", scan: true }, "index_build"],
    [{ ...base, kind: "drop_index" }, "catalog"],
  ])("%o is %s", (statement, expected) => {
    expect(classifyOperation(statement)).toBe(expected);
  });
});
