import {
  type Environment,
  environmentSchema,
  formatSloReportText,
  objectivesFor,
  SloMonitor,
  servePrometheus,
  toPrometheus,
} from "@confiture/monitoring";
import { type Command, Option } from "commander";
import { loadCommandConfig } from "../command-config.js";
import { addCommonOptions, resolveDatabaseUrl, writeJson } from "../common-options.js";
import { announceTarget } from "../database-target.js";
import { UsageError } from "../errors.js";
import { defaultMetricsPath } from "../metrics.js";
import { environmentOf, metricsDatabaseUrl, sloConfigOf, withMetricsStore } from "../metrics-store.js";
import type { CliRuntime, CommandModule } from "./types.js";

interface SloOptions {
  format: string;
  env?: string;
  config?: string;
  db?: string;
  metrics?: string;
  serve?: string;
}

function parseEnvironment(value: string): Environment {
  const parsed = environmentSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--env must be local, staging or production (got "${value}")`);
  return parsed.data;
}

async function buildReport(options: SloOptions, runtime: CliRuntime) {
  const loaded = await loadCommandConfig(runtime, options);
  const config = await sloConfigOf(runtime.io, loaded);
  const environment = options.env === undefined ? environmentOf(runtime.io, config) : parseEnvironment(options.env);
  const url = options.db === undefined ? undefined : resolveDatabaseUrl(options, runtime.io);
  const storeUrl = metricsDatabaseUrl(runtime.io, config, url);
  // The store's table is created on first use: name the database before touching it.
  if (storeUrl !== undefined && runtime.target === undefined) announceTarget(runtime, "reading the metrics kept in", storeUrl);
  const file = options.metrics ?? defaultMetricsPath(runtime.io, loaded);
  const samples = await withMetricsStore(runtime.io, config, url, (store) => store.readAll(), file);
  const monitor = new SloMonitor({ environment });
  // Samples recorded without an environment come from a developer's machine: local.
  monitor.load(samples.map((sample) => ({ ...sample, environment: sample.environment ?? "local" })));
  return monitor.report(objectivesFor(environment, config));
}

function addSloOptions(command: Command, formats: string[]): Command {
  return addCommonOptions(command, formats)
    .addOption(
      new Option(
        "--env <environment>",
        "objectives and samples of this environment (default: CONFITURE_ENV, else slo.environment, else local)",
      ).choices(["local", "staging", "production"]),
    )
    .option(
      "--metrics <file>",
      "metrics file (default: .confiture/metrics.jsonl); with --db (or CONFITURE_METRICS_URL, or slo.databaseUrl), the confiture.metrics table instead",
    );
}

export const sloCommand: CommandModule = {
  name: "slo",
  register(program, runtime) {
    const slo = program
      .command("slo")
      .description("service-level objectives for Confiture's own operations, measured on every command")
      .addHelpText(
        "after",
        `
Every confiture command records how long its operations took (hook execution, risk assessment,
rule composition, regression checks...) in .confiture/metrics.jsonl. These commands compare the
recorded samples with the objectives of an environment.

Examples:
  $ confiture slo report                          table of percentiles and objectives
  $ confiture slo report --format prometheus       text exposition for Prometheus
  $ confiture slo report --serve 9464              serve it at http://127.0.0.1:9464/metrics
  $ confiture slo check --env production           exit 1 when an objective is violated`,
      );

    addSloOptions(slo.command("report").description("percentiles, compliance, error budgets and violations"), [
      "text",
      "json",
      "prometheus",
    ])
      .option("--serve <port>", "serve the Prometheus exposition on 127.0.0.1:<port>/metrics until interrupted")
      .action(async (options: SloOptions) => {
        if (options.serve !== undefined) {
          const port = Number(options.serve);
          if (!Number.isInteger(port) || port < 0 || port > 65535)
            throw new UsageError(`--serve takes a port number (got "${options.serve}")`);
          const server = await servePrometheus(port, async () => toPrometheus(await buildReport(options, runtime)));
          const address = server.address();
          runtime.io.stderr.write(
            `Serving http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/metrics (Ctrl-C to stop)\n`,
          );
          await new Promise<void>((resolve) => {
            const stop = () => server.close(() => resolve());
            process.once("SIGINT", stop);
            process.once("SIGTERM", stop);
          });
          return;
        }
        const report = await buildReport(options, runtime);
        if (options.format === "json") writeJson(runtime, report);
        else if (options.format === "prometheus") runtime.io.stdout.write(toPrometheus(report));
        else runtime.io.stdout.write(formatSloReportText(report));
      });

    addSloOptions(slo.command("check").description("exit 1 when a measured objective is violated (for CI)"), [
      "text",
      "json",
    ]).action(async (options: SloOptions) => {
      const report = await buildReport(options, runtime);
      if (options.format === "json")
        writeJson(runtime, { met: report.met, violations: report.violations, unmeasured: report.unmeasured });
      else runtime.io.stdout.write(formatSloReportText(report));
      runtime.exitCode = report.met ? 0 : 1;
    });
  },
};
