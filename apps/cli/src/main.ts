import { Command, CommanderError } from "commander";
import { type CommandEntry, commandsFor, timingSourcesOf } from "./commands/index.js";
import type { CliRuntime, CommandModule } from "./commands/types.js";
import { writeJson } from "./common-options.js";
import { EXIT_CODES, ExitCode } from "./errors.js";
import { failureOf } from "./failure.js";
import { type CliIo, processIo } from "./io.js";
import { CommandMetrics } from "./metrics.js";
import { missingPackageError, missingPackageOf } from "./optional-package.js";
import { cliVersion } from "./version.js";

/** The exit-code table as `--help` prints it. */
export function exitCodeHelp(): string {
  return ["Exit codes:", ...EXIT_CODES.map(({ code, meaning }) => `  ${code}  ${meaning}`)].join("\n");
}

/** Every package to install for a command (idempotent for those already there), the missing one first. */
function installList(entry: CommandEntry, missing: string): string {
  return [missing, ...entry.packages.filter((name) => name !== missing)].join(" ");
}

/**
 * A command whose module cannot load because an optional package is missing: it stays in `--help`,
 * and running it says what to install (exit 2).
 */
function unavailableCommand(entry: CommandEntry, missing: string, cause: unknown): CommandModule {
  return {
    name: entry.name,
    register(program) {
      program
        .command(entry.name)
        .description(`(not installed: npm install --save-dev ${installList(entry, missing)})`)
        .allowUnknownOption()
        .allowExcessArguments()
        .helpOption(false)
        .action(() => {
          throw missingPackageError(installList(entry, missing), `confiture ${entry.name}`, cause);
        });
    },
  };
}

/** Imports a command's module, and starts recording the timings its packages publish. */
async function loadCommand(entry: CommandEntry, runtime: CliRuntime): Promise<CommandModule> {
  try {
    const module = await entry.load();
    for (const source of await timingSourcesOf(entry)) runtime.metrics.observe(source);
    return module;
  } catch (error) {
    const missing = missingPackageOf(error);
    if (missing === undefined) throw error;
    return unavailableCommand(entry, missing, error);
  }
}

/**
 * Builds the program with the commands `argv` needs registered (see `commandsFor`): only the one
 * that runs is imported, so start-up pays for nothing else. Without `argv`, every command.
 */
export async function createProgram(runtime: CliRuntime, argv?: readonly string[]): Promise<Command> {
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
  const entries = argv === undefined ? commandsFor(["--help"]) : commandsFor(argv);
  const modules = await Promise.all(entries.map((entry) => loadCommand(entry, runtime)));
  for (const command of modules) command.register(program, runtime);
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
  try {
    const program = await createProgram(runtime, argv);
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
