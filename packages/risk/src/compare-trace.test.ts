import { describe, expect, it } from "vitest";
import { compareTrace } from "./compare-trace.js";
import { classifyOperation } from "./operations.js";

const users = { relations: [{ name: "users", role: "target" as const }] };
const exclusive = { locks: [{ relation: "users", mode: "AccessExclusiveLock" as const }], rewrite: false, transactional: true };
const measured = (locks: { relation: string; mode: string }[], extra: object = {}) => ({
  transactional: true,
  locks,
  rewritten: [],
  ...extra,
});

describe("compareTrace", () => {
  it("agrees when the strongest measured mode is the model's", () => {
    expect(
      compareTrace(
        users,
        exclusive,
        measured([
          { relation: "users", mode: "AccessShareLock" },
          { relation: "users", mode: "AccessExclusiveLock" },
        ]),
      ),
    ).toEqual([]);
  });

  it("says in one sentence where they disagree", () => {
    expect(compareTrace(users, exclusive, measured([{ relation: "users", mode: "ShareLock" }]))).toEqual([
      "model: AccessExclusiveLock on users; measured: ShareLock",
    ]);
    expect(
      compareTrace(users, { ...exclusive, rewrite: true }, measured([{ relation: "users", mode: "AccessExclusiveLock" }])),
    ).toEqual(["model: rewrites the table; measured: no rewrite"]);
    expect(compareTrace(users, exclusive, { ...measured([]), transactional: false })).toEqual([
      "model: may run in a transaction; PostgreSQL refused to run it in one",
    ]);
  });

  it("accepts a lock the transaction already held (a replayed earlier statement took it)", () => {
    const held = measured([], { heldBefore: [{ relation: "users", mode: "AccessExclusiveLock" }] });
    expect(compareTrace(users, exclusive, held)).toEqual([]);
    const weaker = measured([], { heldBefore: [{ relation: "users", mode: "ShareLock" }] });
    expect(compareTrace(users, exclusive, weaker)).toEqual(["model: AccessExclusiveLock on users; measured: no lock"]);
  });
});

describe("classifyOperation", () => {
  const base = {
    locks: [{ relation: "users", mode: "AccessExclusiveLock" as const }],
    rewrite: false,
    scan: false,
    transactional: true,
  };
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
