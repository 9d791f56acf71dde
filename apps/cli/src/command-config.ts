import type { CliRuntime } from "./commands/types.js";
import { type LoadedConfig, loadConfig } from "./config/load-config.js";

/**
 * Loads the command's config (`--config`, else the nearest `confiture.config.*` from the working
 * directory up to the repository root), remembers it for the JSON document, and with `--verbose`
 * says on stderr which file is in force.
 */
export async function loadCommandConfig(runtime: CliRuntime, options: { config?: string | undefined }): Promise<LoadedConfig> {
  const { io } = runtime;
  const loaded = await loadConfig({ cwd: io.cwd, ...(options.config === undefined ? {} : { path: options.config }) });
  runtime.config = loaded;
  if (runtime.verbose) {
    io.stderr.write(
      loaded.path === undefined
        ? `confiture: no confiture.config.* in ${io.cwd} or above it (up to the repository root); using the defaults\n`
        : `confiture: config ${loaded.path}\n`,
    );
  }
  return loaded;
}
