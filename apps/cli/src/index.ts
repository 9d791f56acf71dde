export { run, createProgram } from "./main.js";
export { EXIT_CODES, ExitCode, UsageError } from "./errors.js";
export { memoryIo, processIo } from "./io.js";
export type { CliIo } from "./io.js";
export type { CliRuntime, CommandModule } from "./commands/types.js";
export { defineConfig } from "./config/index.js";
export type { ConfitureConfig, ConfitureConfigInput } from "./config/index.js";
