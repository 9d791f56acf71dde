import { Command, CommanderError } from "commander";
import { commands } from "./commands/index.js";
import type { CliRuntime } from "./commands/types.js";
import { writeJson } from "./common-options.js";
import { EXIT_CODES, ExitCode } from "./errors.js";
import { failureOf } from "./failure.js";
import { type CliIo, processIo } from "./io.js";
import { CommandMetrics } from "./metrics.js";
import { cliVersion } from "./version.js";

/** The exit-code table as `--help` prints it. */
export function exitCodeHelp(): string {
  return ["Exit codes:", ...EXIT_CODES.map(({ code, meaning }) => `  ${code}  ${meaning}`)].join("\n");
}

/** Builds the program with every command registered. */
export function createProgram(runtime: CliRuntime): Command {
  const program = new Command("confiture")
    .description("Safe, compliant and observable PostgreSQL migrations.")
    .version(cliVersion, "-v, --version", "print the version")
    .option("--verbose", "print stack traces, and which config file is in force")
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => runtime.io.stdout.write(text),
      writeErr: (text) => runtime.io.stderr.write(text),
    })
    .addHelpText(
      "after",
      `
${exitCodeHelp()}
With --format json, stdout holds exactly one JSON document, failures included ({ "error": { code, message } }).

Examples:
  $ confiture preflight migrations/            everything about the pending migrations
  $ confiture lint migrations/ --format sarif   lint for GitHub code scanning
  $ confiture risk migrations/20240101_add_index.up.sql --format json`,
    );
  for (const command of commands) command.register(program, runtime);
  return program;
}

/** Whether the arguments ask for `--format json` (read before parsing, so a usage error can answer in JSON too). */
function asksForJson(argv: readonly string[]): boolean {
  return argv.some(
    (argument, index) =>
      argument === "--format=json" ||
      argument === "-fjson" ||
      ((argument === "--format" || argument === "-f") && argv[index + 1] === "json"),
  );
}

/** Runs the CLI and returns the exit code. The one top-level catch of the CLI. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const runtime: CliRuntime = {
    io,
    exitCode: ExitCode.ok,
    metrics: new CommandMetrics(),
    verbose: argv.includes("--verbose"),
    json: asksForJson(argv),
    wroteJson: false,
  };
  const program = createProgram(runtime);
  try {
    await program.parseAsync(argv, { from: "user" });
    await runtime.metrics.flush(io, runtime.config);
    return runtime.exitCode;
  } catch (error) {
    // --help and --version end here with code 0.
    if (error instanceof CommanderError && error.exitCode === 0) return ExitCode.ok;
    const failure = failureOf(error);
    // Commander has already printed its own usage message.
    if (!(error instanceof CommanderError)) io.stderr.write(`confiture: ${failure.message}\n`);
    if (runtime.verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else if (failure.unexpected) io.stderr.write("(run again with --verbose for the stack trace)\n");
    if (runtime.json && !runtime.wroteJson) writeJson(runtime, { error: { code: failure.code, message: failure.message } });
    return failure.exitCode;
  }
}
