import { describe, expect, it } from "vitest";
import { PerformanceError } from "./errors.js";
import { parseQueriesFile } from "./queries-file.js";

describe("parseQueriesFile", () => {
  it("splits queries at name markers and keeps their lines", () => {
    const text =
      "-- lookups\r\n-- name: by-id\r\nSELECT * FROM t\r\nWHERE id = 1;\r\n\r\n-- name: count\nSELECT count(*) FROM t\n";
    expect(parseQueriesFile(text, "q.sql")).toEqual([
      { id: "by-id", sql: "SELECT * FROM t\nWHERE id = 1", source: "q.sql:2" },
      { id: "count", sql: "SELECT count(*) FROM t", source: "q.sql:6" },
    ]);
  });

  it.each([
    ["SELECT 1", /q.sql:1: SQL before the first/],
    ["-- name: a\nSELECT 1\n-- name: a\nSELECT 2", /q.sql:3: the query id "a" is used twice/],
    ["-- name: a\n", /q.sql:1: query "a" has no SQL/],
    ["-- name:\nSELECT 1", /q.sql:1: "-- name:" needs an id/],
    ["", /no queries found/],
  ])("explains what is wrong with %j", (text, message) => {
    expect(() => parseQueriesFile(text, "q.sql")).toThrow(message);
    expect(() => parseQueriesFile(text, "q.sql")).toThrow(PerformanceError);
  });
});
