export { describeMigrations } from "./describe.js";
export { readFileDirectives } from "./file-directives.js";
export type { FileDirectives, FileSection } from "./file-directives.js";
export { RUNNERS } from "./types.js";
export type { MigrationInfo, MigrationRole, RunnerName, TransactionMode } from "./types.js";
