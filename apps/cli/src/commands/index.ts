import { sloCommand } from "./slo.js";
import type { CommandModule } from "./types.js";

/** Every command of the CLI, in the order `--help` lists them. Each lives in its own file. */
export const commands: CommandModule[] = [
  sloCommand,
];
