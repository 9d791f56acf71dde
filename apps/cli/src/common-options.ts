import { type Command, Option } from "commander";
import { UsageError } from "./errors.js";
import type { CliRuntime } from "./commands/types.js";
import type { CliIo } from "./io.js";

/** Options every command shares, as commander parses them. */
export interface CommonOptions {
  format: string;
  db?: string;
  config?: string;
  verbose?: boolean;
}

/**
 * Adds `--format`, `--db` and `--config` to a command. `formats` lists what the command can print;
 * the first is the default.
 */
export function addCommonOptions(command: Command, formats: readonly string[] = ["text", "json"]): Command {
  return command
    .addOption(new Option("-f, --format <format>", "output format").choices([...formats]).default(formats[0]))
    .option(
      "--db <url>",
      "database URL: postgres://... for a server, pglite:<dir> or pglite: for embedded (default: $DATABASE_URL, else embedded)",
    )
    .option(
      "-c, --config <path>",
      "config file (default: the first confiture.config.{ts,mts,js,mjs,json,yaml,yml} in the current directory or above it, up to the repository root)",
    );
}

/** The database URL a command should use: `--db`, then `DATABASE_URL`, then the config's, else undefined (embedded). */
export function resolveDatabaseUrl(options: { db?: string }, io: CliIo, configUrl?: string): string | undefined {
  const url = options.db ?? io.env.DATABASE_URL ?? configUrl;
  if (url === undefined || url === "") return undefined;
  if (!/^(postgres|postgresql|pglite):/.test(url)) {
    throw new UsageError(`--db must start with postgres://, postgresql:// or pglite: (got "${url.split(":")[0]}:...")`);
  }
  return url;
}

/**
 * Prints a command's JSON document on stdout, with the config file in force (`config`: its path, or
 * null for the defaults) and, for commands that change a database, the `target`.
 */
export function writeJson(runtime: CliRuntime, value: object): void {
  const document = {
    ...value,
    config: runtime.config?.path ?? null,
    ...(runtime.target === undefined ? {} : { target: runtime.target }),
  };
  runtime.wroteJson = true;
  runtime.io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}
