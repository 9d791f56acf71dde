import { findTable } from "@confiture/sql";
import { describe, expect, it } from "vitest";
import { placeIn, PrefixSchemas } from "./prefix-schema.js";

const texts = new Map([
  ["/m/0002_index.up.sql", "CREATE INDEX orders_total_idx ON orders (total);"],
  ["/m/0001_orders.up.sql", "CREATE TABLE orders (id bigint, total numeric);"],
  ["/m/0001_orders.down.sql", "DROP TABLE orders;"],
  ["/m/0003_notes.up.sql", "CREATE TABLE notes (id bigint);"],
]);

describe("placeIn", () => {
  it("replays the up files before a document, and a down file's own up before it", () => {
    expect(placeIn("/m/0002_index.up.sql", texts).before.map((file) => file.path)).toEqual(["/m/0001_orders.up.sql"]);
    expect(placeIn("/m/0001_orders.down.sql", texts).before.map((file) => file.path)).toEqual(["/m/0001_orders.up.sql"]);
    expect(placeIn("/m/0001_orders.up.sql", texts).before).toEqual([]);
    expect(placeIn("/m/0003_notes.up.sql", texts).all).toEqual([
      "/m/0001_orders.up.sql",
      "/m/0001_orders.down.sql",
      "/m/0002_index.up.sql",
      "/m/0003_notes.up.sql",
    ]);
  });
});

describe("PrefixSchemas", () => {
  it("builds the catalog of the earlier migrations once, and again only when one of them changes", async () => {
    const schemas = new PrefixSchemas();
    const before = placeIn("/m/0002_index.up.sql", texts).before;
    const first = await schemas.schemaBefore("/m/0002_index.up.sql", before);
    expect(findTable(first, { name: "orders" })?.columns.has("total")).toBe(true);
    expect(await schemas.schemaBefore("/m/0002_index.up.sql", before)).toBe(first);
    const changed = [{ path: "/m/0001_orders.up.sql", source: "CREATE TABLE orders (id bigint);" }];
    const rebuilt = await schemas.schemaBefore("/m/0002_index.up.sql", changed);
    expect(rebuilt).not.toBe(first);
    expect(findTable(rebuilt, { name: "orders" })?.columns.has("total")).toBe(false);
  });
});
