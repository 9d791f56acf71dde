#!/usr/bin/env node
// Adds up the vitest summaries ("Tests  12 passed | 1 skipped (13)") and the end-to-end checks
// ("plugin path: 7 passed, 0 failed") found in CI logs, and prints one closing line:
// "tests: N passed, N failed, N skipped".
import { readFileSync } from "node:fs";

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const file of process.argv.slice(2)) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes from the logs.
  const text = readFileSync(file, "utf8").replace(/\u001b\[[0-9;]*m/g, "");
  for (const line of text.split("\n")) {
    const summary = /(?:^|\s)Tests\s+(.*)\(\d+\)\s*$/.exec(line) ?? /plugin path: (.*)$/.exec(line);
    if (!summary) continue;
    for (const [, count, kind] of (summary[1] ?? "").matchAll(/(\d+) (passed|failed|skipped)/g)) totals[kind] += Number(count);
  }
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
