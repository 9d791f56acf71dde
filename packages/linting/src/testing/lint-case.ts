import type { PgVersion } from "@confiture/sql";
import { defineLibrary } from "../define-library.js";
import type { Rule } from "../define-rule.js";
import { lint } from "../engine/lint.js";
import type { LintResult } from "../engine/types.js";
import type { LintSettings } from "../types.js";

/** A file of a multi-file case. */
export interface CaseFile {
  path: string;
  sql: string;
}

/**
 * What every case may set. Give either `sql` (one file) or `files` (replayed in migration order).
 * `Options` is the input type of the rule's options schema (the `RuleTester` infers it from the rule),
 * so a misspelt option key is a type error in the test file, and an unknown key fails at run time too.
 */
export interface CaseBase<Options = unknown> {
  sql?: string;
  files?: CaseFile[];
  /** The rule's options, validated by its schema (unknown keys are refused). */
  options?: Options;
  pgVersion?: PgVersion;
  settings?: Partial<LintSettings>;
  /** A test title; defaults to the SQL. */
  name?: string;
  /** Report unused suppressions in this case. */
  reportUnusedSuppressions?: boolean;
}

/** Defaults shared by every case of a tester. */
export interface RuleTesterOptions {
  pgVersion?: PgVersion;
  settings?: Partial<LintSettings>;
  /** The file name of single-file cases (default `0001_test.up.sql`). */
  fileName?: string;
}

/** The files a case lints. */
export function caseFiles(testCase: CaseBase<unknown>, defaults: RuleTesterOptions): Array<{ path: string; source: string }> {
  if (testCase.files !== undefined) return testCase.files.map((file) => ({ path: file.path, source: file.sql }));
  return [{ path: defaults.fileName ?? "0001_test.up.sql", source: testCase.sql ?? "" }];
}

/** Lints one case with only `rule` enabled, at its default severity. Usable without vitest. */
export async function lintCase(rule: Rule, testCase: CaseBase<unknown>, defaults: RuleTesterOptions = {}): Promise<LintResult> {
  const library = defineLibrary({ name: "test", version: "0.0.0", rules: [rule] });
  const pgVersion = testCase.pgVersion ?? defaults.pgVersion;
  return lint({
    files: caseFiles(testCase, defaults),
    libraries: [library],
    config: {
      rules: { [rule.id]: [rule.meta.severity, testCase.options] },
      reportUnusedSuppressions: testCase.reportUnusedSuppressions ?? false,
    },
    ...(pgVersion === undefined ? {} : { pgVersion }),
    settings: { ...defaults.settings, ...testCase.settings },
  });
}
