import { loadModule } from "libpg-query";
import { beforeAll, describe, expect, it } from "vitest";
import { findComments } from "./comments.js";
import { parseDirectives } from "./directives.js";
import { LineIndex } from "./line-index.js";

beforeAll(() => loadModule());

const directivesOf = (sql: string) => parseDirectives(findComments(sql, [], new LineIndex(sql)));

describe("comments and directives", () => {
  it("finds directives in comments with the scanner, not in strings or function bodies", () => {
    const sql = [
      "-- confiture-ignore-file ban-drop-table -- legacy cleanup",
      "SELECT '-- confiture-ignore-file not-a-comment';",
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 -- confiture-ignore-file inside-body",
      "$$;",
      "/* confiture-ignore-next-line a, b */",
      "",
      "DROP TABLE x;",
      "-- squawk-ignore ban-drop-column,renaming-column",
      "ALTER TABLE t DROP COLUMN c;",
      "-- squawk-ignore-file",
      "-- confiture: no-transaction",
      "-- an ordinary comment",
    ].join("\n");
    const directives = directivesOf(sql);
    expect(directives.map((directive) => directive.kind)).toEqual([
      "ignore-file",
      "ignore-next-line",
      "ignore-next-line",
      "ignore-file",
      "transaction",
    ]);
    expect(directives[0]).toMatchObject({ source: "confiture", rules: ["ban-drop-table"], reason: "legacy cleanup" });
    expect(directives[1]).toMatchObject({ source: "confiture", rules: ["a", "b"], line: 7 });
    expect(directives[2]).toMatchObject({ source: "squawk", rules: ["ban-drop-column", "renaming-column"], line: 9 });
    expect(directives[3]).toMatchObject({ source: "squawk", rules: [] });
    expect(directives[4]).toMatchObject({ kind: "transaction", wrap: false });
  });

  it("locates comments after multi-byte characters and CRLF line endings", () => {
    const sql = "SELECT 'é😀';\r\n-- confiture-ignore-next-line x\r\nSELECT 1;";
    const [directive] = directivesOf(sql);
    expect(directive?.comment).toMatchObject({ line: 2, column: 1 });
    expect(directive).toMatchObject({ line: 3 });
  });

  it("falls back to the gaps between statements when the scanner refuses the file", () => {
    const sql = "-- confiture-ignore-file r1\nSELECT 'unterminated";
    const statements = [
      {
        index: 0,
        text: "SELECT 'unterminated",
        start: { offset: 28, line: 2, column: 1 },
        end: { offset: sql.length, line: 2, column: 21 },
        node: undefined,
        kind: "syntax_error",
        relations: [],
      },
    ];
    const directives = parseDirectives(findComments(sql, statements, new LineIndex(sql)));
    expect(directives).toMatchObject([{ kind: "ignore-file", rules: ["r1"] }]);
  });

  it("does not mistake similar words for directives", () => {
    expect(directivesOf("-- confiture-ignore-filesystem\n-- squawk-ignored x\nSELECT 1")).toEqual([]);
  });
});
