/**
 * The `./config` subpath: this package's section of `confiture.config.*` and nothing else, so the
 * CLI can check the section when it loads a config without loading the package (and its drivers).
 */
export { riskConfigSchema } from "./config.js";
