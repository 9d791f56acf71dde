// Preloaded with `node --import`: records the URL of every module the process loads (ESM, and the
// CommonJS entries ESM imports) in the file named by CONFITURE_RECORD_MODULES, one per line.
import { register } from "node:module";

register(new URL("./record-modules-hooks.mjs", import.meta.url));
