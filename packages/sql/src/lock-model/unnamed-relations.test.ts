import { describe, expect, it } from "vitest";
import { analyzeSql } from "../analyze.js";
import { EVENTS_WITH_DEFAULT, ORDER_ITEMS, SEQUENCED } from "../lock-model-case-setups.js";

/** The locks of the last statement, after the setup has built the schema model. */
async function locksOf(setup: string, sql: string): Promise<Record<string, string>> {
  const analyses = await analyzeSql(`${setup};\n${sql}`, { pgVersion: 15 });
  return Object.fromEntries((analyses.at(-1)?.locks ?? []).map((lock) => [lock.relation, lock.mode]));
}

describe("locks on relations the statement does not name (schema model)", () => {
  it.each([
    [
      EVENTS_WITH_DEFAULT,
      "ALTER TABLE events ATTACH PARTITION events_1 FOR VALUES IN (1)",
      { events_default: "AccessExclusiveLock" },
    ],
    [
      EVENTS_WITH_DEFAULT,
      "CREATE TABLE events_3 PARTITION OF events FOR VALUES IN (3)",
      { events_default: "AccessExclusiveLock" },
    ],
    [EVENTS_WITH_DEFAULT, "ALTER TABLE events DETACH PARTITION events_2", { events_default: "AccessExclusiveLock" }],
    [EVENTS_WITH_DEFAULT, "ALTER TABLE events DETACH PARTITION events_2 CONCURRENTLY", { events_2: "AccessExclusiveLock" }],
    [
      EVENTS_WITH_DEFAULT,
      "CREATE TRIGGER t AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION touch()",
      { events_2: "ShareRowExclusiveLock", events_default: "ShareRowExclusiveLock" },
    ],
    [ORDER_ITEMS, "TRUNCATE accounts CASCADE", { orders: "AccessExclusiveLock", order_items: "AccessExclusiveLock" }],
    [ORDER_ITEMS, "DROP INDEX accounts_email", { accounts: "AccessExclusiveLock" }],
    [ORDER_ITEMS, "DROP INDEX CONCURRENTLY accounts_email", { accounts: "ShareUpdateExclusiveLock" }],
    [ORDER_ITEMS, "REINDEX INDEX accounts_email", { accounts: "ShareLock" }],
    [ORDER_ITEMS, "ALTER TABLE orders DROP CONSTRAINT orders_account_fk", { accounts: "AccessExclusiveLock" }],
    [ORDER_ITEMS, "DROP TABLE orders", { accounts: "AccessExclusiveLock" }],
    [ORDER_ITEMS, "ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk", { accounts: "RowShareLock" }],
    [SEQUENCED, "ALTER TABLE numbered ALTER COLUMN id RESTART WITH 10", { numbered_id_seq: "ShareRowExclusiveLock" }],
    [SEQUENCED, "ALTER TABLE serialed ALTER COLUMN id TYPE bigint", { serialed_id_seq: "AccessShareLock" }],
  ])("%#: %s", async (setup, sql, expected) => {
    expect(await locksOf(setup, sql)).toMatchObject(expected);
  });

  it("knows none of them without the earlier statements", async () => {
    expect(await locksOf("SELECT 1", "ALTER TABLE events ATTACH PARTITION events_1 FOR VALUES IN (1)")).toEqual({
      events: "ShareUpdateExclusiveLock",
      events_1: "AccessExclusiveLock",
    });
  });
});
