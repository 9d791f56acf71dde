export { RuleTester } from "./rule-tester.js";
export type { ExpectedError, InvalidCase, RuleTests, ValidCase } from "./rule-tester.js";
export { lintCase } from "./lint-case.js";
export type { CaseBase, CaseFile, RuleTesterOptions } from "./lint-case.js";
