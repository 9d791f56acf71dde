export { describeIssues, suggestKey } from "./describe-issues.js";
export { CONFIG_FILE_NAMES, findConfigFile, loadConfig } from "./load-config.js";
export type { LoadedConfig } from "./load-config.js";
export { loadLibrary, resolveLibraries } from "./resolve-libraries.js";
export { confitureConfigSchema, defineConfig } from "./schema.js";
export type { ConfitureConfig, ConfitureConfigInput } from "./schema.js";
