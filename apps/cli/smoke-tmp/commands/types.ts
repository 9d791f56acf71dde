import type { Command } from "commander";
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
  /** Set by actions: 0 ok, 1 findings/failures, 2 usage, 3 locked. */
  exitCode: number;
  /** Timings of this invocation, stored for `confiture slo` when the command ends. Call `metrics.observe(emitter)`. */
  metrics: CommandMetrics;
}
