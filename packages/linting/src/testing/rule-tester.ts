import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Rule } from "../define-rule.js";
import type { Finding } from "../types.js";
import { type CaseBase, lintCase, type RuleTesterOptions } from "./lint-case.js";

/** A case the rule must not report. A string is the SQL of one file. */
export type ValidCase<Options = unknown> = string | CaseBase<Options>;

/** One expected finding. Unset fields are not checked. */
export interface ExpectedError<MessageIds extends string = string> {
  messageId: MessageIds;
  line?: number;
  column?: number;
  /** For multi-file cases: the path of the file the finding is in. */
  file?: string;
  /** The exact message after template filling. */
  message?: string;
}

/** A case the rule must report, with the findings expected in order (file order, then line). */
export interface InvalidCase<Options = unknown, MessageIds extends string = string> extends CaseBase<Options> {
  errors: ExpectedError<MessageIds>[];
}

/** The cases of one rule, typed by its options' input type and its message ids. */
export interface RuleTests<Options = unknown, MessageIds extends string = string> {
  valid: ValidCase<Options>[];
  invalid: InvalidCase<Options, MessageIds>[];
}

function title(testCase: CaseBase<unknown>): string {
  if (testCase.name !== undefined) return testCase.name;
  const sql = testCase.sql ?? (testCase.files ?? []).map((file) => `${file.path}: ${file.sql}`).join(" | ");
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat || "(empty)";
}

function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return "no findings";
  return findings
    .map(
      (finding) =>
        `  ${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} [${finding.messageId}] ${finding.message}`,
    )
    .join("\n");
}

function engineProblems(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.library === "core" && finding.ruleId !== "unused-suppression");
}

/**
 * Runs tables of valid and invalid SQL through one rule as vitest tests, the way ESLint's
 * RuleTester does. A syntax error or a crash of the rule fails the case.
 */
export class RuleTester {
  constructor(private readonly defaults: RuleTesterOptions = {}) {}

  /**
   * Declares a `describe(name)` block with one `it` per case. The cases are typed by the rule:
   * `options` by the input of its options schema, `messageId` by its messages.
   */
  run<Options extends z.ZodType, MessageIds extends string>(
    name: string,
    rule: Rule<Options, MessageIds>,
    tests: RuleTests<z.input<Options>, MessageIds>,
  ): void {
    describe(name, () => {
      describe("valid", () => {
        for (const entry of tests.valid) {
          const testCase = typeof entry === "string" ? { sql: entry } : entry;
          it(title(testCase), async () => {
            const result = await lintCase(rule, testCase, this.defaults);
            const problems = engineProblems(result.findings);
            expect(problems, `the case must parse and the rule must not crash:\n${describeFindings(problems)}`).toEqual([]);
            const own = result.findings.filter((finding) => finding.ruleId === rule.id);
            expect(own.length, `expected no findings, got:\n${describeFindings(own)}`).toBe(0);
          });
        }
      });
      describe("invalid", () => {
        for (const testCase of tests.invalid) {
          it(title(testCase), async () => {
            for (const error of testCase.errors) {
              expect(Object.keys(rule.meta.messages), `messageId "${error.messageId}" is not in meta.messages`).toContain(
                error.messageId,
              );
            }
            const result = await lintCase(rule, testCase, this.defaults);
            const problems = engineProblems(result.findings);
            expect(problems, `the case must parse and the rule must not crash:\n${describeFindings(problems)}`).toEqual([]);
            const own = result.findings.filter((finding) => finding.ruleId === rule.id);
            expect(own.length, `expected ${testCase.errors.length} finding(s), got:\n${describeFindings(own)}`).toBe(
              testCase.errors.length,
            );
            testCase.errors.forEach((expected, index) => {
              const actual = own[index]!;
              const picked: Partial<ExpectedError> = { messageId: actual.messageId };
              if (expected.line !== undefined) picked.line = actual.line;
              if (expected.column !== undefined) picked.column = actual.column;
              if (expected.file !== undefined) picked.file = actual.file;
              if (expected.message !== undefined) picked.message = actual.message;
              expect(picked, `finding ${index + 1} of:\n${describeFindings(own)}`).toEqual(expected);
            });
          });
        }
      });
    });
  }
}
