import type { RiskReport } from "./assess.js";
import type { RiskFactor } from "./factors.js";
import { formatBytes, formatDuration } from "./units.js";

function factorInput(factor: RiskFactor): string {
  if (typeof factor.input === "string") return factor.input;
  if (factor.unit === "bytes") return formatBytes(factor.input);
  if (factor.unit === "ms") return formatDuration(factor.input);
  if (factor.unit === "share of max_connections") return `${Math.round(factor.input * 100)}% of max_connections`;
  return `${factor.input} ${factor.unit}`;
}

const bounds = (report: { estimateMs: number; lowerMs: number; upperMs: number }) =>
  `${formatDuration(report.estimateMs)} (${formatDuration(report.lowerMs)} to ${formatDuration(report.upperMs)})`;

/** The lines of a risk report for people, without colours. */
export function formatRiskText(report: RiskReport): string {
  const { downtime } = report;
  const lines = [
    `Risk: ${report.level} (score ${report.score.toFixed(2)})`,
    ...report.factors.map(
      (factor) =>
        `  ${factor.name.padEnd(16)} ${factor.value.toFixed(2)} x ${factor.weight.toFixed(2)}  ${factorInput(factor)} [${factor.source}]`,
    ),
    `Writes blocked: ${bounds(downtime)}${downtime.blockedRelation === null ? "" : ` on ${downtime.blockedRelation}`}`,
    `Total duration: ${bounds(downtime.totalDuration)}`,
    `Strongest lock: ${downtime.lock === null ? "none" : `${downtime.lock.mode} on ${downtime.lock.relation}`}`,
    `Method: ${downtime.method}, confidence ${Math.round(downtime.confidence * 100)}%; inputs from ${report.inputs.source}`,
    ...downtime.caveats.map((caveat) => `  - ${caveat}`),
    "",
    "Statements:",
    ...report.statements.map((statement) => {
      const lock = statement.locks.map((item) => `${item.mode} on ${item.relation}`).join(", ") || "no table lock";
      const flags = [
        statement.rewrite ? "rewrite" : "",
        statement.scan ? "scan" : "",
        statement.transactional ? "" : "no transaction",
      ]
        .filter(Boolean)
        .join(", ");
      return `  ${statement.file}:${statement.line}  ${statement.kind}  ${lock}${flags ? ` (${flags})` : ""}  ~${formatDuration(statement.downtime.estimateMs)} [${statement.downtime.method}]`;
    }),
  ];
  return `${lines.join("\n")}\n`;
}

const escapeCell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** A risk report as Markdown, for a pull request comment. */
export function formatRiskMarkdown(report: RiskReport): string {
  const { downtime } = report;
  const lines = [
    `**Risk: ${report.level}** (score ${report.score.toFixed(2)}) · writes blocked ${bounds(downtime)}${downtime.blockedRelation === null ? "" : ` on \`${downtime.blockedRelation}\``} · total ${bounds(downtime.totalDuration)} · ${downtime.method}, confidence ${Math.round(downtime.confidence * 100)}% · inputs from ${report.inputs.source}`,
    "",
    "| Factor | Value | Weight | Input | Source |",
    "| --- | ---: | ---: | --- | --- |",
    ...report.factors.map(
      (factor) =>
        `| ${factor.name} | ${factor.value.toFixed(2)} | ${factor.weight.toFixed(2)} | ${escapeCell(factorInput(factor))} | ${factor.source} |`,
    ),
    "",
    "| Statement | Kind | Locks | Rewrite | Estimate | Method |",
    "| --- | --- | --- | --- | ---: | --- |",
    ...report.statements.map(
      (statement) =>
        `| \`${statement.file}:${statement.line}\` | ${statement.kind} | ${escapeCell(statement.locks.map((lock) => `${lock.mode} on ${lock.relation}`).join(", ") || "none")} | ${statement.rewrite ? "yes" : "no"} | ${formatDuration(statement.downtime.estimateMs)} | ${statement.downtime.method} |`,
    ),
  ];
  if (downtime.caveats.length > 0) {
    lines.push(
      "",
      "<details><summary>Caveats</summary>",
      "",
      ...downtime.caveats.map((caveat) => `- ${escapeCell(caveat)}`),
      "",
      "</details>",
    );
  }
  return `${lines.join("\n")}\n`;
}
