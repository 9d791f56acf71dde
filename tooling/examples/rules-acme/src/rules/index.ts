import { requireLockTimeout } from "./require-lock-timeout/index.js";
import { requireTableComment } from "./require-table-comment/index.js";

/** Acme's rules, alphabetically by id. */
export const rules = {
  "require-lock-timeout": requireLockTimeout,
  "require-table-comment": requireTableComment,
};
