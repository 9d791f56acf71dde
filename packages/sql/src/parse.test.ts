import { beforeAll, describe, expect, it } from "vitest";
import { ParserNotLoadedError } from "./errors.js";
import { parseSql, parseSqlSync } from "./parse.js";
import { loadParser } from "./parser.js";
import { statementLocation } from "./statement-location.js";

beforeAll(async () => {
  await loadParser();
});

/** Each statement as `kind@line:column-endLine:endColumn`. */
function outline(sql: string): string[] {
  return parseSqlSync(sql).statements.map((statement) => {
    const { start, end } = statement;
    return `${statement.kind}@${start.line}:${start.column}-${end.line}:${end.column}`;
  });
}

describe("splitting and positions", () => {
  it.each([
    ["one statement without semicolon", "SELECT 1", ["select@1:1-1:9"]],
    ["two statements on one line", "SELECT 1; SELECT 2;", ["select@1:1-1:9", "select@1:11-1:19"]],
    ["comments before a statement are not part of it", "-- head\n/* block */ SELECT 1;", ["select@2:13-2:21"]],
    ["empty statements are ignored", ";;\n ; SELECT 1;;", ["select@2:4-2:12"]],
    ["CRLF line endings", "SELECT 1;\r\nSELECT 2;\r\n\r\nSELECT 3;", ["select@1:1-1:9", "select@2:1-2:9", "select@4:1-4:9"]],
    ["columns count code points", "SELECT 'é😀';  SELECT 2;", ["select@1:1-1:12", "select@1:15-1:23"]],
    [
      "semicolons inside dollar quotes",
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\nSELECT 2;",
      ["create_function@1:1-1:64", "select@2:1-2:9"],
    ],
    ["semicolons inside strings and identifiers", `SELECT ';' AS ";";\nSELECT 2;`, ["select@1:1-1:18", "select@2:1-2:9"]],
    [
      "BEGIN ATOMIC bodies",
      "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; SELECT 2; END;\nSELECT 3;",
      ["create_function@1:1-1:69", "select@2:1-2:9"],
    ],
    [
      "CASE ... END inside BEGIN ATOMIC",
      "CREATE OR REPLACE FUNCTION f(x int) RETURNS bool BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN true END; END; SELECT 1;",
      ["create_function@1:1-1:104", "select@1:106-1:114"],
    ],
    [
      "CREATE RULE with several actions",
      "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1;",
      ["create_rule@1:1-1:93", "select@1:95-1:103"],
    ],
    [
      "BEGIN/COMMIT blocks",
      "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\nSTART TRANSACTION; ROLLBACK;",
      ["begin@1:1-1:6", "create_table@2:1-2:24", "commit@3:1-3:7", "begin@4:1-4:18", "rollback@4:20-4:28"],
    ],
    [
      "psql meta-commands end a statement and are skipped",
      "SELECT 1\n\\set ON_ERROR_STOP on\nSELECT 2 \\g\nSELECT 3;",
      ["select@1:1-1:9", "select@3:1-3:9", "select@4:1-4:9"],
    ],
    ["multi-line statement", "ALTER TABLE t\n  ADD COLUMN x int;", ["add_column@1:1-2:19"]],
  ])("%s", (_name, sql, expected) => {
    expect(outline(sql)).toEqual(expected);
  });

  it("keeps the exact text without the semicolon, and the file offsets", () => {
    const source = "-- c\nSELECT  'ü' ;\n";
    const [statement] = parseSqlSync(source).statements;
    expect(statement?.text).toBe("SELECT  'ü'");
    expect(source.slice(statement?.start.offset, statement?.end.offset)).toBe("SELECT  'ü'");
  });

  it("reports a syntax error as data and still parses the statements around it", async () => {
    const parsed = await parseSql("SELECT 1;\nALTER TABLE users ADD COLUMN;\nCREATE INDEX i ON t (a);", { file: "m.sql" });
    expect(parsed.statements.map((statement) => statement.kind)).toEqual(["select", "syntax_error", "create_index"]);
    expect(parsed.errors).toEqual([{ message: "syntax error at end of input", file: "m.sql", line: 2, column: 29, offset: 38 }]);
    expect(parsed.statements[1]?.error?.line).toBe(2);
    expect(parsed.statements[2]?.node).toBeDefined();
  });

  it("places the error on the offending token, after multi-byte characters", () => {
    const [statement] = parseSqlSync("SELECT '😀ñ' FROM WHERE").statements;
    expect(statement?.error).toMatchObject({ line: 1, column: 18, offset: 18 });
  });

  it("turns an unterminated quote into one erroring statement that runs to the end", () => {
    const parsed = parseSqlSync("SELECT 1;\nSELECT 'oops;\nSELECT 2;");
    expect(parsed.statements.map((statement) => statement.kind)).toEqual(["select", "syntax_error"]);
    expect(parsed.statements[1]?.error?.message).toContain("unterminated quoted string");
    expect(parsed.statements[1]?.error).toMatchObject({ line: 2, column: 8 });
    expect(parsed.statements[1]?.end.line).toBe(3);
  });

  it("recovers from a lexical error at the next semicolon, and lints what follows", () => {
    const cases: Array<[string, string[]]> = [
      ["SELECT E'\\udb99'; DROP TABLE users;", ["syntax_error", "drop_table"]],
      ["SELECT 1; SELECT E'\\u00';\nDROP TABLE a;\nDROP TABLE b;", ["select", "syntax_error", "drop_table", "drop_table"]],
      ["SELECT 0x; DROP TABLE a; SELECT 12abc; DROP TABLE b;", ["syntax_error", "drop_table", "syntax_error", "drop_table"]],
      ['SELECT ""; DROP TABLE a;', ["syntax_error", "drop_table"]],
      ["SELECT U&'\\dbff'; DROP TABLE a;", ["syntax_error", "drop_table"]],
    ];
    for (const [sql, kinds] of cases) expect(parseSqlSync(sql).statements.map((statement) => statement.kind)).toEqual(kinds);
    const parsed = parseSqlSync("SELECT E'\\udb99';\nDROP TABLE users;");
    expect(parsed.statements[0]).toMatchObject({ text: "SELECT E'\\udb99'", end: { line: 1 } });
    expect(parsed.statements[1]).toMatchObject({ text: "DROP TABLE users", start: { line: 2, column: 1, offset: 18 } });
  });

  it("does not resume at a semicolon inside the quote that holds the lexical error", () => {
    const parsed = parseSqlSync("SELECT E'\\udb99; DROP TABLE a;'; DROP TABLE b;");
    expect(parsed.statements.map((statement) => statement.text)).toEqual(["SELECT E'\\udb99; DROP TABLE a;'", "DROP TABLE b"]);
    expect(outline("SELECT 'oops; DROP TABLE a;")).toEqual(["syntax_error@1:1-1:28"]);
  });

  it("ignores a UTF-8 byte-order mark before the first statement", () => {
    const source = "\uFEFFCREATE TABLE a (id int);\nDROP TABLE a;";
    const parsed = parseSqlSync(source);
    expect(parsed.errors).toEqual([]);
    expect(parsed.statements.map((statement) => statement.kind)).toEqual(["create_table", "drop_table"]);
    expect(parsed.statements[0]?.start).toEqual({ line: 1, column: 1, offset: 1 });
    expect(source.slice(parsed.statements[1]?.start.offset, parsed.statements[1]?.end.offset)).toBe("DROP TABLE a");
    expect(parsed.source).toBe(source);
  });

  it("handles an unterminated comment after a grammar error", () => {
    const parsed = parseSqlSync("SELEC 1;\nSELECT 2;\n/* open");
    expect(parsed.statements.map((statement) => statement.kind)).toEqual(["syntax_error", "select", "syntax_error"]);
  });

  it("throws a typed error when the parser is not loaded only from the sync API contract", () => {
    expect(ParserNotLoadedError.isInstance(new ParserNotLoadedError())).toBe(true);
    expect(ParserNotLoadedError.isInstance(new Error("x"))).toBe(false);
  });

  it("maps node locations (bytes inside the statement) to file positions", () => {
    const [, statement] = parseSqlSync("SELECT 1;\n  SELECT 'é',\n    x FROM t").statements;
    if (statement === undefined) throw new Error("missing statement");
    const byteOfX = Buffer.byteLength("SELECT 'é',\n    ", "utf8");
    expect(statementLocation(statement, byteOfX)).toMatchObject({ line: 3, column: 5 });
  });

  it("accepts NUL characters without losing the rest of the file", () => {
    expect(outline("SELECT '\u0000';\nSELECT 2;").length).toBe(2);
  });
});
