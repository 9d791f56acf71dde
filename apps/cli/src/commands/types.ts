import type { Command } from "commander";
import type { LoadedConfig } from "../config/load-config.js";
import type { DatabaseTarget } from "../database-target.js";
import type { CliIo } from "../io.js";
import type { CommandMetrics } from "../metrics.js";

/**
 * A command module: adds its subcommand to the program. The action sets `runtime.exitCode`;
 * errors it throws reach the one top-level catch in `main.ts`.
 */
export interface CommandModule {
  name: string;
  register(program: Command, runtime: CliRuntime): void;
}

export interface CliRuntime {
  io: CliIo;
  /** Set by actions: 0 ok, 1 findings/failures, 2 usage, 3 locked, 4 post-commit check failed (see `EXIT_CODES`). */
  exitCode: number;
  /** Timings of this invocation, stored for `confiture slo` when the command ends. Call `metrics.observe(emitter)`. */
  metrics: CommandMetrics;
  /** `--verbose`: stack traces, and which config file is in force. */
  verbose: boolean;
  /** Whether `--format json` was asked for: every outcome, failures included, is then one JSON document on stdout. */
  json: boolean;
  /** The config the command loaded (through `loadCommandConfig`), named in every JSON document. */
  config?: LoadedConfig;
  /** The database the command changes (through `announceTarget`), named in every JSON document. */
  target?: DatabaseTarget;
  /** Set once a JSON document went to stdout, so a failure after it does not write a second one. */
  wroteJson: boolean;
}
