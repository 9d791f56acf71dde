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

const SOURCE_LABELS: Record<string, string> = {
  lock_model: "nothing blocked",
  migration: "created by the migrations: empty",
};
const sourceLabel = (source: string) => SOURCE_LABELS[source] ?? source;

/** Where each table's figures came from, for people. */
function tableLines(report: RiskReport): string[] {
  return report.inputs.tables.map(
    (table) =>
      `  ${table.relation}: ${table.rowEstimate.toLocaleString("en-US")} rows, ${formatBytes(table.tableBytes)} heap, ${formatBytes(table.toastBytes)} TOAST, ${formatBytes(table.indexBytes)} indexes [${sourceLabel(table.source)}]`,
  );
}

/** Why some files cannot be judged. */
function unjudgedLines(report: RiskReport): string[] {
  return report.unjudged.map(
    (item) => `Cannot judge ${item.file}: line ${item.line}, column ${item.column} does not parse (${item.message}).`,
  );
}

/** The lines of a risk report for people, without colours. */
export function formatRiskText(report: RiskReport): string {
  const { downtime } = report;
  const lines = [
    ...unjudgedLines(report),
    `Risk: ${report.level} (score ${report.score.toFixed(2)})${report.levelReason === undefined ? "" : `: ${report.levelReason}`}`,
    ...report.factors.map(
      (factor) =>
        `  ${factor.name.padEnd(16)} ${factor.value.toFixed(2)} x ${factor.weight.toFixed(2)}  ${factorInput(factor)} [${sourceLabel(factor.source)}]`,
    ),
    `Writes blocked: ${bounds(downtime)}${downtime.blockedRelation === null ? "" : ` on ${downtime.blockedRelation}`}`,
    `Total duration: ${bounds(downtime.totalDuration)}`,
    `Strongest lock: ${downtime.lock === null ? "none" : `${downtime.lock.mode} on ${downtime.lock.relation}`}`,
    `Method: ${downtime.method}, confidence ${Math.round(downtime.confidence * 100)}%; inputs from ${report.inputs.source}`,
    ...downtime.caveats.map((caveat) => `  - ${caveat}`),
    ...(report.inputs.tables.length === 0 ? [] : ["Tables:", ...tableLines(report)]),
    ...(report.migrations.length > 1
      ? [
          "Migrations (each commits before the next; the riskiest sets the level):",
          ...report.migrations.map(
            (migration) =>
              `  ${migration.level.padEnd(8)} ${migration.score.toFixed(2)}  ${migration.file}  blocks ${formatDuration(migration.downtime.estimateMs)}${migration.judged ? "" : "  (does not parse: not judged)"}`,
          ),
        ]
      : []),
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
    ...unjudgedLines(report).map((line) => `> ${line}`),
    ...(report.unjudged.length > 0 ? [""] : []),
    `**Risk: ${report.level}** (score ${report.score.toFixed(2)}) · writes blocked ${bounds(downtime)}${downtime.blockedRelation === null ? "" : ` on \`${downtime.blockedRelation}\``} · total ${bounds(downtime.totalDuration)} · ${downtime.method}, confidence ${Math.round(downtime.confidence * 100)}% · inputs from ${report.inputs.source}`,
    "",
    "| Factor | Value | Weight | Input | Source |",
    "| --- | ---: | ---: | --- | --- |",
    ...report.factors.map(
      (factor) =>
        `| ${factor.name} | ${factor.value.toFixed(2)} | ${factor.weight.toFixed(2)} | ${escapeCell(factorInput(factor))} | ${sourceLabel(factor.source)} |`,
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
