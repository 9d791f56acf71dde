import { defineLibrary } from "../define-library.js";
import { rules } from "../rules/index.js";

/**
 * The built-in `general` library: PostgreSQL migration safety rules (every squawk rule, the eugene and
 * pgfence lock rules) and the checkable general rules of the original design. Its `recommended` set
 * is computed from rule meta by `defineLibrary`.
 */
export const general = defineLibrary({
  name: "general",
  version: "0.1.0",
  description: "PostgreSQL migration safety: locks, rewrites, transactions, timeouts, types, naming and reversibility.",
  rules,
});
