import { UsageError } from "./errors.js";

/**
 * An empty set of inputs is a usage error (exit 2), as ESLint treats patterns that match no file:
 * a typo in a path must not pass as "no problems".
 */
export function requireInputs(count: number, where: string, hint = ""): void {
  if (count > 0) return;
  throw new UsageError(`no SQL files found in ${where}${hint === "" ? "" : ` (${hint})`}`);
}
