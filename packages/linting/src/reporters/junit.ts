import type { LintResult } from "../engine/types.js";
import type { Finding } from "../types.js";
import { displayPath, type ReporterOptions } from "./options.js";

/** Escapes text for XML attributes and content (drops characters XML 1.0 forbids). */
export function escapeXml(text: string): string {
  let clean = "";
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    // XML 1.0 allows tab, line feed, carriage return and everything from space up, minus surrogates and U+FFFE/U+FFFF.
    const allowed =
      code === 9 ||
      code === 10 ||
      code === 13 ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    if (allowed) clean += character;
  }
  return clean.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function failure(finding: Finding, path: string): string {
  const type = finding.ruleId === "parse-error" || finding.ruleId === "rule-error" ? "error" : "failure";
  const body = [
    `${path}:${finding.line}:${finding.column} ${finding.severity} ${finding.message}`,
    ...(finding.help === undefined ? [] : [`help: ${finding.help}`]),
    ...(finding.docsUrl === undefined ? [] : [`docs: ${finding.docsUrl}`]),
  ].join("\n");
  const name = `${finding.library}/${finding.ruleId} ${path}:${finding.line}:${finding.column}`;
  return (
    `    <testcase classname="${escapeXml(`${finding.library}/${finding.ruleId}`)}" name="${escapeXml(name)}" file="${escapeXml(path)}" line="${finding.line}" time="0">\n` +
    `      <${type} message="${escapeXml(finding.message)}" type="${escapeXml(finding.severity)}">${escapeXml(body)}</${type}>\n` +
    "    </testcase>"
  );
}

/**
 * JUnit XML: one testsuite per file, a failing testcase per finding (file:line in the name, as
 * GitLab deduplicates by classname and name) and a passing testcase per enabled rule that found
 * nothing in the file.
 */
export function formatJunit(result: LintResult, options: ReporterOptions = {}): string {
  const enabled = result.rules.filter((entry) => entry.enabled);
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  let totalErrors = 0;
  for (const file of result.files) {
    const path = displayPath(file.path, options.cwd);
    const findings = result.findings.filter((finding) => finding.file === file.path);
    const failing = new Set(findings.map((finding) => `${finding.library}/${finding.ruleId}`));
    const cases = findings.map((finding) => failure(finding, path));
    for (const entry of enabled) {
      const id = `${entry.library}/${entry.id}`;
      if (failing.has(id)) continue;
      cases.push(
        `    <testcase classname="${escapeXml(id)}" name="${escapeXml(`${id} ${path}`)}" file="${escapeXml(path)}" time="0"/>`,
      );
    }
    const errors = findings.filter((finding) => finding.ruleId === "parse-error" || finding.ruleId === "rule-error").length;
    const failures = findings.length - errors;
    totalTests += cases.length;
    totalFailures += failures;
    totalErrors += errors;
    suites.push(
      `  <testsuite name="${escapeXml(path)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="0">\n` +
        `${cases.join("\n")}\n  </testsuite>`,
    );
  }
  const seconds = (result.summary.durationMs / 1000).toFixed(3);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="confiture lint" tests="${totalTests}" failures="${totalFailures}" errors="${totalErrors}" skipped="0" time="${seconds}">\n` +
    `${suites.join("\n")}\n</testsuites>\n`
  );
}
