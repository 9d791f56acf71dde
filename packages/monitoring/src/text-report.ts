import type { SloReport } from "./monitor.js";

const format = (value: number) => (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2));
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The report as a plain-text table for people. */
export function formatSloReportText(report: SloReport): string {
  const lines = [`SLO report (${report.environment}), ${report.generatedAt}`, ""];
  if (report.operations.length === 0) {
    lines.push("No samples yet: run some confiture commands first (every command records its timings).");
    return `${lines.join("\n")}\n`;
  }
  lines.push("operation                  count        p50        p95        p99");
  for (const summary of report.operations) {
    lines.push(
      `${summary.operation.padEnd(24)} ${String(summary.count).padStart(7)} ${format(summary.p50).padStart(10)} ${format(summary.p95).padStart(10)} ${format(summary.p99).padStart(10)}`,
    );
  }
  lines.push("", "objective                                  observed   compliance  budget left  status");
  for (const result of report.objectives) {
    const name = `${result.operation} ${result.label}`;
    const status = result.met ? "ok" : `VIOLATED (${result.severity})`;
    lines.push(
      `${name.padEnd(42)} ${format(result.observed).padStart(8)} ${percent(result.compliance).padStart(12)} ${percent(result.errorBudgetRemaining).padStart(12)}  ${status}`,
    );
  }
  if (report.unmeasured.length > 0) lines.push("", `No samples yet for: ${report.unmeasured.join(", ")}`);
  lines.push("", report.met ? "All measured objectives are met." : `${report.violations.length} objective(s) violated.`);
  return `${lines.join("\n")}\n`;
}
