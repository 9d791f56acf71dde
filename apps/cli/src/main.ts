import { Command, CommanderError } from "commander";
import { commands } from "./commands/index.js";
import type { CliRuntime } from "./commands/types.js";
import { ExitCode, UsageError } from "./errors.js";
import { type CliIo, processIo } from "./io.js";
import { CommandMetrics } from "./metrics.js";
import { cliVersion } from "./version.js";

/** Builds the program with every command registered. */
export function createProgram(runtime: CliRuntime): Command {
  const program = new Command("confiture")
    .description("Safe, compliant and observable PostgreSQL migrations.")
    .version(cliVersion, "-v, --version", "print the version")
    .option("--verbose", "print stack traces and debug logs")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => runtime.io.stdout.write(text),
      writeErr: (text) => runtime.io.stderr.write(text),
    })
    .addHelpText(
      "after",
      `
Exit codes: 0 ok, 1 findings or failures at error level, 2 usage or configuration error,
3 another migration run holds the lock.

Examples:
  $ confiture preflight migrations/            everything about the pending migrations
  $ confiture lint migrations/ --format sarif   lint for GitHub code scanning
  $ confiture risk migrations/20240101_add_index.up.sql --format json`,
    );
  for (const command of commands) command.register(program, runtime);
  return program;
}

/** Runs the CLI and returns the exit code. The one top-level catch of the CLI. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const runtime: CliRuntime = { io, exitCode: ExitCode.ok, metrics: new CommandMetrics() };
  const program = createProgram(runtime);
  try {
    await program.parseAsync(argv, { from: "user" });
    await runtime.metrics.flush(io);
    return runtime.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage mistakes with 1 from commander, which we map to 2.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const verbose = argv.includes("--verbose");
    if (UsageError.isInstance(error)) {
      io.stderr.write(`confiture: ${error.message}\n`);
      if (verbose && error.stack) io.stderr.write(`${error.stack}\n`);
      return ExitCode.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`confiture: ${message}\n`);
    if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write("(run again with --verbose for the stack trace)\n");
    return ExitCode.failure;
  }
}
