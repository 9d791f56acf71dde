import { type Calibration, calibrate, describeServer, formatDuration, saveCalibration } from "@confiture/risk";
import { Option } from "commander";
import { loadCommandConfig } from "../command-config.js";
import { addCommonOptions, resolveDatabaseUrl, writeJson } from "../common-options.js";
import { announceTarget } from "../database-target.js";
import { UsageError } from "../errors.js";
import { withOptionalDatabase } from "./risk.js";
import type { CliRuntime, CommandModule } from "./types.js";

interface CalibrateOptions {
  format: string;
  db?: string;
  config?: string;
  rows?: string;
  shapes?: string;
}

/** A positive whole number option, at least `minimum`. */
function wholeNumber(name: string, value: string | undefined, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum)
    throw new UsageError(`--${name} must be a whole number of at least ${minimum} (got "${value}")`);
  return number;
}

/** Coefficients for people: the fitted rate of the feature that matters most per kind of operation. */
function describeModel(operation: string, model: Calibration["models"][keyof Calibration["models"]]): string {
  const fixed = formatDuration(model.coefficients.fixed ?? 0);
  const bounds = `x${Math.exp(model.lowerLog).toFixed(2)} to x${Math.exp(model.upperLog).toFixed(2)} (${Math.round(model.level * 100)}%, ${model.samples} runs)`;
  return `  ${operation.padEnd(24)} fixed ${fixed.padStart(7)}  bounds ${bounds}`;
}

export const calibrateCommand: CommandModule = {
  name: "calibrate",
  register(program, runtime: CliRuntime) {
    addCommonOptions(
      program
        .command("calibrate")
        .description(
          "measure this server's cost of rewrites, index builds, validations, foreign key checks and DML for downtime predictions",
        )
        .addOption(new Option("--rows <count>", "rows of the largest generated table (default: 200,000)"))
        .addOption(new Option("--shapes <count>", "how many generated table shapes (default: 8)"))
        .addHelpText(
          "after",
          `
Generates table shapes in schema confiture_calibration (dropped afterwards): rows of several widths,
values stored out of line (TOAST), text keys in the database's collation and in C, integer keys in
order and at random, jsonb with a GIN index, foreign keys to parents of other sizes, fill factors.
Times each kind of operation on them three times (interleaved, median kept) and fits a cost model
per kind of operation on its own measurements, with bounds from leaving each shape out in turn.
Stores the result, with the server it measured (version, driver, cluster fingerprint), in
confiture.calibration on the database (or in .confiture/calibration.json beside the config for the
embedded database). A calibration of the embedded PGlite measures PostgreSQL compiled to WebAssembly
inside this process, not a server: predictions for a server say so and lower their confidence.
Takes a few minutes.

Examples:
  $ confiture calibrate --db postgres://localhost/staging
  $ confiture calibrate --rows 500000 --format json`,
        ),
    ).action(async (options: CalibrateOptions) => {
      const rows = wholeNumber("rows", options.rows, 1000);
      const shapes = wholeNumber("shapes", options.shapes, 2);
      const loaded = await loadCommandConfig(runtime, options);
      const url = resolveDatabaseUrl(options, runtime.io, loaded.config.database?.url) ?? "pglite:";
      const target = announceTarget(runtime, "calibrating (scratch tables, dropped afterwards) on", url);
      if (target.driver === "pglite")
        runtime.io.stderr.write(
          "confiture: this measures the embedded WebAssembly database, not a server; pass --db postgres://... to calibrate yours\n",
        );
      const { calibration, location } = await withOptionalDatabase(url, runtime.io, async (db) => {
        if (db === undefined) throw new UsageError("no database to calibrate");
        const measured = await calibrate(db, {
          ...(rows === undefined ? {} : { maximumRows: rows, minimumRows: Math.max(1000, Math.round(rows / 10)) }),
          ...(shapes === undefined ? {} : { shapes }),
          onProgress: (message) => runtime.io.stderr.write(`${message}\n`),
        });
        // The embedded database is a scratch one: keep its calibration in the project directory.
        const where = await saveCalibration(measured, db.driver === "pg" ? { db } : { directory: loaded.directory });
        return { calibration: measured, location: where };
      });
      if (options.format === "json") {
        writeJson(runtime, { location, calibration });
        return;
      }
      const lines = [`Calibrated ${describeServer(calibration.server)}; stored in ${location}.`];
      if (calibration.server.driver === "pglite") {
        lines.push(
          "  This measured PGlite, PostgreSQL compiled to WebAssembly in this process: predictions for a server will say so and lower their confidence.",
        );
      }
      for (const [operation, model] of Object.entries(calibration.models)) lines.push(describeModel(operation, model));
      runtime.io.stdout.write(`${lines.join("\n")}\n`);
    });
  },
};
