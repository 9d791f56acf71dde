import { calibrate, formatDuration, saveCalibration } from "@confiture/risk";
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
}

export const calibrateCommand: CommandModule = {
  name: "calibrate",
  register(program, runtime: CliRuntime) {
    addCommonOptions(
      program
        .command("calibrate")
        .description("measure this server's rewrite, scan, index build and validation throughput for downtime predictions")
        .addOption(
          new Option("--rows <count>", "rows of the largest scratch table (default: 200,000, more when shared_buffers is large)"),
        )
        .addHelpText(
          "after",
          `
Creates scratch tables in schema confiture_calibration (dropped afterwards), times each kind of
operation on them three times at two sizes, and stores the result in confiture.calibration on the
database (or in .confiture/calibration.json beside the config for the embedded database). Takes
from a few seconds to about a minute, depending on the server.

Examples:
  $ confiture calibrate --db postgres://localhost/staging
  $ confiture calibrate --rows 500000 --format json`,
        ),
    ).action(async (options: CalibrateOptions) => {
      const rows = options.rows === undefined ? undefined : Number(options.rows);
      if (rows !== undefined && (!Number.isInteger(rows) || rows < 1000)) {
        throw new UsageError(`--rows must be a whole number of at least 1000 (got "${options.rows}")`);
      }
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
          ...(rows === undefined ? {} : { rows }),
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
      const lines = [
        `Calibrated PostgreSQL ${calibration.server.majorVersion} (${calibration.server.driver}); stored in ${location}.`,
      ];
      for (const [operation, throughput] of Object.entries(calibration.throughput)) {
        const rate =
          operation === "catalog"
            ? "-"
            : throughput.unit !== "rows"
              ? `${(throughput.perSecond / 1024 ** 2).toFixed(1)} MiB/s`
              : `${Math.round(throughput.perSecond).toLocaleString("en-US")} rows/s`;
        const indexes =
          throughput.indexBytesPerSecond === undefined
            ? ""
            : `  + indexes at ${(throughput.indexBytesPerSecond / 1024 ** 2).toFixed(1)} MiB/s`;
        lines.push(`  ${operation.padEnd(24)} ${rate.padStart(16)}  + ${formatDuration(throughput.fixedMs)}${indexes}`);
      }
      runtime.io.stdout.write(`${lines.join("\n")}\n`);
    });
  },
};
