import type { Node } from "@pgsql/types";
import { loadModule, parseSync } from "libpg-query";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LINT_SETTINGS } from "./lint.js";
import { SessionTracker } from "./session.js";

beforeAll(() => loadModule());

const nodes = (sql: string): Node[] => (parseSync(sql).stmts ?? []).map((statement) => statement.stmt as Node);

/** The state before each statement of `sql`. */
function states(sql: string, settings = DEFAULT_LINT_SETTINGS, wrap = settings.runnerWrapsInTransaction) {
  const tracker = new SessionTracker(settings, wrap);
  return nodes(sql).map((node) => {
    const state = tracker.state();
    tracker.apply(node);
    return state;
  });
}

describe("SessionTracker", () => {
  it("tracks SET lock_timeout and statement_timeout, and RESET", () => {
    const [first, second, third, fourth] = states(
      "SET lock_timeout = '2s'; SET statement_timeout TO 5000; RESET lock_timeout; SELECT 1",
    );
    expect(first).toMatchObject({ lockTimeoutSet: false, statementTimeoutSet: false });
    expect(second).toMatchObject({ lockTimeoutSet: true, lockTimeout: "2s", statementTimeoutSet: false });
    expect(third).toMatchObject({ lockTimeoutSet: true, statementTimeoutSet: true, statementTimeout: "5000" });
    expect(fourth).toMatchObject({ lockTimeoutSet: false, statementTimeoutSet: true });
  });

  it("treats a zero timeout as no timeout", () => {
    const [, afterZero, afterZeroString] = states("SET lock_timeout = 0; SET lock_timeout = '0s'; SELECT 1");
    expect(afterZero?.lockTimeoutSet).toBe(false);
    expect(afterZeroString?.lockTimeoutSet).toBe(false);
  });

  it("scopes SET LOCAL to the transaction and ignores it outside one", () => {
    const outside = states("SET LOCAL lock_timeout = '1s'; SELECT 1", DEFAULT_LINT_SETTINGS, false);
    expect(outside[1]?.lockTimeoutSet).toBe(false);
    const inside = states("BEGIN; SET LOCAL lock_timeout = '1s'; SELECT 1; COMMIT; SELECT 2", DEFAULT_LINT_SETTINGS, false);
    expect(inside.map((state) => [state.inTransaction, state.lockTimeoutSet])).toEqual([
      [false, false],
      [true, false],
      [true, true],
      [true, true],
      [false, false],
    ]);
  });

  it("counts the runner's transaction until the file commits it", () => {
    const [first, second, third] = states("SET LOCAL lock_timeout = '1s'; COMMIT; SELECT 1");
    expect(first).toMatchObject({ inTransaction: true, inExplicitTransaction: false, inRunnerTransaction: true });
    expect(second).toMatchObject({ inTransaction: true, lockTimeoutSet: true });
    expect(third).toMatchObject({ inTransaction: false, lockTimeoutSet: false });
  });

  it("reports timeouts the runner sets unless the file disables them", () => {
    const settings = { ...DEFAULT_LINT_SETTINGS, runnerSetsLockTimeout: true, runnerSetsStatementTimeout: true };
    const [first, second] = states("SET statement_timeout = 0; SELECT 1", settings);
    expect(first).toMatchObject({ lockTimeoutSet: true, statementTimeoutSet: true });
    expect(second).toMatchObject({ lockTimeoutSet: true, statementTimeoutSet: false });
  });

  it("understands set_config()", () => {
    const [, after] = states("SELECT set_config('lock_timeout', '3s', false); SELECT 1");
    expect(after).toMatchObject({ lockTimeoutSet: true, lockTimeout: "3s" });
  });

  it("keeps the transaction open after COMMIT AND CHAIN", () => {
    const [, , third] = states("BEGIN; COMMIT AND CHAIN; SELECT 1", DEFAULT_LINT_SETTINGS, false);
    expect(third?.inExplicitTransaction).toBe(true);
  });
});
