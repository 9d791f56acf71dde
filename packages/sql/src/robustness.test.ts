import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeSql } from "./analyze.js";
import { LOCK_MODEL_CASES } from "./lock-model-cases.js";
import { parseSql } from "./parse.js";
import { loadParser } from "./parser.js";
import type { ParsedFile } from "./types.js";

beforeAll(async () => {
  await loadParser();
});

/** Positions are inside the file, in order, and each statement's text is the source between them. */
function expectSanePositions(parsed: ParsedFile): void {
  let previousEnd = 0;
  for (const statement of parsed.statements) {
    expect(statement.start.offset).toBeGreaterThanOrEqual(previousEnd);
    expect(statement.end.offset).toBeGreaterThanOrEqual(statement.start.offset);
    expect(statement.end.offset).toBeLessThanOrEqual(parsed.source.length);
    expect(parsed.source.slice(statement.start.offset, statement.end.offset)).toBe(statement.text);
    expect(statement.start.line).toBeGreaterThanOrEqual(1);
    expect(statement.start.column).toBeGreaterThanOrEqual(1);
    previousEnd = statement.end.offset;
  }
  for (const error of parsed.errors) {
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThanOrEqual(parsed.source.length);
  }
}

const FRAGMENTS = [
  ...LOCK_MODEL_CASES.map((testCase) => testCase.sql),
  "BEGIN",
  "COMMIT",
  "$$",
  "$tag$ ; $tag$",
  "'",
  '"',
  "/*",
  "*/",
  "--",
  "\n",
  "\r\n",
  ";",
  "(",
  ")",
  "BEGIN ATOMIC",
  "END",
  "CREATE FUNCTION f() RETURNS int",
  "é😀",
  "E'\\",
  "123abc",
];

describe("robustness", () => {
  it("never throws on random text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 200 }), async (text) => {
        const parsed = await parseSql(text);
        expectSanePositions(parsed);
        await analyzeSql(text);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it("never throws on mutated SQL", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(3)), { maxLength: 4 }),
        async (fragments, cuts) => {
          let text = fragments.join(" ");
          // Delete a few short spans to break quotes, parentheses and keywords.
          for (const [position, length] of cuts) {
            const at = position % (text.length + 1);
            text = text.slice(0, at) + text.slice(at + length);
          }
          const parsed = await parseSql(text);
          expectSanePositions(parsed);
          const analyses = await analyzeSql(text, { pgVersion: 11 });
          expect(analyses).toHaveLength(parsed.statements.length);
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });
});

describe("PostgreSQL regression SQL", () => {
  it.each([
    ["errors.sql", { minimumStatements: 70, minimumErrors: 30 }],
    ["create_function_sql.sql", { minimumStatements: 40, minimumErrors: 0 }],
  ])("%s parses without throwing, with sane positions", async (name, expected) => {
    const source = readFileSync(new URL(`./__fixtures__/regress/${name}`, import.meta.url), "utf8");
    const parsed = await parseSql(source, { file: name });
    expectSanePositions(parsed);
    expect(parsed.statements.length).toBeGreaterThanOrEqual(expected.minimumStatements);
    expect(parsed.errors.length).toBeGreaterThanOrEqual(expected.minimumErrors);
    for (const error of parsed.errors) expect(error.file).toBe(name);
    await analyzeSql(source);
  });

  it("keeps every BEGIN ATOMIC body in one statement", async () => {
    const source = readFileSync(new URL("./__fixtures__/regress/create_function_sql.sql", import.meta.url), "utf8");
    const parsed = await parseSql(source);
    const atomic = parsed.statements.filter((statement) => statement.text.includes("BEGIN ATOMIC"));
    expect(atomic).toHaveLength(6);
    for (const statement of atomic) {
      expect(statement.kind).toBe("create_function");
      expect(statement.text.trimEnd().endsWith("END")).toBe(true);
    }
  });
});
