import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { LOCK_MODEL_CASES } from "./lock-model-cases.js";
import { parseSqlSync } from "./parse.js";
import { loadParser, parseTree } from "./parser.js";
import { SourceText } from "./source-text.js";
import { splitStatements, splitWithScanner } from "./split.js";

beforeAll(async () => {
  await loadParser();
});

function spans(split: typeof splitStatements, text: string): Array<[number, number]> {
  return split(new SourceText(text), text).map((span) => [span.start, span.end]);
}

const STATEMENTS = [
  ...LOCK_MODEL_CASES.map((testCase) => testCase.sql),
  "CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; SELECT 2; END",
  "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
  "SELECT 'é😀 -- not a comment' AS \"a;b\" -- trailing comment\n",
  "SELECT $$ ; /* $$ /* nested /* comment */ */",
];
const SEPARATORS = [";", ";\n", ";\r\n", " ;\n\n", "; -- note\n", ";/* block */", ";;\n", "\n;\n-- between\n"];

describe("the parser fast path", () => {
  it("splits valid files exactly as the scanner does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...STATEMENTS), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("", "-- header\n", "/* header */\r\n", "\n\n"),
        (parts, header) => {
          const text = header + parts.map(([statement, separator]) => statement + separator).join("");
          expect(spans(splitStatements, text)).toEqual(spans(splitWithScanner, text));
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it("gives the same parse trees, locations included, as parsing each statement alone", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATEMENTS), { minLength: 1, maxLength: 6 }), (statements) => {
        const parsed = parseSqlSync(`-- é😀\n${statements.join(";\n")}`);
        for (const statement of parsed.statements) {
          expect(statement.node).toEqual(parseTree(statement.text).stmts?.[0]?.stmt);
        }
      }),
      { numRuns: 100, seed: 5 },
    );
  });
});
