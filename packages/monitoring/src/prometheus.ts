import { createServer, type Server } from "node:http";
import type { SloReport } from "./monitor.js";

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function labels(values: Record<string, string>): string {
  const parts = Object.entries(values).map(([key, value]) => `${key}="${escapeLabel(value)}"`);
  return parts.length === 0 ? "" : `{${parts.join(",")}}`;
}

function number(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "+Inf";
  if (value === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(value);
}

/**
 * The report in the Prometheus text exposition format (version 0.0.4): quantiles (0.5, 0.95, 0.99),
 * sample count and mean per operation, and per objective its
 * compliance, target, remaining error budget and whether it is violated (with its severity).
 */
export function toPrometheus(report: SloReport): string {
  const lines: string[] = [];
  const metric = (name: string, help: string, type: string) => lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);

  // Gauges rather than a summary: the figures come from a bounded window of stored samples, not a
  // monotonic stream, so _count/_sum would go backwards when old samples are dropped.
  metric(
    "confiture_operation_quantile",
    "Quantiles of observed values per operation (milliseconds, or the operation's unit).",
    "gauge",
  );
  for (const summary of report.operations) {
    const base = { operation: summary.operation, environment: report.environment };
    for (const [quantile, value] of [
      ["0.5", summary.p50],
      ["0.95", summary.p95],
      ["0.99", summary.p99],
    ] as const) {
      lines.push(`confiture_operation_quantile${labels({ ...base, quantile })} ${number(value)}`);
    }
  }
  metric("confiture_operation_samples", "Samples of the operation in the stored window.", "gauge");
  for (const summary of report.operations) {
    lines.push(
      `confiture_operation_samples${labels({ operation: summary.operation, environment: report.environment })} ${summary.count}`,
    );
  }
  metric("confiture_operation_mean", "Mean of the operation's observed values.", "gauge");
  for (const summary of report.operations) {
    lines.push(
      `confiture_operation_mean${labels({ operation: summary.operation, environment: report.environment })} ${number(summary.mean)}`,
    );
  }

  const perObjective: Array<[string, string, (result: SloReport["objectives"][number]) => number]> = [
    ["confiture_slo_compliance_ratio", "Share of samples within the objective's threshold.", (result) => result.compliance],
    ["confiture_slo_target_ratio", "Share of samples the objective requires within its threshold.", (result) => result.target],
    [
      "confiture_slo_error_budget_remaining_ratio",
      "Error budget left (1 untouched, 0 spent, below 0 overspent).",
      (result) => result.errorBudgetRemaining,
    ],
    [
      "confiture_slo_observed",
      "The observed percentile or extreme value compared with the threshold.",
      (result) => result.observed,
    ],
    ["confiture_slo_threshold", "The objective's threshold.", (result) => result.threshold],
  ];
  for (const [name, help, pick] of perObjective) {
    metric(name, help, "gauge");
    for (const result of report.objectives) {
      lines.push(
        `${name}${labels({ operation: result.operation, objective: result.label, environment: report.environment })} ${number(pick(result))}`,
      );
    }
  }
  metric("confiture_slo_violation", "1 when the objective is violated, labelled with the severity.", "gauge");
  for (const result of report.objectives) {
    lines.push(
      `confiture_slo_violation${labels({ operation: result.operation, objective: result.label, environment: report.environment, severity: result.severity ?? "none" })} ${result.met ? 0 : 1}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Serves the exposition at `http://127.0.0.1:<port>/metrics` for a Prometheus server to scrape.
 * `render` is called on every scrape so the figures are current. Resolves once listening.
 */
export async function servePrometheus(port: number, render: () => Promise<string> | string, host = "127.0.0.1"): Promise<Server> {
  const server = createServer(async (request, response) => {
    if (request.url !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain" }).end("see /metrics\n");
      return;
    }
    try {
      const body = await render();
      response.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }).end(body);
    } catch (error) {
      response.writeHead(500, { "content-type": "text/plain" }).end(`${(error as Error).message}\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
