import { type Command, Option } from "commander";
import { UsageError } from "./errors.js";
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
    .option("-c, --config <path>", "config file (default: confiture.config.{ts,mjs,js,json,yaml} in the current directory)");
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

/** Prints a value as pretty JSON on stdout. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
