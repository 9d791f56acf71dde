import type { LintResult } from "../engine/types.js";

/** The JSON contract of `confiture lint`: `{ findings, summary, audit }`. */
export function formatJson(result: LintResult): string {
  return `${JSON.stringify({ findings: result.findings, summary: result.summary, audit: result.audit }, null, 2)}\n`;
}
