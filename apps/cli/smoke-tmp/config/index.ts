export { CONFIG_FILE_NAMES, describeIssues, findConfigFile, loadConfig } from "./load-config.js";
export type { LoadedConfig } from "./load-config.js";
export { loadLibrary, resolveLibraries } from "./resolve-libraries.js";
export { confitureConfigSchema, defineConfig } from "./schema.js";
export type { ConfitureConfig, ConfitureConfigInput } from "./schema.js";
