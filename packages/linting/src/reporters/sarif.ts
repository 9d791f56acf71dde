import { createHash } from "node:crypto";
import { ENGINE_VERSION } from "../engine-version.js";
import type { LintResult, RuleCatalogEntry } from "../engine/types.js";
import type { Finding } from "../types.js";
import { displayPath, type ReporterOptions, severityLevel } from "./options.js";

const coreRules: Record<string, { description: string; help: string }> = {
  "parse-error": {
    description: "Require SQL that PostgreSQL can parse.",
    help: "Fix the syntax error; nothing after it in the statement was checked.",
  },
  "rule-error": {
    description: "Report rules that crashed.",
    help: "A rule failed on this statement: report it to the rule's library.",
  },
  "input-error": {
    description: "Require inputs that are SQL text inside the linted directory.",
    help: "Replace the link or file with the migration's SQL text, inside the migrations directory.",
  },
  "unused-suppression": {
    description: "Disallow suppression comments that suppress nothing.",
    help: "Remove the comment or the rule name.",
  },
};

type SarifRule = Record<string, unknown> & { id: string };

function truncate(text: string, length = 1024): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

function ruleDescriptor(entry: RuleCatalogEntry): SarifRule {
  const { meta } = entry;
  const tags = [entry.library, ...(meta.compliance ?? []).map((control) => `${control.framework}/${control.control}`)];
  const squawk = meta.equivalents?.squawk;
  const markdown = [
    meta.description,
    squawk ? `\nEquivalent squawk rule: \`${squawk}\`.` : "",
    meta.deprecated
      ? `\nDeprecated since ${meta.deprecated.since}${meta.deprecated.replacedBy ? `: use \`${meta.deprecated.replacedBy}\`` : ""}.`
      : "",
    (meta.compliance ?? []).length > 0
      ? `\nControls: ${(meta.compliance ?? []).map((c) => `${c.framework} ${c.control}`).join(", ")}.`
      : "",
    meta.docs ? `\n[Documentation](${meta.docs})` : "",
  ].join("");
  return {
    id: `${entry.library}/${entry.id}`,
    name: entry.id,
    shortDescription: { text: truncate(meta.description) },
    fullDescription: { text: truncate(markdown.replace(/\[Documentation\]\(([^)]+)\)/, "Documentation: $1")) },
    help: { text: truncate(markdown.replace(/`/g, "")), markdown },
    ...(meta.docs === undefined ? {} : { helpUri: meta.docs }),
    defaultConfiguration: { level: severityLevel(entry.severity) },
    properties: {
      tags: tags.slice(0, 20),
      precision: "high",
      "problem.severity": severityLevel(entry.severity) === "note" ? "recommendation" : severityLevel(entry.severity),
      version: entry.version,
    },
  };
}

function coreDescriptor(id: string): SarifRule {
  const core = coreRules[id] ?? { description: id, help: id };
  return {
    id: `core/${id}`,
    name: id,
    shortDescription: { text: core.description },
    fullDescription: { text: core.description },
    help: { text: core.help, markdown: core.help },
    defaultConfiguration: { level: id === "unused-suppression" ? "warning" : "error" },
    properties: { tags: ["core"], precision: "very-high" },
  };
}

/** A fingerprint that survives lines moving: rule, file, the text of the lines flagged, and an occurrence counter. */
function fingerprints(findings: readonly Finding[], result: LintResult, cwd: string | undefined): string[] {
  const sources = new Map(result.files.map((file) => [file.path, file.source.split(/\r\n|\r|\n/)]));
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const lines = sources.get(finding.file) ?? [];
    const text = lines
      .slice(finding.line - 1, Math.max(finding.line, Math.min(finding.endLine, finding.line + 20)))
      .join("\n")
      .replace(/\s+/g, " ")
      .trim();
    const hash = createHash("sha256")
      .update(`${finding.library}/${finding.ruleId}\u0000${displayPath(finding.file, cwd)}\u0000${text}`)
      .digest("hex")
      .slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

/** An exact fix replaces the whole statement's text: a SARIF `fixes` entry over the statement's region. */
function fixOf(finding: Finding, result: LintResult, cwd: string | undefined): { fixes?: unknown[] } {
  if (finding.fix === undefined || finding.statementIndex === undefined) return {};
  const statement = result.files
    .find((file) => file.path === finding.file)
    ?.statements.find((entry) => entry.index === finding.statementIndex);
  if (statement === undefined) return {};
  return {
    fixes: [
      {
        description: { text: "Replace the statement with the safe form." },
        artifactChanges: [
          {
            artifactLocation: { uri: encodeURI(displayPath(finding.file, cwd)), uriBaseId: "%SRCROOT%" },
            replacements: [
              {
                deletedRegion: {
                  startLine: statement.line,
                  startColumn: statement.column,
                  endLine: statement.endLine,
                  endColumn: statement.endColumn,
                },
                insertedContent: { text: finding.fix.text },
              },
            ],
          },
        ],
      },
    ],
  };
}

/** SARIF 2.1.0 for GitHub code scanning; the composition audit goes in `run.properties`. */
export function formatSarif(result: LintResult, options: ReporterOptions = {}): string {
  const rules: SarifRule[] = result.rules.filter((entry) => entry.enabled).map(ruleDescriptor);
  for (const finding of result.findings) {
    if (finding.library === "core" && !rules.some((rule) => rule.id === `core/${finding.ruleId}`))
      rules.push(coreDescriptor(finding.ruleId));
  }
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const prints = fingerprints(result.findings, result, options.cwd);
  const results = result.findings.map((finding, position) => {
    const ruleId = `${finding.library}/${finding.ruleId}`;
    const startColumn = Math.max(1, finding.column);
    const endLine = Math.max(finding.line, finding.endLine);
    const endColumn = endLine === finding.line ? Math.max(startColumn + 1, finding.endColumn) : Math.max(1, finding.endColumn);
    return {
      ruleId,
      ...(index.has(ruleId) ? { ruleIndex: index.get(ruleId) } : {}),
      level: severityLevel(finding.severity),
      message: { text: finding.help === undefined ? finding.message : `${finding.message}\n\n${finding.help}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(displayPath(finding.file, options.cwd)), uriBaseId: "%SRCROOT%" },
            region: { startLine: Math.max(1, finding.line), startColumn, endLine: Math.max(1, endLine), endColumn },
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: prints[position]! },
      ...fixOf(finding, result, options.cwd),
      properties: {
        severity: finding.severity,
        messageId: finding.messageId,
        ...(finding.compliance === undefined ? {} : { compliance: finding.compliance }),
        ...(finding.fix === undefined ? {} : { fix: finding.fix.text }),
      },
    };
  });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "confiture",
            ...(options.toolVersion === undefined ? {} : { semanticVersion: options.toolVersion }),
            rules,
          },
        },
        automationDetails: { id: "confiture-lint/" },
        results,
        properties: { engine: ENGINE_VERSION, summary: result.summary, audit: result.audit },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
