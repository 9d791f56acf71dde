import { resolve } from "node:path";
import { formatBytes, takeSnapshot, writeSnapshot } from "@confiture/risk";
import { loadCommandConfig } from "../command-config.js";
import { addCommonOptions, resolveDatabaseUrl, writeJson } from "../common-options.js";
import { UsageError } from "../errors.js";
import { withOptionalDatabase } from "./risk.js";
import type { CliRuntime, CommandModule } from "./types.js";

interface StatsExportOptions {
  format: string;
  db?: string;
  config?: string;
  output?: string;
}

export const statsCommand: CommandModule = {
  name: "stats",
  register(program, runtime: CliRuntime) {
    const stats = program
      .command("stats")
      .description("statistics snapshots: production sizes for risk assessment without production access");
    addCommonOptions(
      stats
        .command("export")
        .description("write table sizes, row estimates, dependencies, activity and the server version as JSON")
        .option("-o, --output <file>", "write the snapshot to this file (default: stdout)")
        .addHelpText(
          "after",
          `
Only catalog statistics are exported, never table contents.

Examples:
  $ confiture stats export --db "$PRODUCTION_URL" -o prod-stats.json
  $ confiture risk migrations/ --snapshot prod-stats.json`,
        ),
    ).action(async (options: StatsExportOptions) => {
      const loaded = await loadCommandConfig(runtime, options);
      const url = resolveDatabaseUrl(options, runtime.io, loaded.config.database?.url);
      if (url === undefined) throw new UsageError("confiture stats export needs a database: --db <url> or DATABASE_URL");
      const snapshot = await withOptionalDatabase(url, runtime.io, (db) => takeSnapshot(db!));
      if (options.output === undefined) {
        // The snapshot itself, as `risk --snapshot` reads it back: no other field.
        runtime.wroteJson = true;
        runtime.io.stdout.write(`${JSON.stringify(snapshot, null, 2)}\n`);
        return;
      }
      const path = resolve(runtime.io.cwd, options.output);
      await writeSnapshot(path, snapshot);
      const total = snapshot.tables.reduce((sum, table) => sum + table.totalBytes, 0);
      const summary = { output: path, tables: snapshot.tables.length, totalBytes: total, takenAt: snapshot.takenAt };
      if (options.format === "json") writeJson(runtime, summary);
      else runtime.io.stdout.write(`Wrote ${snapshot.tables.length} tables (${formatBytes(total)}) to ${options.output}.\n`);
    });
  },
};
