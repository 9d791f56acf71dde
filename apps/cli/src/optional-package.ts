import { UsageError } from "./errors.js";

/**
 * The packages a lint-only install leaves out (optional peer dependencies of the CLI): the commands
 * that need them load them when they run, and say what to install when one is missing.
 */
export const OPTIONAL_PACKAGES = [
  "@confiture/db",
  "@confiture/hooks",
  "@confiture/migrate",
  "@confiture/monitoring",
  "@confiture/performance",
  "@confiture/risk",
] as const;

/**
 * The package an import failed to find (Node's `ERR_MODULE_NOT_FOUND`, or `MODULE_NOT_FOUND` from a
 * require), or undefined when the error is something else.
 */
export function missingPackageOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if ((code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && typeof message === "string") {
      const name = /Cannot find (?:package|module) '((?:@[^/']+\/)?[^/']+)/.exec(message)?.[1];
      if (name !== undefined && !name.startsWith(".") && !name.startsWith("/")) return name;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The usage error for a missing optional package: what needs it and the command that installs it.
 * `names` is the missing package, or a space-separated list of what to install, missing one first.
 */
export function missingPackageError(names: string, purpose: string, cause?: unknown): UsageError {
  const [missing] = names.split(" ");
  return new UsageError(
    `${purpose} needs ${missing}, which is not installed (a lint-only install leaves it out): npm install --save-dev ${names}`,
    { cause },
  );
}

/**
 * Imports a package the CLI holds as an optional peer dependency; a missing package becomes a usage
 * error (exit 2) that says what to install.
 */
export async function loadOptional<T>(load: () => Promise<T>, purpose = "this command"): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const missing = missingPackageOf(error);
    if (missing !== undefined) throw missingPackageError(missing, purpose, error);
    throw error;
  }
}
